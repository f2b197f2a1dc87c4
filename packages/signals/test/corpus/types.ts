import {
  type EntryType,
  type FollowUp,
  type Market,
  type MarginMode,
  type ParseContext,
  type Side,
  type SignalKind,
} from "../../src/index.js";

/**
 * The parse a trader would make of a message. A field that is present is compared exactly;
 * `null` means the parse must not have it. Fields left out are not checked.
 */
export type Expected = {
  kind: SignalKind;
  /** "BTC/USDT", or "BTC" when the message names no quote. */
  pair?: string | null;
  side?: Side | null;
  entries?: number[];
  entryType?: EntryType;
  targets?: number[];
  stopLoss?: number | null;
  leverage?: { value: number; mode?: MarginMode } | null;
  market?: Market | null;
  exchange?: string;
  followUp?: FollowUp;
  statedPnlPct?: number | null;
  /**
   * "shown": confident enough for the card to show levels (>= LOW_CONFIDENCE);
   * "low": ambiguous or inconsistent, so the card must lead with the raw text.
   */
  confidence?: "shown" | "low";
};

export type CorpusMessage = {
  family: string;
  text: string;
  expected: Expected;
  context?: ParseContext;
};

type SignalExtra = Omit<Expected, "kind" | "pair" | "side" | "entries" | "targets" | "stopLoss">;

/**
 * A new signal read in full: pair, side, entries, targets and stop are always compared, and the
 * leverage too (absent unless given). The card must show it unless `confidence: "low"` is given.
 */
export function signal(
  pair: string,
  side: Side,
  entries: number[],
  targets: number[],
  stopLoss: number | null,
  extra: SignalExtra = {},
): Expected {
  return {
    kind: "signal",
    pair,
    side,
    entries,
    targets,
    stopLoss,
    leverage: null,
    confidence: "shown",
    ...extra,
  };
}

/** Leverage shorthand for `signal(…, { leverage: lev(20, "cross") })`. */
export function lev(value: number, mode?: MarginMode): { value: number; mode?: MarginMode } {
  return mode ? { value, mode } : { value };
}

/** A message the card must not show levels for (ambiguous numbers, conflicting words). */
export function unsure(extra: Omit<Expected, "kind" | "confidence"> = {}): Expected {
  return { kind: "signal", ...extra, confidence: "low" };
}

/** A follow-up: its kind and its details (an empty object when it carries none). */
export function followUp(
  kind: Exclude<SignalKind, "signal" | "note">,
  details: FollowUp = {},
  extra: Omit<Expected, "kind" | "followUp"> = {},
): Expected {
  return { kind, followUp: details, ...extra };
}

/** Chatter, commentary, recaps, warnings: never a signal or an event. */
export function note(extra: Omit<Expected, "kind"> = {}): Expected {
  return { kind: "note", ...extra };
}

/** One family's messages: `[text, expected]` or `[text, expected, context]`. */
export function family(name: string, cases: [string, Expected, ParseContext?][]): CorpusMessage[] {
  return cases.map(([text, expected, context]) =>
    context ? { family: name, text, expected, context } : { family: name, text, expected },
  );
}
