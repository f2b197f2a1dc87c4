import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";

/**
 * Deletes that arrive before the message's first copy. A history import (or a backfill) reads a
 * page from Discord and then writes it one message at a time; a message deleted in between reaches
 * us first as a gateway delete of an id we never stored. It is remembered here, and the copy that
 * follows is stored as the tombstone the delete would have made had the write come first.
 */

/**
 * How long such a delete is remembered. The copy it waits for comes within a history page's
 * write (seconds) or, after an outage, from the collector's recheck of the last 14 days; a copy
 * of a message deleted longer ago never comes (Discord does not return deleted messages).
 */
export const UNSTORED_DELETE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Forgets up to `batch` deletes older than the retention; returns how many it removed. */
export async function pruneUnstoredDeletes(
  ctx: MutationCtx,
  now: number,
  batch: number,
): Promise<number> {
  const old = await ctx.db
    .query("unstoredDeletes")
    .withIndex("by_deleted_at", (q) => q.lt("deletedAt", now - UNSTORED_DELETE_RETENTION_MS))
    .take(batch);
  for (const row of old) await ctx.db.delete("unstoredDeletes", row._id);
  return old.length;
}

/** Remembers a delete of a message we have not stored, once per message. */
export async function rememberUnstoredDelete(
  ctx: MutationCtx,
  channelId: string,
  messageId: string,
  deletedAt: number,
): Promise<void> {
  if ((await findUnstoredDelete(ctx, channelId, messageId)) !== null) return;
  await ctx.db.insert("unstoredDeletes", {
    sourceMessageId: messageId,
    sourceChannelId: channelId,
    deletedAt,
  });
}

/** The delete that came before this message's first copy, if any (same channel only). */
export async function findUnstoredDelete(
  ctx: QueryCtx,
  channelId: string,
  messageId: string,
): Promise<Doc<"unstoredDeletes"> | null> {
  const row = await ctx.db
    .query("unstoredDeletes")
    .withIndex("by_source_message", (q) => q.eq("sourceMessageId", messageId))
    .first();
  return row?.sourceChannelId === channelId ? row : null;
}

/**
 * Tombstones a just-created signal at the earlier delete's time (version 2, a "delete" revision
 * after its "create"), as model/ingest/ingestDelete.ts would have; returns the new version.
 */
export async function tombstoneAsDeletedFirst(
  ctx: MutationCtx,
  signalId: Id<"signals">,
  deleted: Doc<"unstoredDeletes">,
): Promise<number> {
  const signal = await ctx.db.get("signals", signalId);
  if (signal === null) throw new Error("the signal just created is gone");
  const version = signal.version + 1;
  await ctx.db.patch("signals", signalId, { deletedAt: deleted.deletedAt, version });
  await ctx.db.insert("signalRevisions", {
    signalId,
    version,
    content: signal.content,
    parsed: signal.parsed,
    attachmentIds: signal.attachmentIds,
    at: deleted.deletedAt,
    change: "delete",
  });
  return version;
}
