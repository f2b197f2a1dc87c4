import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { type MutationCtx, type QueryCtx } from "./_generated/server";
import { writeAdminAudit } from "./model/shared/audit";
import { correctedReading } from "./model/parsing/parseCorrection";
import { validateCorrection, vCorrectionFields } from "./model/parsing/parseCorrectionInput";
import { writeParseState } from "./model/parsing/parseState";
import {
  parseStatusOf,
  reviewFields,
  sameReading,
  shownParse,
  uncorrectedReviewReason,
} from "./model/parsing/parseStatus";
import { vParseStatus } from "./model/feed/signalCard";
import { vParsedSignal, vReviewReason } from "./tables/signals";
import { adminMutation, adminQuery } from "./functions";
import { appError } from "./model/shared/errors";

const vView = v.union(
  v.literal("open"), // low confidence, edited after a correction, parser disagrees
  v.literal("edited"), // edited by the analyst, newest edit first
  v.literal("corrected"), // corrected by an admin, newest correction first
);

const vReviewItem = v.object({
  id: v.id("signals"),
  tierKey: v.string(),
  version: v.number(),
  content: v.string(),
  authorName: v.string(),
  postedAt: v.number(),
  editedAt: v.optional(v.number()),
  deletedAt: v.optional(v.number()),
  parseStatus: vParseStatus,
  reviewReason: v.optional(vReviewReason),
  reviewSince: v.optional(v.number()),
  /** The parser's own reading of the current text. */
  parser: vParsedSignal,
  /** What customers see (the correction when there is one). */
  shown: vParsedSignal,
  correction: v.optional(
    v.object({
      parsed: vParsedSignal,
      byEmail: v.optional(v.string()),
      at: v.number(),
      version: v.number(),
    }),
  ),
});

/**
 * The admin's parse review list, newest first, one view at a time, each from its own index:
 * open reviews (`by_review_since`), analyst edits (`by_edited_at`), corrections (`by_corrected_at`).
 */
export const list = adminQuery({
  args: { paginationOpts: paginationOptsValidator, view: vView },
  returns: paginationResultValidator(vReviewItem),
  handler: async (ctx, { paginationOpts, view }) => {
    const signals = ctx.db.query("signals");
    const ordered =
      view === "open"
        ? signals.withIndex("by_review_since", (q) => q.gt("reviewSince", 0))
        : view === "edited"
          ? signals.withIndex("by_edited_at", (q) => q.gt("editedAt", 0))
          : signals.withIndex("by_corrected_at", (q) => q.gt("correctedAt", 0));
    const result = await ordered.order("desc").paginate(paginationOpts);
    const emails = new Map<Id<"users">, string | undefined>();
    const page = [];
    for (const signal of result.page) page.push(await toReviewItem(ctx, signal, emails));
    return { ...result, page };
  },
});

async function toReviewItem(
  ctx: QueryCtx,
  signal: Doc<"signals">,
  emails: Map<Id<"users">, string | undefined>,
) {
  const correction = signal.correction;
  if (correction !== undefined && !emails.has(correction.by)) {
    emails.set(correction.by, (await ctx.db.get("users", correction.by))?.email);
  }
  const byEmail = correction === undefined ? undefined : emails.get(correction.by);
  return {
    id: signal._id,
    tierKey: signal.tierKey,
    version: signal.version,
    content: signal.content,
    authorName: signal.authorName,
    postedAt: signal.sourceAt,
    ...(signal.editedAt === undefined ? {} : { editedAt: signal.editedAt }),
    ...(signal.deletedAt === undefined ? {} : { deletedAt: signal.deletedAt }),
    parseStatus: parseStatusOf(signal),
    ...(signal.reviewReason === undefined ? {} : { reviewReason: signal.reviewReason }),
    ...(signal.reviewSince === undefined ? {} : { reviewSince: signal.reviewSince }),
    parser: signal.parsed,
    shown: shownParse(signal),
    ...(correction === undefined
      ? {}
      : {
          correction: {
            parsed: correction.parsed,
            ...(byEmail === undefined ? {} : { byEmail }),
            at: correction.at,
            version: correction.version,
          },
        }),
  };
}

/**
 * An admin corrects the reading of a signal: every field is validated (sane prices, a long's stop
 * below its entries…), the correction is shown to customers instead of the parser's reading
 * (cards update live; the mirrored message is edited only if its summary changes), the raw text
 * is untouched and the change is audited. `expectedVersion` is the version the admin read: if the
 * analyst edited the message meanwhile, nothing is saved and the admin reviews the new text.
 */
export const correct = adminMutation({
  args: {
    signalId: v.id("signals"),
    expectedVersion: v.number(),
    fields: vCorrectionFields,
    reason: v.optional(v.string()),
  },
  returns: v.object({ mirrorRequeued: v.number() }),
  handler: async (ctx, { signalId, expectedVersion, fields, reason }) => {
    const valid = validateCorrection(fields);
    const signal = await signalAtVersion(ctx, signalId, expectedVersion);
    const now = Date.now();
    const before = shownParse(signal);
    const parsed = correctedReading(signal.parsed, valid);
    const mirrorRequeued = await writeParseState(ctx, signal, {
      correction: { parsed, by: ctx.admin._id, at: now, version: signal.version },
      correctedAt: now,
      ...reviewFields(signal, undefined, now),
    });
    await writeAdminAudit(ctx, {
      action: "signal.correct",
      targetType: "signal",
      targetId: signalId,
      ...auditReason(reason),
      details: { version: signal.version, before: readingOf(before), after: readingOf(parsed) },
    });
    return { mirrorRequeued };
  },
});

/**
 * Resolves a correction the analyst's later edit (or a newer parser) put in doubt: keep the
 * correction for the current text, or drop it and show the parser's reading of the current text
 * (with "check the message" again if that reading is shaky). Audited.
 */
export const resolve = adminMutation({
  args: {
    signalId: v.id("signals"),
    expectedVersion: v.number(),
    keep: v.union(v.literal("correction"), v.literal("parser")),
    reason: v.optional(v.string()),
  },
  returns: v.object({ mirrorRequeued: v.number() }),
  handler: async (ctx, { signalId, expectedVersion, keep, reason }) => {
    const signal = await signalAtVersion(ctx, signalId, expectedVersion);
    const correction = signal.correction;
    if (correction === undefined) {
      throw appError("BAD_REQUEST", "This signal has no correction.");
    }
    const now = Date.now();
    const mirrorRequeued =
      keep === "correction"
        ? await writeParseState(ctx, signal, {
            correction: { ...correction, version: signal.version },
            ...reviewFields(signal, undefined, now),
          })
        : await writeParseState(ctx, signal, {
            correction: undefined,
            correctedAt: undefined,
            ...reviewFields(signal, uncorrectedReviewReason(signal.parsed), now),
          });
    await writeAdminAudit(ctx, {
      action: keep === "correction" ? "signal.correction_kept" : "signal.correction_dropped",
      targetType: "signal",
      targetId: signalId,
      ...auditReason(reason),
      details: {
        version: signal.version,
        correction: readingOf(correction.parsed),
        parser: readingOf(signal.parsed),
        agreed: sameReading(correction.parsed, signal.parsed),
      },
    });
    return { mirrorRequeued };
  },
});

async function signalAtVersion(
  ctx: MutationCtx,
  signalId: Id<"signals">,
  expectedVersion: number,
): Promise<Doc<"signals">> {
  const signal = await ctx.db.get("signals", signalId);
  if (signal === null) {
    throw appError("NOT_FOUND", "No such signal.");
  }
  if (signal.version !== expectedVersion) {
    throw appError(
      "CONFLICT",
      `The message changed while you were reviewing it (now version ${signal.version}). Read the new text and try again.`,
    );
  }
  return signal;
}

function auditReason(reason: string | undefined): { reason?: string } {
  const trimmed = reason?.trim().slice(0, 500);
  return trimmed === undefined || trimmed === "" ? {} : { reason: trimmed };
}

/** The audited fields of a reading (small: the audit details are capped JSON). */
function readingOf(parsed: Doc<"signals">["parsed"]) {
  return {
    kind: parsed.kind,
    symbol: parsed.symbol?.raw,
    side: parsed.side,
    entryType: parsed.entryType,
    entries: parsed.entries,
    targets: parsed.targets,
    stopLoss: parsed.stopLoss,
    leverage: parsed.leverage,
    confidence: parsed.confidence,
  };
}
