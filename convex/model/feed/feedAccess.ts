import { v, type Infer } from "convex/values";
import type { QueryCtx } from "../../_generated/server";
import { accessibleTiers } from "../payments/access";
import { getViewer } from "../auth/auth";
import { purchaseUrlOnSale, tierByKey, tiersInOrder } from "../payments/tierMapping";

export const vLockReason = v.union(v.literal("signed_out"), v.literal("no_access"));

export const vLocked = v.object({
  locked: v.literal(true),
  reason: vLockReason,
  purchaseUrl: v.optional(v.string()),
});

export type Locked = Infer<typeof vLocked>;

export type FeedAccess = Locked | { locked: false; tiers: string[] };

/**
 * Where a locked viewer can buy: the tier asked for, else the first tier on sale in pricing
 * order. A retired tier is off sale and offers no link.
 */
async function purchaseUrlFor(
  ctx: QueryCtx,
  tierKey: string | undefined,
): Promise<string | undefined> {
  if (tierKey !== undefined) {
    const tier = await tierByKey(ctx, tierKey);
    const url = tier === null ? undefined : purchaseUrlOnSale(tier);
    if (url !== undefined) return url;
  }
  const tiers = await tiersInOrder(ctx, 20);
  for (const tier of tiers) {
    const url = purchaseUrlOnSale(tier);
    if (url !== undefined) return url;
  }
  return undefined;
}

/**
 * The feed's use of the access gate: which tiers the signed-in viewer may read now, or a locked
 * result that carries no signal content. Admins go through the same gate as everyone else.
 */
export async function resolveFeedAccess(ctx: QueryCtx, wantedTier?: string): Promise<FeedAccess> {
  const viewer = await getViewer(ctx);
  if (viewer === null) {
    return lockedResult("signed_out", await purchaseUrlFor(ctx, wantedTier));
  }
  const tiers = [...(await accessibleTiers(ctx, viewer._id, Date.now()))].sort();
  const allowed = wantedTier === undefined ? tiers : tiers.filter((tier) => tier === wantedTier);
  if (allowed.length === 0) {
    return lockedResult("no_access", await purchaseUrlFor(ctx, wantedTier));
  }
  return { locked: false, tiers: allowed };
}

function lockedResult(reason: Locked["reason"], purchaseUrl: string | undefined): Locked {
  return { locked: true, reason, ...(purchaseUrl === undefined ? {} : { purchaseUrl }) };
}
