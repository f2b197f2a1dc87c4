/**
 * The parser's closed vocabularies as values, the one list each: the types in types.ts derive
 * from them, and the Convex correction validator, the follow-up linker and the admin's correction
 * form read them (import "@g3/signals/kinds": no parser code comes with it, so the browser bundle
 * stays small).
 */

/** The kinds that report on an earlier signal: every kind but a new "signal" and a "note". */
export const FOLLOW_UP_KINDS = [
  "entry_hit",
  "target_hit",
  "stop_hit",
  "move_stop",
  "partial_close",
  "close",
  "cancel",
] as const;

export const SIGNAL_KINDS = ["signal", ...FOLLOW_UP_KINDS, "note"] as const;

export const SIDES = ["long", "short"] as const;

export const ENTRY_TYPES = ["market", "limit", "zone", "breakout_above", "breakout_below"] as const;

export const MARGIN_MODES = ["cross", "isolated"] as const;
