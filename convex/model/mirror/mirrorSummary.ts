import { describeSignal } from "@g3/signals";
import type { Doc } from "../../_generated/dataModel";
import type { ParsedSignal } from "../ingest/ingestParse";
import { parseStatusOf, shownParse } from "../parsing/parseStatus";

type SummarySource = Pick<Doc<"signals">, "parsed" | "correction" | "reviewReason">;

/**
 * The one-line summary the mirror shows under a mirrored signal (as Discord `-#` subtext, when
 * the bot's MIRROR_SUMMARY is on), decided here so Convex knows when a change of the parse
 * changes the mirrored message: only then is the message sent back to the mirror. Absent for
 * notes and for signals without a symbol. A shaky or conflicting reading never shows levels.
 */
export function mirrorSummary(signal: SummarySource): string | undefined {
  const status = parseStatusOf(signal);
  if (status === "low_confidence") {
    return "⚠️ Levels not read with confidence: check the message above";
  }
  if (status === "edited_after_correction") {
    return "⚠️ Edited by the author after an admin correction: check the message above";
  }
  const text = describeReading(shownParse(signal));
  if (text === undefined) return undefined;
  return status === "corrected" ? `${text} · checked by an admin` : text;
}

/** The parser's summary of a stored reading (an older revision), as `mirrorSummary` words it. */
export function mirrorSummaryOfRevision(parsed: ParsedSignal): string | undefined {
  return mirrorSummary({ parsed });
}

function describeReading(parsed: ParsedSignal): string | undefined {
  if (parsed.kind === "note") return undefined;
  if (parsed.kind === "signal" && parsed.symbol === undefined) return undefined;
  const text = describeSignal(parsed).trim();
  return text.length === 0 ? undefined : text;
}
