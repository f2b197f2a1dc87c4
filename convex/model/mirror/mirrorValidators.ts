import { v, type Infer } from "convex/values";
import { vParsedSignal, vSignalKind } from "../../tables/signals";

/** One row of the mirror's work subscription: enough to schedule, not to render. */
export const vMirrorWorkItem = v.object({
  deliveryId: v.id("mirrorDeliveries"),
  customerChannelId: v.string(),
  status: v.union(v.literal("pending"), v.literal("leased")),
  /** Due time of pending work, or the lease expiry of leased work. */
  dueAt: v.number(),
  leaseOwner: v.optional(v.string()),
  /** Fan-out order (the row's creation time): creates in one channel are posted in this order. */
  order: v.number(),
  /** Not posted yet: the next step is a create. */
  create: v.boolean(),
});
export type MirrorWorkItem = Infer<typeof vMirrorWorkItem>;

export const vMirrorAttachment = v.object({
  attachmentId: v.id("attachments"),
  filename: v.string(),
  contentType: v.string(),
  size: v.number(),
  url: v.string(),
  sha256: v.optional(v.string()),
});

export const vOmittedAttachment = v.object({ filename: v.string(), reason: v.string() });

/** Everything the bot needs to bring one customer message to the signal's current version. */
export const vClaimedDelivery = v.object({
  deliveryId: v.id("mirrorDeliveries"),
  nonce: v.string(),
  customerChannelId: v.string(),
  customerMessageId: v.optional(v.string()),
  updateNoteMessageId: v.optional(v.string()),
  renderedHash: v.optional(v.string()),
  syncedVersion: v.number(),
  /** The version this claim renders: `complete` reports it back as syncedVersion. */
  version: v.number(),
  /** Set when an earlier attempt started a create that is not recorded: recover before posting. */
  sendStartedAt: v.optional(v.number()),
  /** That create's content hash, when a bot recorded one (rows marked before `sendingVersion`). */
  sendingHash: v.optional(v.string()),
  /**
   * That create rendered an older version than `version` (an edit came in between): its content,
   * parsed form and files, so the bot can render it again and recognise the orphan in the history.
   */
  sendingSignal: v.optional(
    v.object({
      version: v.number(),
      content: v.string(),
      parsed: vParsedSignal,
      summary: v.optional(v.string()),
      attachments: v.array(vMirrorAttachment),
      omittedAttachments: v.array(vOmittedAttachment),
    }),
  ),
  leaseExpiresAt: v.number(),
  /** The mirrored parent message in the same customer channel, for replies. */
  replyToCustomerMessageId: v.optional(v.string()),
  signal: v.object({
    signalId: v.id("signals"),
    sourceMessageId: v.string(),
    content: v.string(),
    kind: vSignalKind,
    /** The reading customers see: an admin's correction when there is one. */
    parsed: vParsedSignal,
    /**
     * The one-line summary to show under the message (model/mirror/mirrorSummary.ts): "check the
     * message" instead of levels when the reading is shaky. Absent: no summary line.
     */
    summary: v.optional(v.string()),
    authorName: v.string(),
    sourceAt: v.number(),
    deleted: v.boolean(),
  }),
  attachments: v.array(vMirrorAttachment),
  omittedAttachments: v.array(vOmittedAttachment),
});
export type ClaimedDelivery = Infer<typeof vClaimedDelivery>;

export const vClaimResult = v.union(
  v.object({ status: v.literal("claimed"), work: vClaimedDelivery }),
  /** Someone else holds it, or it is not due: nothing to do. */
  v.object({ status: v.literal("busy") }),
  /** A reply whose parent is not mirrored yet: try again at `retryAt`. */
  v.object({ status: v.literal("deferred"), retryAt: v.number() }),
  /** Settled without Discord (deleted before it was ever posted). */
  v.object({ status: v.literal("settled") }),
  v.object({ status: v.literal("missing") }),
);
export type ClaimResult = Infer<typeof vClaimResult>;

export const vCompleteResult = v.object({
  ok: v.boolean(),
  /** true when the signal moved on meanwhile: the row is pending again. */
  morePending: v.boolean(),
});
