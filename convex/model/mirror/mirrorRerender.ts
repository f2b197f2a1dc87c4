import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";

/** Deliveries of one signal (one per mapping of its channel). */
const MAX_DELIVERIES = 50;

/**
 * Sends a signal's mirrored messages back to the mirror because what they show changed without a
 * new version (a correction, a re-parse: the `-#` summary differs). Callers decide that first
 * (model/mirror/mirrorSummary.ts), so a change the mirror does not render queues nothing. A synced row
 * becomes pending; a leased one is marked so that completing leaves it pending once more (its
 * worker may have rendered the old summary); pending rows will render the current state anyway;
 * failed rows wait for an admin's retry, which renders the current state. Returns the rows queued.
 */
export async function requeueMirrorRender(
  ctx: MutationCtx,
  signalId: Id<"signals">,
): Promise<number> {
  const now = Date.now();
  const deliveries = await ctx.db
    .query("mirrorDeliveries")
    .withIndex("by_signal_and_mapping", (q) => q.eq("signalId", signalId))
    .take(MAX_DELIVERIES);
  let queued = 0;
  for (const row of deliveries) {
    if (row.status === "done" && row.customerMessageId !== undefined) {
      await ctx.db.patch("mirrorDeliveries", row._id, {
        status: "pending",
        nextAttemptAt: now,
        attempts: 0,
        updatedAt: now,
      });
      queued += 1;
    } else if (row.status === "leased") {
      await ctx.db.patch("mirrorDeliveries", row._id, { rerenderAfterLease: true, updatedAt: now });
      queued += 1;
    }
  }
  return queued;
}
