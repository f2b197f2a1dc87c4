// The shapes the tracker works with. Everything is plain data (JSON-safe) so a track's state can
// be stored in Convex and resumed by another process.

export type Side = "long" | "short";
export type EntryType = "market" | "limit" | "zone" | "breakout_above" | "breakout_below";

/** What a signal commits to, in the form the tracker checks against prices. */
export type Levels = {
  side: Side;
  entryType: EntryType;
  /** In the order the market reaches them: highest first for a long, lowest first for a short. Empty: market entry. */
  entries: number[];
  /** Ascending for a long, descending for a short. */
  targets: number[];
  stop?: number;
  /** Shown beside results, never folded into R. */
  leverage?: number;
};

/** A price observation: a trade (high = low = close) or a candle. `t` is its start time. */
export type PricePoint = { t: number; open: number; high: number; low: number; close: number };

/** Timestamped analyst follow-ups the market can check: they act at the price of their time. */
export type AnalystAction =
  | { kind: "close"; at: number }
  | { kind: "cancel"; at: number }
  | { kind: "partial_close"; at: number; percent: number }
  | { kind: "move_stop"; at: number; stop?: number; breakeven?: boolean };

export type TrackRules = {
  /** A signal not filled within this long after it was posted expires (not counted). */
  entryWindowMs: number;
  /** An open trade is closed at the market this long after its first fill (counted). */
  maxOpenMs: number;
};

export const DEFAULT_RULES: TrackRules = {
  entryWindowMs: 7 * 24 * 60 * 60 * 1000,
  maxOpenMs: 30 * 24 * 60 * 60 * 1000,
};

export type OutcomeEvent =
  | { type: "entry_filled"; at: number; price: number; entryIndex: number }
  | { type: "target_hit"; at: number; price: number; targetIndex: number }
  | { type: "stop_hit"; at: number; price: number; afterTargets: number }
  | {
      type: "invalidated";
      at: number;
      price: number;
      reason: "stop_before_entry" | "target_before_entry";
    }
  | { type: "expired"; at: number; price?: number; reason: "not_filled" | "max_duration" }
  | { type: "closed"; at: number; price: number; by: "analyst" }
  | { type: "partial_closed"; at: number; price: number; percent: number }
  | { type: "stop_moved"; at: number; stop: number; by: "analyst" | "edit" }
  | { type: "cancelled"; at: number; by: "analyst" };

/** Where a track stands; `closed` phases never change again. */
export type TrackStatus =
  | "waiting_entry"
  | "in_trade"
  | "stopped"
  | "targets_done"
  | "closed_by_analyst"
  | "expired"
  | "invalidated"
  | "cancelled";

export type Fill = { entryIndex: number; price: number; at: number };
export type Exit = { share: number; price: number; at: number };

export type Result = {
  /** Risk units: P&L divided by |average entry − stop at first fill|. Absent without a stop. */
  r?: number;
  /** Unleveraged % of the average entry. */
  pct: number;
  /** `pct × leverage`, when the signal named one. */
  leveragedPct?: number;
};

export type TrackState = {
  postedAt: number;
  levels: Levels;
  status: TrackStatus;
  fills: Fill[];
  /** Planned entries when the first fill happened; each fill is 1/plannedEntries of the position. */
  plannedEntries: number;
  /** No more entries fill after the first target (the rest of the order is cancelled). */
  entriesClosed: boolean;
  targetsHit: number;
  exits: Exit[];
  /** The stop in effect (edits and "move SL" follow-ups move it). */
  stop?: number;
  /** The stop when the first entry filled: R is measured against it. */
  initialStop?: number;
  /** Best and worst excursion from the average entry while in the trade, as fractions (0.05 = 5 %). */
  mfe: number;
  mae: number;
  lastPrice?: number;
  /** Prices up to this time have been applied. */
  checkedThrough: number;
  closedAt?: number;
  result?: Result;
  events: OutcomeEvent[];
};
