import { formatPrice as p } from "./format.js";
import { type EntryType, type Leverage, type Side } from "./types.js";

export type SanityInput = {
  side?: Side;
  entryType?: EntryType;
  entries: number[];
  targets: number[];
  stopLoss?: number;
};

/** Prices more than this many times apart are rejected by Cornix as a typo. */
export const MAX_SPREAD = 10;
export const MAX_LEVERAGE = 125;

function average(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Leverage outside 1..125 (checked for every kind: follow-ups state leverage too). */
export function checkLeverage(leverage: Leverage | undefined): string[] {
  if (!leverage) return [];
  if (leverage.value >= 1 && leverage.value <= MAX_LEVERAGE) return [];
  return [`leverage ${leverage.value}x is outside 1..${MAX_LEVERAGE}`];
}

/**
 * Consistency checks for a new signal. They only add errors (which lower confidence);
 * they never drop or reorder what was written.
 */
export function checkSignal(s: SanityInput): string[] {
  const errors: string[] = [];
  if (s.entries.length === 0 && s.entryType !== "market") errors.push("no entry price found");
  if (s.targets.length === 0) errors.push("no targets found");
  if (s.stopLoss === undefined) errors.push("no stop loss found");

  const all = [...s.entries, ...s.targets, ...(s.stopLoss === undefined ? [] : [s.stopLoss])];
  if (all.some((v) => v <= 0)) errors.push("a price is zero");
  const positive = all.filter((v) => v > 0);
  if (positive.length > 1) {
    const low = Math.min(...positive);
    const high = Math.max(...positive);
    if (high / low > MAX_SPREAD) {
      errors.push(
        `prices are more than ${MAX_SPREAD}x apart (${p(low)} to ${p(high)}): likely a typo`,
      );
    }
  }

  if (!s.side || s.entries.length === 0) return errors;
  const isLong = s.side === "long";
  if (
    (s.entryType === "breakout_below" && isLong) ||
    (s.entryType === "breakout_above" && !isLong)
  ) {
    errors.push(`a ${s.entryType.replace("_", " ")} entry does not fit a ${s.side}`);
  }
  const lowest = Math.min(...s.entries);
  const highest = Math.max(...s.entries);
  if (s.stopLoss !== undefined) {
    if (isLong && s.stopLoss >= lowest) {
      errors.push(`stop ${p(s.stopLoss)} is not below the lowest entry ${p(lowest)} for a long`);
    }
    if (!isLong && s.stopLoss <= highest) {
      errors.push(`stop ${p(s.stopLoss)} is not above the highest entry ${p(highest)} for a short`);
    }
  }

  const ordered = s.targets.every((t, i) => {
    const prev = s.targets[i - 1];
    return prev === undefined || (isLong ? t > prev : t < prev);
  });
  if (!ordered) {
    errors.push(`targets are not ${isLong ? "ascending" : "descending"} for a ${s.side}`);
  }
  const mean = average(s.entries);
  const wrongSide = s.targets.filter((t) => (isLong ? t <= mean : t >= mean));
  if (wrongSide.length > 0) {
    errors.push(
      `target${wrongSide.length > 1 ? "s" : ""} ${wrongSide.map(p).join(", ")} ${isLong ? "not above" : "not below"} the average entry ${p(mean)}`,
    );
  }
  return errors;
}
