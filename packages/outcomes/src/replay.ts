// Batch form of the state machine: a signal's whole life (edits, follow-ups, prices) in time
// order. The tracker does the same thing incrementally; tests and backfills use this.
import { applyAction, applyLevels, applyPrice, startTrack } from "./track.js";
import {
  DEFAULT_RULES,
  type AnalystAction,
  type Levels,
  type PricePoint,
  type TrackRules,
  type TrackState,
} from "./types.js";

export type SignalHistory = {
  postedAt: number;
  levels: Levels;
  /** Later versions' levels, from the time of each edit. */
  edits?: { at: number; levels: Levels }[];
  actions?: AnalystAction[];
};

/** `prices` are trades (end = t) or candles with `end`; both sorted by time. */
export function replay(
  history: SignalHistory,
  prices: (PricePoint & { end?: number })[],
  rules: TrackRules = DEFAULT_RULES,
): TrackState {
  const state = startTrack(history.levels, history.postedAt);
  type Item = { at: number; order: number; apply: () => void };
  const items: Item[] = [
    ...(history.edits ?? []).map((e) => ({
      at: e.at,
      order: 0,
      apply: () => void applyLevels(state, e.at, e.levels),
    })),
    ...(history.actions ?? []).map((a) => ({
      at: a.at,
      order: 1,
      apply: () => void applyAction(state, a),
    })),
    ...prices.map((p) => ({
      at: p.t,
      order: 2,
      apply: () => void applyPrice(state, p, p.end ?? p.t, rules),
    })),
  ];
  items.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const item of items) item.apply();
  return state;
}

/** A trade print as a price point. */
export function tick(t: number, price: number): PricePoint {
  return { t, open: price, high: price, low: price, close: price };
}
