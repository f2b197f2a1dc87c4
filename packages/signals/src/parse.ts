import { asFollowUp, asReplyStopMove } from "./build-follow-up.js";
import { asNote, whyNotASignal } from "./build-note.js";
import { asSignal } from "./build-signal.js";
import { primaryKind } from "./follow-up.js";
import { normalize } from "./normalize.js";
import { isAdvice, quotedSignalReason } from "./traps.js";
import { levelCount, read } from "./read.js";
import { type ParseContext, type ParsedSignal } from "./types.js";
import { PARSER_VERSION } from "./version.js";

/** Longer input is cut (Discord allows 4000 characters); the cut is recorded as an error. */
export const MAX_INPUT_LENGTH = 8000;

/**
 * The kind, by precedence: a scam warning or an example quoting a signal is a note; a message
 * with two of entry/targets/stop (or symbol, side and one of
 * them, with no follow-up phrase) is a new signal, even if it also contains a follow-up phrase;
 * otherwise the primary follow-up phrase decides, unless the message names several coins (a
 * recap) or is a general rule that names no trade; a reply stating only a stop moves the stop;
 * anything else is a note.
 */
function parseNormalized(text: string, context: ParseContext): ParsedSignal {
  const reading = read(text);
  const quoted = quotedSignalReason(text);
  if (quoted) return asNote(reading, `not a signal: ${quoted}`);
  const count = levelCount(reading.levels);
  const primary = primaryKind(reading.hits);
  const signalShaped =
    count >= 2 ||
    (!primary && count >= 1 && reading.symbol !== undefined && reading.side !== undefined);
  if (signalShaped) return asSignal(reading);
  if (primary && reading.otherSymbols.length > 0) {
    return asNote(reading, "not a follow-up: it names several coins (a results recap or a list)");
  }
  const linkable = context.isReply === true || reading.symbol !== undefined;
  if (primary && !linkable && isAdvice(text)) {
    return asNote(reading, "not a follow-up: a general trading rule names no trade");
  }
  if (primary) return asFollowUp(primary, reading, context);
  const onlyStop = count === 1 && reading.levels.stopLoss !== undefined;
  if (context.isReply === true && onlyStop) return asReplyStopMove(reading);
  return asNote(reading, whyNotASignal(reading));
}

function emptyNote(error: string): ParsedSignal {
  return {
    kind: "note",
    entries: [],
    targets: [],
    confidence: 0,
    errors: [error],
    parserVersion: PARSER_VERSION,
  };
}

/**
 * Parses one Discord message. Never throws: a message that is not a signal comes back as
 * `kind: "note"` with errors saying why (parsing never blocks delivery).
 */
export function parseSignal(text: string, context: ParseContext = {}): ParsedSignal {
  try {
    if (typeof text !== "string") return emptyNote("message text is not a string");
    const cut = text.length > MAX_INPUT_LENGTH;
    const normalized = normalize(cut ? text.slice(0, MAX_INPUT_LENGTH) : text);
    if (normalized === "") {
      return emptyNote(
        text.trim() === "" ? "empty message" : "no text besides links, mentions or formatting",
      );
    }
    const parsed = parseNormalized(normalized, context ?? {});
    if (!cut) return parsed;
    return {
      ...parsed,
      errors: [
        ...parsed.errors,
        `message longer than ${MAX_INPUT_LENGTH} characters: only the start was parsed`,
      ],
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return emptyNote(`parser failed: ${message}`);
  }
}
