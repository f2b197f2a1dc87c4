import { assemble } from "./assemble.js";
import { noteConfidence } from "./confidence.js";
import { type Reading } from "./read.js";
import { type ParsedSignal } from "./types.js";

/** Not a signal: keeps whatever was recognised, with an error saying why it is a note. */
export function asNote(reading: Reading, why: string): ParsedSignal {
  const levels = reading.levels;
  const parts = { symbol: reading.symbol?.symbol, side: reading.side, ...levels };
  return assemble({
    kind: "note",
    reading,
    side: reading.side,
    levels,
    statedPnlPct: reading.pnlPct,
    confidence: noteConfidence(parts),
    errors: [why, ...levels.errors],
  });
}

export function whyNotASignal(reading: Reading): string {
  const found = [
    reading.symbol ? "symbol" : undefined,
    reading.side ? "side" : undefined,
    reading.levels.entries.length > 0 || reading.levels.entryType === "market"
      ? "entry"
      : undefined,
    reading.levels.targets.length > 0 ? "targets" : undefined,
    reading.levels.stopLoss === undefined ? undefined : "stop",
  ].filter((s): s is string => s !== undefined);
  if (found.length === 0) return "not a signal: no symbol, side or price levels found";
  return `not a signal: found only ${found.join(", ")}; a signal needs two of entry, targets, stop (or symbol, side and one of them)`;
}
