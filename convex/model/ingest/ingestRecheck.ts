import type { PaginationOptions, PaginationResult } from "convex/server";
import type { Infer } from "convex/values";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import type { vStoredMessage } from "./ingestValidators";

type StoredMessage = Infer<typeof vStoredMessage>;

/** Rows per page of the catch-up's read (each carries the content, ≤ 4,000 characters). */
export const MAX_STORED_PAGE = 100;

/**
 * One page of a channel's stored messages posted at or after `since` (Discord's message time),
 * oldest first, tombstones included (the collector skips them). Indexed and paginated, so the
 * catch-up reads a long window in bounded pages.
 */
export async function storedMessagesPage(
  ctx: QueryCtx,
  args: { channelId: string; since: number; paginationOpts: PaginationOptions },
): Promise<PaginationResult<StoredMessage>> {
  const numItems = Math.max(1, Math.min(MAX_STORED_PAGE, Math.floor(args.paginationOpts.numItems)));
  const result = await ctx.db
    .query("signals")
    .withIndex("by_channel_and_source_at", (q) =>
      q.eq("sourceChannelId", args.channelId).gte("sourceAt", args.since),
    )
    .paginate({ ...args.paginationOpts, numItems });
  return {
    ...result,
    page: result.page.map((signal) => ({
      messageId: signal.sourceMessageId,
      sourceAt: signal.sourceAt,
      content: signal.content,
      deleted: signal.deletedAt !== undefined,
      ...(signal.editedAt === undefined ? {} : { editedAt: signal.editedAt }),
    })),
  };
}

/**
 * Stamps `liveAt = now` on the cursors of channels the collector is connected to and caught up
 * on. Channels without a cursor (nothing ingested yet) have nothing to stamp. Returns how many
 * were stamped.
 */
export async function markChannelsLive(
  ctx: MutationCtx,
  channelIds: readonly string[],
): Promise<number> {
  const now = Date.now();
  let stamped = 0;
  for (const channelId of new Set(channelIds)) {
    const cursor = await ctx.db
      .query("ingestCursors")
      .withIndex("by_channel", (q) => q.eq("sourceChannelId", channelId))
      .unique();
    if (cursor === null) continue;
    await ctx.db.patch("ingestCursors", cursor._id, { liveAt: now });
    stamped++;
  }
  return stamped;
}
