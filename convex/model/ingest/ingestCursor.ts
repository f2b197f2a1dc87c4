import type { MutationCtx } from "../../_generated/server";
import { compareSnowflakes } from "./ingestSnowflake";

/**
 * Moves a channel's ingest cursor forward to `messageId`; never backwards.
 * Returns the cursor after the call.
 */
export async function advanceIngestCursor(
  ctx: MutationCtx,
  sourceChannelId: string,
  messageId: string,
): Promise<string> {
  const cursor = await ctx.db
    .query("ingestCursors")
    .withIndex("by_channel", (q) => q.eq("sourceChannelId", sourceChannelId))
    .unique();
  if (cursor === null) {
    await ctx.db.insert("ingestCursors", {
      sourceChannelId,
      lastMessageId: messageId,
      updatedAt: Date.now(),
    });
    return messageId;
  }
  if (compareSnowflakes(messageId, cursor.lastMessageId) <= 0) return cursor.lastMessageId;
  await ctx.db.patch("ingestCursors", cursor._id, {
    lastMessageId: messageId,
    updatedAt: Date.now(),
  });
  return messageId;
}
