// P&L of a track, realised and open, in % of the average entry and in R.
import type { Result, TrackState } from "./types.js";

export function averageEntry(state: TrackState): number | undefined {
  if (state.fills.length === 0) return undefined;
  return state.fills.reduce((sum, f) => sum + f.price, 0) / state.fills.length;
}

export function remainingShare(state: TrackState): number {
  const exited = state.exits.reduce((sum, e) => sum + e.share, 0);
  return Math.max(0, 1 - exited);
}

/**
 * Realised P&L plus the open remainder marked at `markPrice` (omit it once closed). Each fill is
 * an equal part of the position; exits are shares of what filled. R divides by the risk taken at
 * the first fill, |average entry − that stop|, so moving the stop later never changes the unit.
 */
export function resultAt(state: TrackState, markPrice?: number): Result | undefined {
  const average = averageEntry(state);
  if (average === undefined) return undefined;
  const sign = state.levels.side === "long" ? 1 : -1;
  let move = 0; // price move × share, in quote units per unit of position
  for (const exit of state.exits) move += exit.share * sign * (exit.price - average);
  const remaining = remainingShare(state);
  if (markPrice !== undefined && remaining > 0) move += remaining * sign * (markPrice - average);
  const pct = round((move / average) * 100);
  const risk = state.initialStop === undefined ? 0 : Math.abs(average - state.initialStop);
  const leverage = state.levels.leverage;
  return {
    pct,
    ...(risk > 0 ? { r: round(move / risk) } : {}),
    ...(leverage === undefined ? {} : { leveragedPct: round(pct * leverage) }),
  };
}

/** Six decimals: stable across runs and machines, far finer than anything shown. */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
