import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation } from "./_generated/server";
import { refreshRollups, signalFlags } from "./model/outcomes/outcomeRollups";

/** Where a trade counts: the day rollups of its tier and channel (scheduleRollupRefresh). */
const vTradePlace = v.object({
  tierKey: v.string(),
  sourceChannelId: v.string(),
  closedAt: v.number(),
});

const DEFAULT_PAGE_SIZE = 200;
const MAX_PAGE_SIZE = 500;

/**
 * Builds the daily statistics rollups (outcomeStatsDays) for the closed trades stored before
 * they existed, and the deleted/edited flags those trades lacked. Internal; run it once with the
 * deployment's admin key after deploying the rollups:
 *
 *   npx convex run outcomeRollups:backfill
 *
 * One page of trades (oldest closing time first) per mutation; each schedules the next with its
 * cursor and returns it. Every step rebuilds whole days from their trades, so it is idempotent:
 * a chain that stopped is resumed by running it again with the last cursor returned (or from the
 * start), and trades closing meanwhile keep their rollups current on their own.
 */
export const backfill = internalMutation({
  args: {
    cursor: v.optional(v.union(v.string(), v.null())),
    pageSize: v.optional(v.number()),
  },
  returns: v.object({
    processed: v.number(),
    done: v.boolean(),
    cursor: v.string(),
  }),
  handler: async (ctx, { cursor = null, pageSize }) => {
    const numItems = Math.max(
      1,
      Math.min(Math.floor(pageSize ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE),
    );
    const page = await ctx.db
      .query("outcomeTrades")
      .withIndex("by_closed_at")
      .paginate({ numItems, cursor });
    for (const trade of page.page) {
      const flags = signalFlags(await ctx.db.get("signals", trade.signalId));
      if (
        trade.signalDeleted !== flags.signalDeleted ||
        trade.signalEdited !== flags.signalEdited
      ) {
        await ctx.db.patch("outcomeTrades", trade._id, flags);
      }
    }
    await refreshRollups(ctx, page.page);
    if (!page.isDone) {
      await ctx.scheduler.runAfter(0, internal.outcomeRollups.backfill, {
        cursor: page.continueCursor,
        pageSize: numItems,
      });
    }
    return { processed: page.page.length, done: page.isDone, cursor: page.continueCursor };
  },
});

/**
 * Rebuilds the day rollups of these places from their trades. Scheduled by the mutation that
 * changed a trade (a close written by the tracker, a signal's deletion or edit), so that mutation
 * does not read a day's trades nor write rollups itself.
 */
export const refresh = internalMutation({
  args: { places: v.array(vTradePlace) },
  returns: v.null(),
  handler: async (ctx, { places }) => {
    await refreshRollups(ctx, places);
    return null;
  },
});
