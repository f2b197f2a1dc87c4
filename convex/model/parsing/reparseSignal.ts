import type { Doc } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { parseContent, type ParsedSignal } from "../ingest/ingestParse";
import { writeParseState } from "./parseState";
import {
  reviewFields,
  sameReading,
  uncorrectedReviewReason,
  type ReviewReason,
} from "./parseStatus";

export type ReparseOutcome = {
  /** The stored reading differed from the new parser's (fields, confidence or errors). */
  changed: boolean;
  /** A correction the new parser now reads differently: kept, and flagged for review. */
  flaggedCorrection: boolean;
  mirrorRequeued: number;
};

/**
 * Re-parses one stored signal with the deployed parser. The new reading replaces the parser's
 * reading (`parsed`) but never an admin's correction, which stays shown; when the new parser reads
 * the text differently than before *and* differently from the correction, the signal is flagged
 * `parser_disagrees` for review (a parser that still reads it as before is no news). Review fields,
 * the indexed pair/side/kind and the mirror follow (model/parsing/parseState.ts). Idempotent.
 */
export async function reparseSignal(
  ctx: MutationCtx,
  signal: Doc<"signals">,
  now: number,
): Promise<ReparseOutcome> {
  const { parsed } = parseContent(signal.content, signal.replyToMessageId !== undefined);
  const changed = stableJson(parsed) !== stableJson(signal.parsed);
  const reason = nextReason(signal, parsed);
  const review = reviewFields(signal, reason, now);
  const unchangedReview =
    review.reviewReason === signal.reviewReason && review.reviewSince === signal.reviewSince;
  if (!changed && unchangedReview) {
    return { changed: false, flaggedCorrection: false, mirrorRequeued: 0 };
  }
  const mirrorRequeued = await writeParseState(ctx, signal, { parsed, ...review });
  return {
    changed,
    flaggedCorrection: reason === "parser_disagrees" && signal.reviewReason !== reason,
    mirrorRequeued,
  };
}

function nextReason(signal: Doc<"signals">, parsed: ParsedSignal): ReviewReason | undefined {
  const correction = signal.correction;
  if (correction === undefined) return uncorrectedReviewReason(parsed);
  // The analyst's edit is the bigger doubt and stays until an admin resolves it.
  if (signal.reviewReason === "edited_after_correction") return signal.reviewReason;
  if (sameReading(parsed, correction.parsed)) return undefined;
  if (sameReading(parsed, signal.parsed)) return signal.reviewReason;
  return "parser_disagrees";
}

/** JSON with sorted keys: stored documents need not keep the parser's key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );
}
