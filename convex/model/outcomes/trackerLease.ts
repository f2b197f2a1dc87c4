import type { Doc } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { appError } from "../shared/errors";

const KEY = "tracker";

export async function leaseRow(ctx: QueryCtx): Promise<Doc<"trackerLeases"> | null> {
  return ctx.db
    .query("trackerLeases")
    .withIndex("by_key", (q) => q.eq("key", KEY))
    .unique();
}

/**
 * One tracker instance follows the market at a time: the lease goes to whoever asks while it is
 * free, expired or already theirs. Others stand by and ask again; a crashed holder's lease
 * expires. Returns whether `owner` holds it now.
 */
export async function acquireLease(
  ctx: MutationCtx,
  owner: string,
  leaseMs: number,
): Promise<{ held: boolean; expiresAt: number; cursor: number }> {
  const now = Date.now();
  const row = await leaseRow(ctx);
  if (row === null) {
    await ctx.db.insert("trackerLeases", { key: KEY, owner, expiresAt: now + leaseMs, cursor: 0 });
    return { held: true, expiresAt: now + leaseMs, cursor: 0 };
  }
  if (row.owner === owner || row.owner === undefined || row.expiresAt <= now) {
    await ctx.db.patch("trackerLeases", row._id, { owner, expiresAt: now + leaseMs });
    return { held: true, expiresAt: now + leaseMs, cursor: row.cursor };
  }
  return { held: false, expiresAt: row.expiresAt, cursor: row.cursor };
}

export async function releaseLease(ctx: MutationCtx, owner: string): Promise<void> {
  const row = await leaseRow(ctx);
  if (row !== null && row.owner === owner) {
    await ctx.db.patch("trackerLeases", row._id, { owner: undefined, expiresAt: 0 });
  }
}

/** Writes need the lease: a tracker that lost it (paused, partitioned) must not write over the new holder. */
export async function requireLease(ctx: MutationCtx, owner: string): Promise<Doc<"trackerLeases">> {
  const row = await leaseRow(ctx);
  if (row === null || row.owner !== owner || row.expiresAt <= Date.now()) {
    throw appError("LEASE_LOST", "This tracker does not hold the lease");
  }
  return row;
}
