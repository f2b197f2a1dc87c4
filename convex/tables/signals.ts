import { defineTable } from "convex/server";
import { v } from "convex/values";

export const vSide = v.union(v.literal("long"), v.literal("short"));

export const vSignalKind = v.union(
  v.literal("signal"), // a new trade idea
  v.literal("entry_hit"),
  v.literal("target_hit"),
  v.literal("stop_hit"),
  v.literal("move_stop"),
  v.literal("partial_close"),
  v.literal("close"),
  v.literal("cancel"),
  v.literal("note"), // not a signal: delivered verbatim
);

export const vEntryType = v.union(
  v.literal("market"),
  v.literal("limit"),
  v.literal("zone"),
  v.literal("breakout_above"),
  v.literal("breakout_below"),
);

/** The output of @g3/signals' parser, stored as-is. Parsing never blocks delivery. */
export const vParsedSignal = v.object({
  kind: vSignalKind,
  symbol: v.optional(
    v.object({ raw: v.string(), base: v.string(), quote: v.optional(v.string()) }),
  ),
  side: v.optional(vSide),
  sideInferred: v.optional(v.boolean()),
  market: v.optional(v.union(v.literal("spot"), v.literal("perp"), v.literal("futures"))),
  exchange: v.optional(v.string()),
  entryType: v.optional(vEntryType),
  entries: v.array(v.number()),
  entryZone: v.optional(v.object({ low: v.number(), high: v.number() })),
  targets: v.array(v.number()),
  stopLoss: v.optional(v.number()),
  leverage: v.optional(
    v.object({
      value: v.number(),
      mode: v.optional(v.union(v.literal("cross"), v.literal("isolated"))),
    }),
  ),
  followUp: v.optional(
    v.object({
      targetIndex: v.optional(v.number()),
      entryIndex: v.optional(v.number()), // "Entry 2 filled"
      price: v.optional(v.number()),
      newStop: v.optional(v.number()),
      breakeven: v.optional(v.boolean()), // "SL to breakeven" with no price: use the entry
      percent: v.optional(v.number()),
    }),
  ),
  statedPnlPct: v.optional(v.number()),
  confidence: v.number(), // 0..1
  errors: v.array(v.string()),
  parserVersion: v.string(),
});

/**
 * An admin's reading of a signal, shown to customers instead of the parser's. The raw text is never
 * changed; `parsed` on the signal keeps the parser's own reading beside it (model/parsing/parseStatus.ts).
 */
export const vParseCorrection = v.object({
  parsed: vParsedSignal,
  by: v.id("users"),
  at: v.number(),
  /** The signal version the admin read: an analyst edit after it is a conflict until resolved. */
  version: v.number(),
});

/** Why a signal is in the admin's parse review list (absent: nothing to review). */
export const vReviewReason = v.union(
  v.literal("low_confidence"), // the parser's reading is shaky and nobody corrected it
  v.literal("edited_after_correction"), // the analyst changed the text an admin had corrected
  v.literal("parser_disagrees"), // a newer parser reads it differently from the correction
);

export const vAttachmentStatus = v.union(v.literal("stored"), v.literal("rejected"));

export const signalTables = {
  /**
   * One row per source Discord message, unique by `sourceMessageId`.
   * The row always holds the current version; older versions live in `signalRevisions`.
   */
  signals: defineTable({
    sourceGuildId: v.string(),
    sourceChannelId: v.string(),
    sourceMessageId: v.string(),
    authorId: v.string(),
    authorName: v.string(),
    tierKey: v.string(), // from the channel mapping at ingest: the access gate keys on it
    content: v.string(),
    parsed: vParsedSignal,
    /** Hoisted from `parsed` for indexed filters: "BTC/USDT", or "BTC" when the quote is unknown. */
    pair: v.optional(v.string()),
    side: v.optional(vSide),
    kind: vSignalKind,
    replyToMessageId: v.optional(v.string()),
    parentSignalId: v.optional(v.id("signals")),
    attachmentIds: v.array(v.id("attachments")),
    version: v.number(), // 1 on create, +1 on each visible edit, +1 on delete
    deletedAt: v.optional(v.number()),
    editedAt: v.optional(v.number()),
    /** An admin's correction of the parse; shown instead of `parsed` (see vParseCorrection). */
    correction: v.optional(vParseCorrection),
    correctedAt: v.optional(v.number()), // hoisted from `correction.at` for the review list
    reviewReason: v.optional(vReviewReason),
    reviewSince: v.optional(v.number()), // set exactly when reviewReason is
    // Latency SLO timestamps (ms since epoch).
    sourceAt: v.number(), // Discord's message timestamp
    receivedAt: v.number(), // collector saw the gateway event
    committedAt: v.number(), // the ingest mutation ran
  })
    .index("by_source_message", ["sourceMessageId"])
    // The feed: one tier, newest first by Discord's post time, so history imported today sits
    // below what was posted live last week (by ingest time it would list above it). The date
    // filters are a range on the last field.
    .index("by_tier_and_source_at", ["tierKey", "sourceAt"])
    .index("by_tier_pair_and_source_at", ["tierKey", "pair", "sourceAt"])
    .index("by_tier_side_and_source_at", ["tierKey", "side", "sourceAt"])
    .index("by_tier_channel_and_source_at", ["tierKey", "sourceChannelId", "sourceAt"])
    // Newest ingested in a channel (reply linking by symbol): by_channel_and_source_at would sort by post time.
    // eslint-disable-next-line @convex-dev/no-duplicate-indexes
    .index("by_channel", ["sourceChannelId"])
    // The collector's catch-up: a channel's stored messages posted since a time, in pages.
    .index("by_channel_and_source_at", ["sourceChannelId", "sourceAt"])
    // The history import links replies stored before the message they reply to.
    .index("by_reply_to", ["replyToMessageId"])
    // The admin's parse review list: open reviews, analyst edits, corrections, newest first.
    .index("by_review_since", ["reviewSince"])
    .index("by_edited_at", ["editedAt"])
    .index("by_corrected_at", ["correctedAt"])
    .searchIndex("search_content", {
      searchField: "content",
      filterFields: ["tierKey", "pair", "side", "sourceChannelId"],
    }),

  /** Append-only: every version a signal has had, including the first. */
  signalRevisions: defineTable({
    signalId: v.id("signals"),
    version: v.number(),
    content: v.string(),
    parsed: vParsedSignal,
    attachmentIds: v.array(v.id("attachments")),
    at: v.number(),
    change: v.union(v.literal("create"), v.literal("edit"), v.literal("delete")),
  }).index("by_signal_and_version", ["signalId", "version"]),

  /** Files downloaded at ingest (Discord CDN links expire) into Convex storage. */
  attachments: defineTable({
    discordAttachmentId: v.string(),
    sourceMessageId: v.string(),
    status: vAttachmentStatus,
    rejectReason: v.optional(v.string()),
    storageId: v.optional(v.id("_storage")),
    filename: v.string(),
    contentType: v.string(),
    size: v.number(),
    width: v.optional(v.number()),
    height: v.optional(v.number()),
    sha256: v.optional(v.string()),
  })
    .index("by_discord_attachment", ["discordAttachmentId"])
    .index("by_source_message", ["sourceMessageId"])
    .index("by_storage", ["storageId"]), // ingest.discardUploads: is a blob referenced?

  /** Source channel → customer channel, for one tier. */
  channelMappings: defineTable({
    label: v.string(),
    sourceGuildId: v.string(),
    sourceChannelId: v.string(),
    customerGuildId: v.string(),
    customerChannelId: v.string(),
    tierKey: v.string(),
    enabled: v.boolean(),
    updatedAt: v.number(),
  })
    .index("by_source_channel", ["sourceChannelId"])
    .index("by_enabled", ["enabled"]),

  /**
   * A Discord delete of a message we had not stored (yet). A history import or backfill that read
   * the message before the delete writes it afterwards: it is then stored as this tombstone, never
   * as a live signal (model/ingest/ingestSignal.ts). Small rows, kept: a copy can arrive at any time.
   */
  unstoredDeletes: defineTable({
    sourceMessageId: v.string(),
    sourceChannelId: v.string(),
    deletedAt: v.number(),
  })
    .index("by_source_message", ["sourceMessageId"])
    .index("by_deleted_at", ["deletedAt"]),

  /** Where the collector stopped in each source channel: backfill resumes after it. */
  ingestCursors: defineTable({
    sourceChannelId: v.string(),
    lastMessageId: v.string(),
    updatedAt: v.number(),
    /**
     * Last time the collector was connected and caught up on this channel (server time): an
     * outage began after it, so the catch-up re-checks at least everything posted since.
     */
    liveAt: v.optional(v.number()),
  }).index("by_channel", ["sourceChannelId"]),
};
