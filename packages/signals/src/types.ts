/**
 * The parser's output. It must stay structurally identical to `vParsedSignal` in
 * convex/tables/signals.ts (test/contract.test.ts checks both the type and real parses).
 * Optional fields are absent, never `undefined`, when unknown.
 */

import type { ENTRY_TYPES, MARGIN_MODES, SIDES, SIGNAL_KINDS } from "./kinds.js";
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export type Side = (typeof SIDES)[number];
export type Market = "spot" | "perp" | "futures";
export type EntryType = (typeof ENTRY_TYPES)[number];
export type MarginMode = (typeof MARGIN_MODES)[number];

export type SignalSymbol = { raw: string; base: string; quote?: string };
export type Leverage = { value: number; mode?: MarginMode };
export type EntryZone = { low: number; high: number };

/** Details of a follow-up message (kinds other than "signal" and "note"). */
export type FollowUp = {
  /** 1-based target number, e.g. 2 for "TP2 hit". */
  targetIndex?: number;
  /** 1-based entry number, e.g. 2 for "Entry 2 filled". */
  entryIndex?: number;
  /** The price the event happened at, e.g. 2288 for "Closed at 2288". */
  price?: number;
  /** The new stop, from "Move SL to 42250" (also kept when the primary kind is not move_stop). */
  newStop?: number;
  /** The stop moves to the entry ("SL to breakeven") and no price was written: use the parent's entry. */
  breakeven?: boolean;
  /** Share of the position closed by a partial close, 0..100. */
  percent?: number;
};

export type ParsedSignal = {
  kind: SignalKind;
  symbol?: SignalSymbol;
  side?: Side;
  sideInferred?: boolean;
  market?: Market;
  exchange?: string;
  entryType?: EntryType;
  entries: number[];
  entryZone?: EntryZone;
  targets: number[];
  stopLoss?: number;
  leverage?: Leverage;
  followUp?: FollowUp;
  statedPnlPct?: number;
  confidence: number;
  errors: string[];
  parserVersion: string;
};

export type ParseContext = {
  /** The message is a Discord reply (has a message_reference): follow-ups can be linked by it. */
  isReply?: boolean;
};
