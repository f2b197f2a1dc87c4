import type { MutationCtx } from "../../_generated/server";
import { findSignalByMessage } from "./ingestLinking";
import { syncTradeSignalFlags } from "../outcomes/outcomeRollups";
import { rememberUnstoredDelete } from "./ingestUnstoredDelete";
import type { DeleteResult } from "./ingestValidators";

/**
 * Tombstones the signals of deleted Discord messages: deletedAt, version + 1 and a "delete"
 * revision carrying the last content. The record and its history stay. Idempotent; ids we never
 * stored (or stored for another channel) are reported back and logged, and an id not stored at all
 * is remembered: a copy read before the delete (history import, backfill) then arrives deleted.
 */
export async function tombstoneSignals(
  ctx: MutationCtx,
  channelId: string,
  messageIds: readonly string[],
): Promise<DeleteResult> {
  const result: DeleteResult = { deleted: [], alreadyDeleted: [], unknown: [] };
  const deletedAt = Date.now();
  for (const messageId of new Set(messageIds)) {
    const signal = await findSignalByMessage(ctx, messageId);
    if (signal === null || signal.sourceChannelId !== channelId) {
      if (signal === null) await rememberUnstoredDelete(ctx, channelId, messageId, deletedAt);
      result.unknown.push(messageId);
      continue;
    }
    if (signal.deletedAt !== undefined) {
      result.alreadyDeleted.push(messageId);
      continue;
    }
    const version = signal.version + 1;
    await ctx.db.patch("signals", signal._id, { deletedAt, version });
    await ctx.db.insert("signalRevisions", {
      signalId: signal._id,
      version,
      content: signal.content,
      parsed: signal.parsed,
      attachmentIds: signal.attachmentIds,
      at: deletedAt,
      change: "delete",
    });
    // A closed trade's signal deleted: the public record counts it (and the trade stays).
    await syncTradeSignalFlags(ctx, signal._id);
    result.deleted.push(messageId);
  }
  if (result.unknown.length > 0) {
    console.warn(
      JSON.stringify({ event: "ingest.delete_unknown", channelId, messageIds: result.unknown }),
    );
  }
  return result;
}
