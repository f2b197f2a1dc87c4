// From the parser's reading of a signal to the levels the tracker checks.
import type { ParsedSignal } from "@g3/signals";
import type { Levels } from "./types.js";

/**
 * Levels of a trade idea, or undefined when it cannot be tracked: not a signal, no side, no
 * targets and no stop (nothing the market could confirm), or levels on the wrong side of each
 * other (a long's stop must be under its entries, targets above).
 */
export function levelsFromParsed(parsed: ParsedSignal): Levels | undefined {
  if (parsed.kind !== "signal" || parsed.side === undefined) return undefined;
  const side = parsed.side;
  const long = side === "long";
  const byMarketOrder = (a: number, b: number) => (long ? b - a : a - b);
  let entries = [...parsed.entries];
  if (entries.length === 0 && parsed.entryZone !== undefined) {
    entries = [parsed.entryZone.low, parsed.entryZone.high];
  }
  entries = [...new Set(entries.filter((p) => p > 0))].sort(byMarketOrder);
  const targets = [...new Set(parsed.targets.filter((p) => p > 0))].sort(
    (a, b) => -byMarketOrder(a, b),
  );
  const stop = parsed.stopLoss;
  if (targets.length === 0 && stop === undefined) return undefined;
  const entryType = parsed.entryType ?? (entries.length === 0 ? "market" : "limit");
  const levels: Levels = {
    side,
    entryType: entryType === "market" ? "market" : entryType,
    entries: entryType === "market" ? [] : entries,
    targets,
    ...(stop === undefined ? {} : { stop }),
    ...(parsed.leverage === undefined ? {} : { leverage: parsed.leverage.value }),
  };
  return consistent(levels) ? levels : undefined;
}

/** A long's stop under every entry and targets above them; mirrored for a short. */
export function consistent(levels: Levels): boolean {
  const sign = levels.side === "long" ? 1 : -1;
  for (const entry of levels.entries) {
    if (levels.stop !== undefined && sign * (entry - levels.stop) <= 0) return false;
    for (const target of levels.targets) if (sign * (target - entry) <= 0) return false;
  }
  if (levels.entries.length === 0 && levels.stop !== undefined) {
    for (const target of levels.targets) if (sign * (target - levels.stop) <= 0) return false;
  }
  return true;
}
