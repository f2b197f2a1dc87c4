import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { internalQuery } from "./_generated/server";
import { findAttachment } from "./model/ingest/ingestAttachments";
import { findSignalByMessage } from "./model/ingest/ingestLinking";
import { advanceIngestCursor } from "./model/ingest/ingestCursor";
import {
  markChannelsLive as stampChannelsLive,
  storedMessagesPage,
} from "./model/ingest/ingestRecheck";
import { tombstoneSignals } from "./model/ingest/ingestDelete";
import { listWatchedChannels } from "./model/ingest/ingestMapping";
import {
  enqueueMirrorWorkForDeletes,
  enqueueMirrorWorkForUpsert,
} from "./model/mirror/mirrorFanout";
import { upsertSignal } from "./model/ingest/ingestSignal";
import { schedulePushFanOut } from "./model/push/pushFanout";
import { isSnowflake } from "./model/ingest/ingestSnowflake";
import {
  MAX_ATTACHMENTS_PER_MESSAGE,
  MAX_DELETE_BATCH,
  vCursor,
  vDeleteResult,
  vIncomingMessage,
  vKnownAttachment,
  vStoredMessage,
  vUpsertResult,
  vWatchedChannel,
} from "./model/ingest/ingestValidators";
import { serviceMutation, serviceQuery } from "./functions";
import { appError } from "./model/shared/errors";

// The collector's Convex surface. Every function is public (the bot is not a Convex user) and
// checks CONVEX_SERVICE_SECRET first.

const MAX_CHANNELS_PER_CALL = 200;
const MAX_REVISIONS = 200;
const MAX_INSPECTED_ATTACHMENTS = 100;

/** Refuses a call carrying more than `max` items; the message names them ("channels"). */
function requireAtMost(count: number, max: number, what: string, end = "."): void {
  if (count <= max) return;
  throw appError("BAD_REQUEST", `At most ${max} ${what} per call${end}`);
}

/** Enabled mappings' source channels with their tier. The collector subscribes to it (live). */
export const watchedChannels = serviceQuery({
  args: {},
  returns: v.array(vWatchedChannel),
  handler: async (ctx) => {
    return listWatchedChannels(ctx);
  },
});

/** Create or edit, idempotent by Discord message id. See model/ingest/ingestSignal.ts for the rules. */
export const upsertMessage = serviceMutation({
  args: { message: vIncomingMessage },
  returns: vUpsertResult,
  handler: async (ctx, { message }) => {
    const result = await upsertSignal(ctx, message);
    // Mirror fan-out: creates and visible edits. Not imported history: the customer guild already
    // has (or never wanted) years-old posts, and thousands at once would bury the live ones.
    if (message.origin !== "history") await enqueueMirrorWorkForUpsert(ctx, result);
    // Web Push, sent after this commits (never for imported history, for the same reason).
    if (message.origin !== "history") await schedulePushFanOut(ctx, result);
    return result;
  },
});

/** Tombstones deleted messages (single or bulk delete). Idempotent; unknown ids are no-ops. */
export const deleteMessages = serviceMutation({
  args: { channelId: v.string(), messageIds: v.array(v.string()) },
  returns: vDeleteResult,
  handler: async (ctx, { channelId, messageIds }) => {
    requireAtMost(messageIds.length, MAX_DELETE_BATCH, "message ids", "; split the batch.");
    const result = await tombstoneSignals(ctx, channelId, messageIds);
    await enqueueMirrorWorkForDeletes(ctx, result.deleted); // mirror fan-out: tombstones
    return result;
  },
});

/** A short-lived URL the collector POSTs an attachment's bytes to; the response has the storageId. */
export const generateUploadUrl = serviceMutation({
  args: {},
  returns: v.string(),
  handler: async (ctx) => {
    return ctx.storage.generateUploadUrl();
  },
});

/**
 * Deletes blobs the collector uploaded for a write that then failed for good (e.g. the channel was
 * unmapped meanwhile), so they do not linger in storage. A blob any attachment row references is kept.
 */
export const discardUploads = serviceMutation({
  args: { storageIds: v.array(v.id("_storage")) },
  returns: v.number(),
  handler: async (ctx, { storageIds }) => {
    requireAtMost(storageIds.length, MAX_ATTACHMENTS_PER_MESSAGE, "storage ids");
    let deleted = 0;
    for (const storageId of new Set(storageIds)) {
      const referenced = await ctx.db
        .query("attachments")
        .withIndex("by_storage", (q) => q.eq("storageId", storageId))
        .first();
      if (referenced !== null) continue;
      if ((await ctx.db.system.get("_storage", storageId)) === null) continue;
      await ctx.storage.delete(storageId);
      deleted++;
    }
    return deleted;
  },
});

/** Attachments already stored, so a replayed or backfilled message is not downloaded again. */
export const knownAttachments = serviceQuery({
  args: { discordAttachmentIds: v.array(v.string()) },
  returns: v.array(vKnownAttachment),
  handler: async (ctx, { discordAttachmentIds }) => {
    requireAtMost(discordAttachmentIds.length, MAX_ATTACHMENTS_PER_MESSAGE, "attachment ids");
    const known = [];
    for (const discordAttachmentId of discordAttachmentIds) {
      const row = await findAttachment(ctx, discordAttachmentId);
      if (row?.status !== "stored" || row.storageId === undefined || row.sha256 === undefined) {
        continue;
      }
      known.push({
        discordAttachmentId,
        storageId: row.storageId,
        filename: row.filename,
        contentType: row.contentType,
        size: row.size,
        ...(row.width === undefined ? {} : { width: row.width }),
        ...(row.height === undefined ? {} : { height: row.height }),
        sha256: row.sha256,
      });
    }
    return known;
  },
});

/** The last ingested message id of each given channel (channels never ingested are absent). */
export const getCursors = serviceQuery({
  args: { channelIds: v.array(v.string()) },
  returns: v.array(vCursor),
  handler: async (ctx, { channelIds }) => {
    requireAtMost(channelIds.length, MAX_CHANNELS_PER_CALL, "channels");
    const cursors = [];
    for (const channelId of new Set(channelIds)) {
      const cursor = await ctx.db
        .query("ingestCursors")
        .withIndex("by_channel", (q) => q.eq("sourceChannelId", channelId))
        .unique();
      if (cursor === null) continue;
      cursors.push({
        channelId,
        lastMessageId: cursor.lastMessageId,
        ...(cursor.liveAt === undefined ? {} : { liveAt: cursor.liveAt }),
      });
    }
    return cursors;
  },
});

/**
 * Moves a channel's cursor forward (never back), e.g. past a backfill page whose messages were all
 * skipped (bot posts). upsertMessage advances it too, in the same transaction as the write.
 */
export const advanceCursor = serviceMutation({
  args: { channelId: v.string(), messageId: v.string() },
  returns: v.string(),
  handler: async (ctx, { channelId, messageId }) => {
    if (!isSnowflake(messageId)) {
      throw appError("BAD_REQUEST", "messageId is not a snowflake.");
    }
    return advanceIngestCursor(ctx, channelId, messageId);
  },
});

/**
 * The collector's catch-up: a channel's stored messages posted since `since` (ms), oldest first,
 * one page at a time, to compare with Discord's history of the same span (missed edits, deletes).
 */
export const storedMessagesSince = serviceQuery({
  args: {
    channelId: v.string(),
    since: v.number(),
    paginationOpts: paginationOptsValidator,
  },
  returns: paginationResultValidator(vStoredMessage),
  handler: async (ctx, { channelId, since, paginationOpts }) => {
    return storedMessagesPage(ctx, { channelId, since, paginationOpts });
  },
});

/** The collector is connected and caught up on these channels now (their outage starts later). */
export const markChannelsLive = serviceMutation({
  args: { channelIds: v.array(v.string()) },
  returns: v.number(),
  handler: async (ctx, { channelIds }) => {
    requireAtMost(channelIds.length, MAX_CHANNELS_PER_CALL, "channels");
    return stampChannelsLive(ctx, channelIds);
  },
});

/** Liveness of a bot instance, for delivery health in the admin console. */
export const heartbeat = serviceMutation({
  args: {
    service: v.union(v.literal("collector"), v.literal("mirror")),
    instanceId: v.string(),
    startedAt: v.number(),
    details: v.optional(v.string()),
  },
  returns: v.null(),
  handler: async (ctx, { service, instanceId, startedAt, details }) => {
    if (details !== undefined && details.length > 4000) {
      throw appError("BAD_REQUEST", "details must be under 4000 chars.");
    }
    const now = Date.now();
    const existing = await ctx.db
      .query("serviceHeartbeats")
      .withIndex("by_service_and_instance", (q) =>
        q.eq("service", service).eq("instanceId", instanceId),
      )
      .unique();
    if (existing === null) {
      await ctx.db.insert("serviceHeartbeats", {
        service,
        instanceId,
        startedAt,
        lastSeenAt: now,
        ...(details === undefined ? {} : { details }),
      });
      return null;
    }
    await ctx.db.patch("serviceHeartbeats", existing._id, { startedAt, lastSeenAt: now, details });
    return null;
  },
});

/**
 * Operator view of one Discord message: the stored signal, its full revision history and its
 * attachment rows. Internal (admin key only), e.g. `npx convex run ingest:inspectMessage '{"messageId":"…"}'`.
 */
export const inspectMessage = internalQuery({
  args: { messageId: v.string() },
  handler: async (ctx, { messageId }) => {
    const signal = await findSignalByMessage(ctx, messageId);
    if (signal === null) return null;
    const revisions = await ctx.db
      .query("signalRevisions")
      .withIndex("by_signal_and_version", (q) => q.eq("signalId", signal._id))
      .take(MAX_REVISIONS);
    const attachments = await ctx.db
      .query("attachments")
      .withIndex("by_source_message", (q) => q.eq("sourceMessageId", messageId))
      .take(MAX_INSPECTED_ATTACHMENTS);
    return { signal, revisions, attachments };
  },
});
