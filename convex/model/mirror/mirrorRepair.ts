import { v, type Infer } from "convex/values";
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";

/**
 * A delivery the drift check found out of step with its customer message, and what it saw: the
 * recorded message id and the content hash of the last render. The repair only applies while the
 * row still says exactly that (otherwise the worker moved it on meanwhile and there is nothing to
 * repair).
 */
export const vDriftRepair = v.object({
  deliveryId: v.id("mirrorDeliveries"),
  customerMessageId: v.string(),
  contentHash: v.string(),
});
export type DriftRepair = Infer<typeof vDriftRepair>;

/**
 * Sends a synced delivery back to the worker with its render forgotten: the worker then edits the
 * customer message to the signal's current version instead of skipping it as unchanged. An edit
 * that Discord answers with 10008 (a moderator deleted the message) takes the existing re-create
 * path (new nonce generation, the message posted again). Returns the ids queued again.
 */
export async function queueDriftRepairs(
  ctx: MutationCtx,
  repairs: readonly DriftRepair[],
): Promise<Id<"mirrorDeliveries">[]> {
  const now = Date.now();
  const queued: Id<"mirrorDeliveries">[] = [];
  for (const repair of repairs) {
    const row = await ctx.db.get("mirrorDeliveries", repair.deliveryId);
    if (row === null || row.status !== "done") continue;
    if (row.customerMessageId !== repair.customerMessageId) continue;
    if (contentHashOf(row.renderedHash) !== repair.contentHash) continue;
    await ctx.db.patch("mirrorDeliveries", row._id, {
      renderedHash: undefined,
      status: "pending",
      nextAttemptAt: now,
      attempts: 0,
      updatedAt: now,
    });
    queued.push(row._id);
  }
  return queued;
}

/** The content part of a stored render hash (`<content>.<files>`), as the drift window shows it. */
export function contentHashOf(renderedHash: string | undefined): string | undefined {
  return renderedHash === undefined ? undefined : (renderedHash.split(".")[0] ?? "");
}
