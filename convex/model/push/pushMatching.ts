// Pure: does a device's filter want this signal?
import type { Doc } from "../../_generated/dataModel";
import type { PushFilters } from "./pushInput";

export function matchesPushFilters(
  filters: PushFilters,
  signal: Pick<Doc<"signals">, "tierKey" | "pair" | "side">,
): boolean {
  if (filters.tierKeys.length > 0 && !filters.tierKeys.includes(signal.tierKey)) return false;
  if (filters.pairs.length > 0) {
    if (signal.pair === undefined) return false;
    const base = signal.pair.split("/")[0];
    // "BTC" alone follows BTC against any quote; "BTC/USDT" only that pair.
    const wanted = filters.pairs.some(
      (pair) => pair === signal.pair || (!pair.includes("/") && pair === base),
    );
    if (!wanted) return false;
  }
  const sides = new Set(filters.sides);
  if (sides.size === 1 && (signal.side === undefined || !sides.has(signal.side))) return false;
  return true;
}
