import { internal } from "../../_generated/api";
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";

/**
 * Called by ingest in the signal's own transaction: schedules the push fan-out for a new or
 * visibly edited signal. The sending runs afterwards in an action, so ingestion never waits on a
 * push service; nothing is scheduled while no device has turned notifications on.
 */
export async function schedulePushFanOut(
  ctx: MutationCtx,
  result: { outcome: string; signalId: Id<"signals"> },
): Promise<void> {
  if (result.outcome !== "created" && result.outcome !== "edited") return;
  const anyDevice = await ctx.db.query("pushSubscriptions").first();
  if (anyDevice === null) return;
  await ctx.scheduler.runAfter(0, internal.pushSend.fanOut, { signalId: result.signalId });
}
