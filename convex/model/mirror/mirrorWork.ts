import type { Infer } from "convex/values";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { recordMirrorLatency } from "./mirrorLatency";
import { mirrorSummary, mirrorSummaryOfRevision } from "./mirrorSummary";
import { deliveryNonce } from "./mirrorNonce";
import {
  describeError,
  failedAttemptPatch,
  holdsLease,
  isClaimable,
  type vErrorReport,
} from "./mirrorQueue";
import type { ClaimResult, ClaimedDelivery, MirrorWorkItem } from "./mirrorValidators";
import { shownParse } from "../parsing/parseStatus";

/** A reply waits this long for its parent to be mirrored before the claim is retried. */
const PARENT_WAIT_MS = 250;
const MAX_ATTACHMENTS = 10;

/**
 * The mirror's work: pending rows in due order, then leases in expiry order. Both are bounded and
 * come from `by_status_and_next`; the bot subscribes to this query (no polling) and sets a timer
 * for the earliest future `dueAt`, because a query's Date.now() does not re-run as time passes.
 */
export async function listMirrorWork(ctx: QueryCtx, limit: number): Promise<MirrorWorkItem[]> {
  const pending = await ctx.db
    .query("mirrorDeliveries")
    .withIndex("by_status_and_next", (q) => q.eq("status", "pending"))
    .take(limit);
  const leased = await ctx.db
    .query("mirrorDeliveries")
    .withIndex("by_status_and_next", (q) => q.eq("status", "leased"))
    .take(limit);
  return [...pending, ...leased].map((row) => ({
    deliveryId: row._id,
    customerChannelId: row.customerChannelId,
    status: row.status === "leased" ? ("leased" as const) : ("pending" as const),
    dueAt: row.nextAttemptAt,
    ...(row.leaseOwner === undefined ? {} : { leaseOwner: row.leaseOwner }),
    order: row._creationTime,
    create: row.customerMessageId === undefined && row.syncedVersion === 0,
  }));
}

export async function claimDelivery(
  ctx: MutationCtx,
  args: { deliveryId: Id<"mirrorDeliveries">; owner: string; leaseMs: number },
): Promise<ClaimResult> {
  const row = await ctx.db.get("mirrorDeliveries", args.deliveryId);
  if (row === null) return { status: "missing" };
  const now = Date.now();
  if (!isClaimable(row, args.owner, now)) return { status: "busy" };
  const signal = await ctx.db.get("signals", row.signalId);
  if (signal === null) {
    await ctx.db.patch("mirrorDeliveries", row._id, {
      status: "failed",
      errorKind: "permanent",
      lastError: "The signal of this delivery no longer exists.",
      leaseOwner: undefined,
      leaseExpiresAt: undefined,
      updatedAt: now,
    });
    return { status: "missing" };
  }
  const deleted = signal.deletedAt !== undefined;
  if (deleted && row.customerMessageId === undefined && row.sendStartedAt === undefined) {
    // Nothing was posted and the signal is gone: the delivery is synced without a message.
    const morePending = row.targetVersion > signal.version;
    await ctx.db.patch("mirrorDeliveries", row._id, settled(row, signal.version, morePending, now));
    return { status: "settled" };
  }
  const parent = await parentDelivery(ctx, signal, row.mappingId);
  if (!deleted && row.customerMessageId === undefined && parent.waiting) {
    const retryAt = now + PARENT_WAIT_MS;
    await ctx.db.patch("mirrorDeliveries", row._id, {
      status: "pending",
      nextAttemptAt: retryAt,
      leaseOwner: undefined,
      leaseExpiresAt: undefined,
    });
    return { status: "deferred", retryAt };
  }

  const leaseExpiresAt = now + args.leaseMs;
  const firstSight = row.botReceivedAt === undefined;
  // The bot posts a create right after this claim: the start of the send is recorded here, in the
  // same transaction, so a crash after Discord's answer and before `complete` is always detectable.
  // The first unrecorded attempt wins (a later attempt may be answered with that first message).
  const startsSend = !deleted && row.customerMessageId === undefined;
  const marksSend = startsSend && row.sendStartedAt === undefined;
  await ctx.db.patch("mirrorDeliveries", row._id, {
    status: "leased",
    leaseOwner: args.owner,
    leaseExpiresAt,
    nextAttemptAt: leaseExpiresAt,
    ...(firstSight ? { botReceivedAt: now } : {}),
    ...(marksSend ? { sendStartedAt: now, sendingVersion: signal.version } : {}),
    updatedAt: now,
  });
  if (firstSight && signal.version === 1) {
    await recordMirrorLatency(ctx, {
      hop: "committed_to_bot",
      sourceMessageId: signal.sourceMessageId,
      ms: now - signal.committedAt,
      at: now,
    });
  }
  const work: ClaimedDelivery = {
    deliveryId: row._id,
    nonce: row.nonce,
    customerChannelId: row.customerChannelId,
    ...(row.customerMessageId === undefined ? {} : { customerMessageId: row.customerMessageId }),
    ...(row.updateNoteMessageId === undefined
      ? {}
      : { updateNoteMessageId: row.updateNoteMessageId }),
    ...(row.renderedHash === undefined ? {} : { renderedHash: row.renderedHash }),
    syncedVersion: row.syncedVersion,
    version: signal.version,
    // An earlier attempt's unrecorded create (not the mark this claim just made): recover first.
    ...(row.sendStartedAt === undefined ? {} : { sendStartedAt: row.sendStartedAt }),
    ...(row.sendingHash === undefined ? {} : { sendingHash: row.sendingHash }),
    ...(await earlierSend(ctx, row, signal)),
    leaseExpiresAt,
    ...(parent.customerMessageId === undefined
      ? {}
      : { replyToCustomerMessageId: parent.customerMessageId }),
    signal: {
      signalId: signal._id,
      sourceMessageId: signal.sourceMessageId,
      content: signal.content,
      kind: signal.kind,
      parsed: shownParse(signal),
      ...optionalSummary(mirrorSummary(signal)),
      authorName: signal.authorName,
      sourceAt: signal.sourceAt,
      deleted,
    },
    ...(await renderAttachments(ctx, signal.attachmentIds)),
  };
  return { status: "claimed", work };
}

/**
 * What an earlier, unrecorded create rendered, when that was an older version of the signal than
 * the one this claim hands out (the signal was edited meanwhile): the bot renders it again to
 * recognise the orphan in the channel's history. Absent when the versions match (the current render
 * is the one to look for) or when a recorded content hash already answers it.
 */
async function earlierSend(
  ctx: QueryCtx,
  row: Doc<"mirrorDeliveries">,
  signal: Doc<"signals">,
): Promise<Pick<ClaimedDelivery, "sendingSignal">> {
  const version = row.sendingVersion;
  if (row.sendStartedAt === undefined || row.sendingHash !== undefined) return {};
  if (version === undefined || version === signal.version) return {};
  const revision = await ctx.db
    .query("signalRevisions")
    .withIndex("by_signal_and_version", (q) => q.eq("signalId", signal._id).eq("version", version))
    .unique();
  if (revision === null) return {};
  return {
    sendingSignal: {
      version,
      content: revision.content,
      parsed: revision.parsed,
      ...optionalSummary(mirrorSummaryOfRevision(revision.parsed)),
      ...(await renderAttachments(ctx, revision.attachmentIds)),
    },
  };
}

/**
 * Records the result of the Discord calls and acknowledges. The message id and synced version are
 * written in this one transaction, so an acknowledged row always knows its customer message. When
 * the signal moved on meanwhile (targetVersion > the rendered version) the row stays pending.
 * A worker whose lease was lost (expired, re-claimed) cannot acknowledge, but a message id it
 * created is still recorded when the row has none, so no message is ever orphaned.
 */
export async function completeDelivery(
  ctx: MutationCtx,
  args: {
    deliveryId: Id<"mirrorDeliveries">;
    owner: string;
    syncedVersion: number;
    customerMessageId: string | null;
    updateNoteMessageId: string | null;
    renderedHash: string | null;
  },
): Promise<{ ok: boolean; morePending: boolean }> {
  const row = await ctx.db.get("mirrorDeliveries", args.deliveryId);
  if (row === null) return { ok: false, morePending: false };
  const now = Date.now();
  if (!holdsLease(row, args.owner)) {
    if (row.customerMessageId === undefined && args.customerMessageId !== null) {
      await ctx.db.patch("mirrorDeliveries", row._id, {
        customerMessageId: args.customerMessageId,
        sendStartedAt: undefined,
        sendingVersion: undefined,
        sendingHash: undefined,
        updatedAt: now,
      });
    }
    return { ok: false, morePending: row.status === "pending" };
  }
  // Also when the shown parse changed during the lease: this render may carry the old summary.
  const morePending = row.targetVersion > args.syncedVersion || row.rerenderAfterLease === true;
  const firstPost = row.postedAt === undefined && args.customerMessageId !== null;
  await ctx.db.patch("mirrorDeliveries", row._id, {
    ...settled(row, args.syncedVersion, morePending, now),
    customerMessageId: args.customerMessageId ?? undefined,
    updateNoteMessageId: args.updateNoteMessageId ?? undefined,
    renderedHash: args.renderedHash ?? undefined,
    sendStartedAt: undefined,
    sendingVersion: undefined,
    sendingHash: undefined,
    ...(firstPost ? { postedAt: now } : {}),
    rerenderAfterLease: undefined,
  });
  if (firstPost) {
    const signal = await ctx.db.get("signals", row.signalId);
    if (signal !== null) {
      await recordMirrorLatency(ctx, {
        hop: "source_to_mirrored",
        sourceMessageId: signal.sourceMessageId,
        ms: now - signal.sourceAt,
        at: now,
      });
    }
  }
  return { ok: true, morePending };
}

/**
 * The customer message is gone (deleted by a moderator: 10008 on edit). Forget it and move to a new
 * nonce generation, so the re-create is not deduplicated into the deleted message. Keeps the lease.
 * The bot re-creates it right away (rendering `version`, the claimed one): that send starts here.
 */
export async function forgetVanishedMessage(
  ctx: MutationCtx,
  args: { deliveryId: Id<"mirrorDeliveries">; owner: string; version: number },
): Promise<string | null> {
  const row = await ctx.db.get("mirrorDeliveries", args.deliveryId);
  if (row === null || !holdsLease(row, args.owner)) return null;
  const generation = (row.nonceGeneration ?? 0) + 1;
  const nonce = deliveryNonce(row.signalId, row.mappingId, generation);
  await ctx.db.patch("mirrorDeliveries", row._id, {
    customerMessageId: undefined,
    updateNoteMessageId: undefined,
    renderedHash: undefined,
    sendStartedAt: Date.now(),
    sendingVersion: args.version,
    sendingHash: undefined,
    nonceGeneration: generation,
    nonce,
    updatedAt: Date.now(),
  });
  return nonce;
}

/** Transient: back off with jitter and retry. Permanent: park as failed for the admin console. */
export async function failDelivery(
  ctx: MutationCtx,
  args: {
    deliveryId: Id<"mirrorDeliveries">;
    owner: string;
    error: Infer<typeof vErrorReport>;
  },
): Promise<boolean> {
  const row = await ctx.db.get("mirrorDeliveries", args.deliveryId);
  if (row === null || !holdsLease(row, args.owner)) return false;
  const now = Date.now();
  const permanent = args.error.kind === "permanent";
  await ctx.db.patch("mirrorDeliveries", row._id, {
    ...failedAttemptPatch(row.attempts, args.error, now, Math.random()),
    updatedAt: now,
  });
  if (permanent) {
    console.warn(
      JSON.stringify({
        event: "mirror.delivery_failed",
        deliveryId: row._id,
        channelId: row.customerChannelId,
        error: describeError(args.error),
      }),
    );
  }
  return true;
}

/** Extends the leases of work still in flight; returns the ids whose lease this owner still holds. */
export async function extendLeases(
  ctx: MutationCtx,
  args: { owner: string; deliveryIds: Id<"mirrorDeliveries">[]; leaseMs: number },
): Promise<Id<"mirrorDeliveries">[]> {
  const now = Date.now();
  const held: Id<"mirrorDeliveries">[] = [];
  for (const deliveryId of args.deliveryIds) {
    const row = await ctx.db.get("mirrorDeliveries", deliveryId);
    if (row === null || !holdsLease(row, args.owner)) continue;
    const leaseExpiresAt = now + args.leaseMs;
    await ctx.db.patch("mirrorDeliveries", row._id, {
      leaseExpiresAt,
      nextAttemptAt: leaseExpiresAt,
    });
    held.push(deliveryId);
  }
  return held;
}

/**
 * Hands leases back without counting an attempt (graceful shutdown, or a restart under the same
 * instance id). With `deliveryIds` omitted, releases every lease of the owner among the first
 * `limit` leased rows.
 */
export async function releaseLeases(
  ctx: MutationCtx,
  args: { owner: string; deliveryIds?: Id<"mirrorDeliveries">[]; limit: number },
): Promise<number> {
  const rows: Doc<"mirrorDeliveries">[] = [];
  if (args.deliveryIds === undefined) {
    rows.push(
      ...(await ctx.db
        .query("mirrorDeliveries")
        .withIndex("by_status_and_next", (q) => q.eq("status", "leased"))
        .take(args.limit)),
    );
  } else {
    for (const id of args.deliveryIds) {
      const row = await ctx.db.get("mirrorDeliveries", id);
      if (row !== null) rows.push(row);
    }
  }
  const now = Date.now();
  let released = 0;
  for (const row of rows) {
    if (!holdsLease(row, args.owner)) continue;
    await ctx.db.patch("mirrorDeliveries", row._id, {
      status: "pending",
      nextAttemptAt: now,
      leaseOwner: undefined,
      leaseExpiresAt: undefined,
      updatedAt: now,
    });
    released++;
  }
  return released;
}

/** Whether a customer message id is already recorded on some delivery (recovery must not adopt it). */
export async function isCustomerMessageKnown(ctx: QueryCtx, messageId: string): Promise<boolean> {
  const owner = await ctx.db
    .query("mirrorDeliveries")
    .withIndex("by_customer_message", (q) => q.eq("customerMessageId", messageId))
    .first();
  return owner !== null;
}

/**
 * A delivery whose lease ended in success up to `version`: lease released, attempts and error
 * cleared, and either done or (when `morePending`) due again at once for the newer version.
 */
function settled(row: Doc<"mirrorDeliveries">, version: number, morePending: boolean, now: number) {
  return {
    status: morePending ? ("pending" as const) : ("done" as const),
    syncedVersion: Math.max(row.syncedVersion, version),
    nextAttemptAt: now,
    leaseOwner: undefined,
    leaseExpiresAt: undefined,
    attempts: 0,
    lastError: undefined,
    errorKind: undefined,
    updatedAt: now,
  };
}

async function parentDelivery(
  ctx: QueryCtx,
  signal: Doc<"signals">,
  mappingId: Id<"channelMappings">,
): Promise<{ customerMessageId?: string; waiting: boolean }> {
  if (signal.parentSignalId === undefined) return { waiting: false };
  const parentId = signal.parentSignalId;
  const parentRow = await ctx.db
    .query("mirrorDeliveries")
    .withIndex("by_signal_and_mapping", (q) =>
      q.eq("signalId", parentId).eq("mappingId", mappingId),
    )
    .unique();
  if (parentRow === null) return { waiting: false };
  if (parentRow.customerMessageId !== undefined) {
    return { customerMessageId: parentRow.customerMessageId, waiting: false };
  }
  // Wait only for a parent that is on its way; a failed or deleted parent never blocks a reply.
  const parentSignal = await ctx.db.get("signals", parentId);
  const onItsWay =
    (parentRow.status === "pending" || parentRow.status === "leased") &&
    parentSignal !== null &&
    parentSignal.deletedAt === undefined;
  return { waiting: onItsWay };
}

async function renderAttachments(
  ctx: QueryCtx,
  attachmentIds: Id<"attachments">[],
): Promise<Pick<ClaimedDelivery, "attachments" | "omittedAttachments">> {
  const attachments: ClaimedDelivery["attachments"] = [];
  const omittedAttachments: ClaimedDelivery["omittedAttachments"] = [];
  for (const attachmentId of attachmentIds.slice(0, MAX_ATTACHMENTS)) {
    const attachment = await ctx.db.get("attachments", attachmentId);
    if (attachment === null) continue;
    if (attachment.status !== "stored" || attachment.storageId === undefined) {
      omittedAttachments.push({
        filename: attachment.filename,
        reason: attachment.rejectReason ?? "not stored",
      });
      continue;
    }
    const url = await ctx.storage.getUrl(attachment.storageId);
    if (url === null) {
      omittedAttachments.push({ filename: attachment.filename, reason: "file missing in storage" });
      continue;
    }
    attachments.push({
      attachmentId,
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.size,
      url,
      ...(attachment.sha256 === undefined ? {} : { sha256: attachment.sha256 }),
    });
  }
  return { attachments, omittedAttachments };
}

function optionalSummary(summary: string | undefined): { summary?: string } {
  return summary === undefined ? {} : { summary };
}
