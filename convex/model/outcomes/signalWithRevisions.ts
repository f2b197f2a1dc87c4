import type { Id } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";

/**
 * A signal and its first `limit` revisions, oldest first, or null when the signal is gone: the
 * one read behind the tracker's view of a signal and the admin's history of it, which then each
 * pick the fields they show.
 */
export async function signalWithRevisions(ctx: QueryCtx, signalId: Id<"signals">, limit: number) {
  const signal = await ctx.db.get("signals", signalId);
  if (signal === null) return null;
  const revisions = await ctx.db
    .query("signalRevisions")
    .withIndex("by_signal_and_version", (q) => q.eq("signalId", signalId))
    .take(limit);
  return { signal, revisions };
}
