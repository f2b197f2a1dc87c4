import { v } from "convex/values";
import { internalMutation } from "./_generated/server";
import { bumpPassEpoch } from "./model/feed/livePassEpoch";

/**
 * Scheduled by `feed.livePass` when it hands a pass to a viewer whose access ends on its own
 * (period end, end of grace) before the pass expires: at that moment the tier's passes are
 * invalidated, as a revocation would. Skipped if a bump already happened since then.
 */
export const bumpAfterLapse = internalMutation({
  args: { tierKey: v.string(), lapsedAt: v.number() },
  returns: v.object({ bumped: v.boolean() }),
  handler: async (ctx, { tierKey, lapsedAt }) => ({
    bumped: await bumpPassEpoch(ctx, tierKey, Date.now(), lapsedAt),
  }),
});
