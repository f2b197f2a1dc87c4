import { v, type Infer } from "convex/values";

/** Discord allows 10 files per message; anything above is malformed input. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;
/** Discord's cap is 2,000 characters (4,000 with Nitro). */
export const MAX_CONTENT_LENGTH = 4000;
/** Bulk deletes carry at most 100 ids (Discord's bulk-delete limit). */
export const MAX_DELETE_BATCH = 100;

/** A file the collector downloaded and uploaded to Convex storage. */
export const vStoredAttachmentInput = v.object({
  status: v.literal("stored"),
  discordAttachmentId: v.string(),
  storageId: v.id("_storage"),
  filename: v.string(),
  contentType: v.string(),
  size: v.number(),
  width: v.optional(v.number()),
  height: v.optional(v.number()),
  sha256: v.string(),
});

/** A file the collector refused or could not fetch: recorded, never silently dropped. */
export const vRejectedAttachmentInput = v.object({
  status: v.literal("rejected"),
  discordAttachmentId: v.string(),
  filename: v.string(),
  contentType: v.string(),
  size: v.number(),
  reason: v.string(),
});

export const vAttachmentInput = v.union(vStoredAttachmentInput, vRejectedAttachmentInput);
export type AttachmentInput = Infer<typeof vAttachmentInput>;

/**
 * Where an event came from: latency samples are only meaningful for live gateway events; a
 * "history" copy (the whole-history import) neither moves the live cursor nor is mirrored.
 */
export const vIngestOrigin = v.union(
  v.literal("gateway"),
  v.literal("backfill"),
  v.literal("history"),
);

/** One Discord message as the collector saw it (a create, an edit, or a backfilled copy). */
export const vIncomingMessage = v.object({
  messageId: v.string(),
  channelId: v.string(),
  guildId: v.string(),
  authorId: v.string(),
  authorName: v.string(),
  content: v.string(),
  replyToMessageId: v.optional(v.string()),
  attachments: v.array(vAttachmentInput),
  sourceAt: v.number(), // Discord's message timestamp (ms)
  editedAt: v.optional(v.number()), // Discord's edited_timestamp (ms), absent if never edited
  receivedAt: v.number(), // when the collector saw the event (ms)
  origin: vIngestOrigin,
});
export type IncomingMessage = Infer<typeof vIncomingMessage>;

export const vUpsertOutcome = v.union(
  v.literal("created"), // first time this message id was seen (also an edit of an unseen message)
  v.literal("edited"), // visible change: version bumped, revision appended
  v.literal("unchanged"), // same content and attachments: duplicate, replay or flag-only update
  v.literal("stale"), // an older version than the one stored (out-of-order replay)
  v.literal("deleted"), // the message is tombstoned; tombstones are final
);
export type UpsertOutcome = Infer<typeof vUpsertOutcome>;

export const vUpsertResult = v.object({
  outcome: vUpsertOutcome,
  signalId: v.id("signals"),
  version: v.number(),
});
export type UpsertResult = Infer<typeof vUpsertResult>;

export const vDeleteResult = v.object({
  deleted: v.array(v.string()),
  alreadyDeleted: v.array(v.string()),
  unknown: v.array(v.string()),
});
export type DeleteResult = Infer<typeof vDeleteResult>;

export const vWatchedChannel = v.object({
  channelId: v.string(),
  guildId: v.string(),
  tierKey: v.string(),
  label: v.string(),
});

/** A file already in storage, as `knownAttachments` reports it to the collector. */
export const vKnownAttachment = vStoredAttachmentInput.omit("status");

/** A stored message as the collector's catch-up compares it with Discord's copy. */
export const vStoredMessage = v.object({
  messageId: v.string(),
  sourceAt: v.number(),
  content: v.string(),
  deleted: v.boolean(),
  editedAt: v.optional(v.number()),
});

export const vCursor = v.object({
  channelId: v.string(),
  lastMessageId: v.string(),
  /** The collector was last connected and caught up on the channel at this time. */
  liveAt: v.optional(v.number()),
});
