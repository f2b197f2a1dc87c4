import { LOW_CONFIDENCE } from "@g3/signals";
import type { Infer } from "convex/values";
import type { Doc } from "../../_generated/dataModel";
import type { vReviewReason } from "../../tables/signals";
import type { ParsedSignal } from "../ingest/ingestParse";

export type ReviewReason = Infer<typeof vReviewReason>;

/**
 * How far a customer may trust the levels a signal shows:
 * - `parser`: the parser's reading, confident enough (or a note, which shows no levels);
 * - `low_confidence`: the parser's reading is shaky; cards lead with the raw text and "check the
 *   message" instead of levels (a wrong number is worse than none);
 * - `corrected`: an admin's correction, shown instead of the parser's reading;
 * - `edited_after_correction`: the analyst changed the text after an admin corrected it: the
 *   correction describes words that no longer exist, so cards lead with the raw text and "check
 *   the message" until an admin resolves it (keeps the correction or takes the parser's reading).
 */
export type ParseStatus = "parser" | "low_confidence" | "corrected" | "edited_after_correction";

type ParseState = Pick<Doc<"signals">, "parsed" | "correction" | "reviewReason">;

/** The reading customers see: the admin's correction when there is one, else the parser's. */
export function shownParse(signal: Pick<Doc<"signals">, "parsed" | "correction">): ParsedSignal {
  return signal.correction?.parsed ?? signal.parsed;
}

export function parseStatusOf(signal: ParseState): ParseStatus {
  if (signal.correction !== undefined) {
    return signal.reviewReason === "edited_after_correction"
      ? "edited_after_correction"
      : "corrected";
  }
  return isLowConfidence(signal.parsed) ? "low_confidence" : "parser";
}

/** Notes show no levels (they are delivered as text), so only other kinds can be "shaky". */
export function isLowConfidence(parsed: ParsedSignal): boolean {
  return parsed.kind !== "note" && parsed.confidence < LOW_CONFIDENCE;
}

/** True when the statuses show levels a trader could act on. */
export function showsLevels(status: ParseStatus): boolean {
  return status === "parser" || status === "corrected";
}

/**
 * Whether two readings agree on every field an admin can correct (kind, symbol, side, entry type,
 * entries, targets, stop, leverage and margin mode); confidence, errors and version are ignored.
 */
export function sameReading(a: ParsedSignal, b: ParsedSignal): boolean {
  return JSON.stringify(readingKey(a)) === JSON.stringify(readingKey(b));
}

function readingKey(parsed: ParsedSignal) {
  return [
    parsed.kind,
    parsed.symbol?.base ?? null,
    parsed.symbol?.quote ?? null,
    parsed.side ?? null,
    parsed.entryType ?? null,
    parsed.entries,
    parsed.targets,
    parsed.stopLoss ?? null,
    parsed.leverage?.value ?? null,
    parsed.leverage?.mode ?? null,
  ];
}

type ReviewFields = Pick<Doc<"signals">, "reviewReason" | "reviewSince">;

/**
 * The review fields for `reason`: an unchanged reason keeps its time (a re-parse does not
 * reshuffle the list); a new one is dated `now`; none clears both.
 */
export function reviewFields(
  previous: ReviewFields,
  reason: ReviewReason | undefined,
  now: number,
): { reviewReason: ReviewReason | undefined; reviewSince: number | undefined } {
  if (reason === undefined) return { reviewReason: undefined, reviewSince: undefined };
  if (previous.reviewReason === reason && previous.reviewSince !== undefined) {
    return { reviewReason: reason, reviewSince: previous.reviewSince };
  }
  return { reviewReason: reason, reviewSince: now };
}

/** The review reason of a signal nobody corrected: only a shaky reading needs a look. */
export function uncorrectedReviewReason(parsed: ParsedSignal): ReviewReason | undefined {
  return isLowConfidence(parsed) ? "low_confidence" : undefined;
}
