import { v, type Infer } from "convex/values";
import type { Doc } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";
import { vOutcomeResult, vTrackStatus } from "../../tables/outcomes";
import { vParsedSignal, vSide, vSignalKind } from "../../tables/signals";
import type { AttachmentLinkScope } from "./attachmentLinks";
import { loadAttachments, vAttachmentView } from "./attachments";
import { parseStatusOf, shownParse } from "../parsing/parseStatus";

/** How far the card's levels can be trusted (model/parsing/parseStatus.ts explains each). */
export const vParseStatus = v.union(
  v.literal("parser"),
  v.literal("low_confidence"),
  v.literal("corrected"),
  v.literal("edited_after_correction"),
);

/**
 * What the market did to the signal so far (the tracker's summary), shown on the card. It travels
 * inside the card, so it is gated exactly like the card's content and updates with the same
 * subscription when the tracker records a change.
 */
export const vCardOutcome = v.object({
  status: vTrackStatus,
  targetsHit: v.number(),
  /** A closed trade's result. */
  result: v.optional(vOutcomeResult),
  /** An open trade's P&L at `markPrice`, the price of its last recorded change. */
  openResult: v.optional(vOutcomeResult),
  markPrice: v.optional(v.number()),
  markedAt: v.optional(v.number()),
  closedAt: v.optional(v.number()),
  updatedAt: v.number(),
});

/**
 * The reading a card shows: the levels, without the parser's bookkeeping (its confidence, errors
 * and version stay on the signal for the admin's review; `parseStatus` says what customers need).
 */
export const vCardReading = vParsedSignal.omit("confidence", "errors", "parserVersion");

/**
 * What the feed shows for one signal: its current version, structured, plus the raw text. Only
 * what a card shows or orders by: the live head re-sends every card of it to every viewer on each
 * new signal, and each viewer's client converts every value of it (docs/performance.md §8).
 */
export const vSignalCard = v.object({
  id: v.id("signals"),
  kind: vSignalKind,
  pair: v.optional(v.string()),
  side: v.optional(vSide),
  /** The reading customers see: an admin's correction when there is one, else the parser's. */
  parsed: vCardReading,
  parseStatus: vParseStatus,
  content: v.string(),
  authorName: v.string(),
  version: v.number(),
  postedAt: v.number(),
  createdAt: v.number(),
  editedAt: v.optional(v.number()),
  deletedAt: v.optional(v.number()),
  parentSignalId: v.optional(v.id("signals")),
  attachments: v.array(vAttachmentView),
  /** Absent until the tracker follows the signal (not a trade idea, or not yet discovered). */
  outcome: v.optional(vCardOutcome),
});

export type SignalCard = Infer<typeof vSignalCard>;

/** `links` is the scope attachment links are minted in (the caller ran the gate for the tier). */
export async function toSignalCard(
  ctx: QueryCtx,
  signal: Doc<"signals">,
  links: AttachmentLinkScope,
): Promise<SignalCard> {
  const outcome = await cardOutcome(ctx, signal);
  const {
    confidence: _confidence,
    errors: _errors,
    parserVersion: _version,
    ...reading
  } = shownParse(signal);
  return {
    id: signal._id,
    kind: signal.kind,
    ...(signal.pair === undefined ? {} : { pair: signal.pair }),
    ...(signal.side === undefined ? {} : { side: signal.side }),
    parsed: reading,
    parseStatus: parseStatusOf(signal),
    content: signal.content,
    authorName: signal.authorName,
    version: signal.version,
    postedAt: signal.sourceAt,
    createdAt: signal._creationTime,
    ...(signal.editedAt === undefined ? {} : { editedAt: signal.editedAt }),
    ...(signal.deletedAt === undefined ? {} : { deletedAt: signal.deletedAt }),
    ...(signal.parentSignalId === undefined ? {} : { parentSignalId: signal.parentSignalId }),
    attachments: await loadAttachments(ctx, signal.attachmentIds, links),
    ...(outcome === undefined ? {} : { outcome }),
  };
}

async function cardOutcome(ctx: QueryCtx, signal: Doc<"signals">) {
  const row = await ctx.db
    .query("signalOutcomes")
    .withIndex("by_signal", (q) => q.eq("signalId", signal._id))
    .unique();
  if (row === null) return undefined;
  return {
    status: row.status,
    targetsHit: row.targetsHit,
    ...(row.result === undefined ? {} : { result: row.result }),
    ...(row.openResult === undefined ? {} : { openResult: row.openResult }),
    ...(row.markPrice === undefined ? {} : { markPrice: row.markPrice }),
    ...(row.markedAt === undefined ? {} : { markedAt: row.markedAt }),
    ...(row.closedAt === undefined ? {} : { closedAt: row.closedAt }),
    updatedAt: row.updatedAt,
  };
}
