import type { MutationCtx, QueryCtx } from "../../_generated/server";

/**
 * A tier's live pass epoch (0 until the first bump). `feed.live` reads it on every run; since
 * all viewers of the tier share that run, the read costs one document per change, not per viewer.
 */
export async function currentPassEpoch(ctx: QueryCtx, tierKey: string): Promise<number> {
  const row = await ctx.db
    .query("livePassEpochs")
    .withIndex("by_tier", (q) => q.eq("tierKey", tierKey))
    .unique();
  return row?.epoch ?? 0;
}

/**
 * Invalidates every live pass of the tier: someone lost access, and a pass cannot tell whose it
 * was. Honest dashboards get "revoked" from `feed.live` and ask for a new pass (the gate decides
 * again); a shared or replayed pass simply stops working. `unlessBumpedSince` skips the bump when
 * one already happened at or after that time (every pass issued before it is already dead).
 */
export async function bumpPassEpoch(
  ctx: MutationCtx,
  tierKey: string,
  now: number,
  unlessBumpedSince?: number,
): Promise<boolean> {
  const row = await ctx.db
    .query("livePassEpochs")
    .withIndex("by_tier", (q) => q.eq("tierKey", tierKey))
    .unique();
  if (row === null) {
    await ctx.db.insert("livePassEpochs", { tierKey, epoch: 1, bumpedAt: now });
    return true;
  }
  if (unlessBumpedSince !== undefined && row.bumpedAt >= unlessBumpedSince) return false;
  await ctx.db.patch("livePassEpochs", row._id, { epoch: row.epoch + 1, bumpedAt: now });
  return true;
}
