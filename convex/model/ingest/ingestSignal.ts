import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { upsertAttachments } from "./ingestAttachments";
import { advanceIngestCursor } from "./ingestCursor";
import { fileEarlierCopy } from "./ingestHistory";
import { recordIngestLatency } from "./ingestLatency";
import { adoptFollowUps, findParentSignal, findSignalByMessage } from "./ingestLinking";
import { findIngestMapping } from "./ingestMapping";
import { hoistedFields, parseContent } from "./ingestParse";
import { syncTradeSignalFlags } from "../outcomes/outcomeRollups";
import { isSnowflake } from "./ingestSnowflake";
import { findUnstoredDelete, tombstoneAsDeletedFirst } from "./ingestUnstoredDelete";
import { reviewFields, uncorrectedReviewReason } from "../parsing/parseStatus";
import {
  MAX_ATTACHMENTS_PER_MESSAGE,
  MAX_CONTENT_LENGTH,
  type IncomingMessage,
  type UpsertResult,
} from "./ingestValidators";
import { appError } from "../shared/errors";

/**
 * Creates or edits the signal of one Discord message, keyed by its message id.
 * - Unknown id: create (version 1, a "create" revision), even when the event was an edit of a
 *   message posted while the collector was down.
 * - Known id, same content and attachment set: nothing (duplicate delivery, RESUME replay,
 *   backfill overlap, crosspost/embed flag flips).
 * - Known id, older than what is stored (Discord's edited_timestamp): the current content stays;
 *   a version the history lacks is filed at its place (model/ingest/ingestHistory.ts), so the history
 *   does not depend on which of two collectors, or a backfill, stored a copy first.
 * - Known id, visible change: version + 1, editedAt, re-parse, an "edit" revision appended.
 * - Tombstoned id: nothing; Discord cannot undelete a message.
 * - Unknown id whose delete came first (a history import or backfill read it before the delete):
 *   stored as that tombstone, as if the write had come first (model/ingest/ingestUnstoredDelete.ts).
 */
export async function upsertSignal(
  ctx: MutationCtx,
  message: IncomingMessage,
): Promise<UpsertResult> {
  assertWellFormed(message);
  const committedAt = Date.now();
  const existing = await findSignalByMessage(ctx, message.messageId);
  const result =
    existing === null
      ? await createSignal(ctx, message, committedAt)
      : await editSignal(ctx, existing, message, committedAt);
  // The cursor is live ingestion's "everything up to here": an imported older copy says nothing
  // about what followed it (and on a never-backfilled channel would skip the first backfill).
  if (message.origin !== "history") {
    await advanceIngestCursor(ctx, message.channelId, message.messageId);
  }
  return result;
}

async function createSignal(
  ctx: MutationCtx,
  message: IncomingMessage,
  committedAt: number,
): Promise<UpsertResult> {
  const mapping = await findIngestMapping(ctx, message.channelId);
  if (mapping === null) {
    throw appError(
      "UNMAPPED_CHANNEL",
      `Channel ${message.channelId} has no enabled channel mapping; add one in the admin console.`,
    );
  }
  const attachmentIds = await upsertAttachments(ctx, message.messageId, message.attachments);
  const { parsed, pair, side, kind } = parseContent(
    message.content,
    message.replyToMessageId !== undefined,
  );
  const parentSignalId = await findParentSignal(ctx, message, parsed);
  const review = reviewFields({}, uncorrectedReviewReason(parsed), committedAt);
  const signalId = await ctx.db.insert("signals", {
    sourceGuildId: message.guildId,
    sourceChannelId: message.channelId,
    sourceMessageId: message.messageId,
    authorId: message.authorId,
    authorName: message.authorName,
    tierKey: mapping.tierKey,
    content: message.content,
    parsed,
    ...(pair === undefined ? {} : { pair }),
    ...(side === undefined ? {} : { side }),
    kind,
    ...(message.replyToMessageId === undefined
      ? {}
      : { replyToMessageId: message.replyToMessageId }),
    ...(parentSignalId === undefined ? {} : { parentSignalId }),
    attachmentIds,
    version: 1,
    ...(message.editedAt === undefined ? {} : { editedAt: message.editedAt }),
    sourceAt: message.sourceAt,
    receivedAt: message.receivedAt,
    committedAt,
    ...(review.reviewReason === undefined ? {} : review),
  });
  await ctx.db.insert("signalRevisions", {
    signalId,
    version: 1,
    content: message.content,
    parsed,
    attachmentIds,
    at: message.editedAt ?? message.sourceAt,
    change: "create",
  });
  // The history import pages backwards, so replies and follow-ups reach Convex before the
  // signal they follow up on: link them now.
  if (message.origin === "history") await adoptFollowUps(ctx, signalId);
  const deletedFirst = await findUnstoredDelete(ctx, message.channelId, message.messageId);
  if (deletedFirst !== null) {
    const version = await tombstoneAsDeletedFirst(ctx, signalId, deletedFirst);
    return { outcome: "deleted", signalId, version };
  }
  // Only a live create measures ingest latency: a backfilled copy or an edit of a message we never
  // saw (posted while the collector was down) would report downtime.
  if (message.origin === "gateway" && message.editedAt === undefined) {
    await recordIngestLatency(ctx, {
      messageId: message.messageId,
      sourceAt: message.sourceAt,
      receivedAt: message.receivedAt,
      committedAt,
    });
  }
  return { outcome: "created", signalId, version: 1 };
}

async function editSignal(
  ctx: MutationCtx,
  existing: Doc<"signals">,
  message: IncomingMessage,
  committedAt: number,
): Promise<UpsertResult> {
  const unchanged = { signalId: existing._id, version: existing.version };
  if (existing.sourceChannelId !== message.channelId) {
    throw appError(
      "BAD_REQUEST",
      `Message ${message.messageId} is stored for channel ${existing.sourceChannelId}, not ${message.channelId}.`,
    );
  }
  // Attachments first, whatever the outcome: it dedupes rows and deletes re-uploaded blobs, so a
  // replayed event never leaves an orphan file in storage.
  const attachmentIds = await upsertAttachments(ctx, message.messageId, message.attachments);
  if (existing.deletedAt !== undefined) return { outcome: "deleted", ...unchanged };
  if (isOlderVersion(existing, message)) {
    // Not the current content, but maybe a version the history lacks (it arrived late).
    const { parsed } = parseContent(message.content, existing.replyToMessageId !== undefined);
    const version = await fileEarlierCopy(ctx, existing, message, { parsed, attachmentIds });
    return { outcome: "stale", signalId: existing._id, version: version ?? existing.version };
  }
  if (existing.content === message.content && sameIds(existing.attachmentIds, attachmentIds)) {
    return { outcome: "unchanged", ...unchanged };
  }

  const { parsed } = parseContent(message.content, existing.replyToMessageId !== undefined);
  const parentSignalId =
    existing.parentSignalId ??
    (await findParentSignal(
      ctx,
      { ...message, replyToMessageId: existing.replyToMessageId },
      parsed,
    ));
  const version = existing.version + 1;
  const editedAt = message.editedAt ?? committedAt;
  // An admin's correction stays, but it read the old words: a new text is a conflict that cards
  // flag ("check the message") until an admin resolves it (docs/architecture.md "Parsing").
  const reviewReason =
    existing.correction === undefined
      ? uncorrectedReviewReason(parsed)
      : existing.content !== message.content
        ? "edited_after_correction"
        : existing.reviewReason;
  await ctx.db.patch("signals", existing._id, {
    content: message.content,
    parsed,
    ...hoistedFields(existing.correction?.parsed ?? parsed),
    ...reviewFields(existing, reviewReason, committedAt),
    parentSignalId,
    attachmentIds,
    version,
    editedAt,
  });
  await ctx.db.insert("signalRevisions", {
    signalId: existing._id,
    version,
    content: message.content,
    parsed,
    attachmentIds,
    at: editedAt,
    change: "edit",
  });
  // A closed trade's signal edited: the public record counts it.
  await syncTradeSignalFlags(ctx, existing._id);
  return { outcome: "edited", signalId: existing._id, version };
}

/**
 * True when the incoming copy predates the stored version: an unedited copy after an edit, or an
 * earlier edited_timestamp. Discord sets edited_timestamp on every content edit.
 */
function isOlderVersion(existing: Doc<"signals">, message: IncomingMessage): boolean {
  if (existing.editedAt === undefined) return false;
  if (message.editedAt === undefined) return true;
  return message.editedAt < existing.editedAt;
}

function sameIds(a: readonly Id<"attachments">[], b: readonly Id<"attachments">[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

function assertWellFormed(message: IncomingMessage): void {
  const problems: string[] = [];
  for (const [field, value] of [
    ["messageId", message.messageId],
    ["channelId", message.channelId],
    ["guildId", message.guildId],
    ["authorId", message.authorId],
    ["replyToMessageId", message.replyToMessageId],
  ] as const) {
    if (value !== undefined && !isSnowflake(value)) problems.push(`${field} is not a snowflake`);
  }
  if (message.content.length > MAX_CONTENT_LENGTH) {
    problems.push(`content is longer than ${MAX_CONTENT_LENGTH} characters`);
  }
  if (message.attachments.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    problems.push(`more than ${MAX_ATTACHMENTS_PER_MESSAGE} attachments`);
  }
  if (problems.length > 0) {
    throw appError("BAD_REQUEST", `Message ${message.messageId} rejected: ${problems.join("; ")}.`);
  }
}
