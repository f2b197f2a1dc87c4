import { assemble } from "./assemble.js";
import { signalConfidence } from "./confidence.js";
import { type FollowUpKind } from "./follow-up.js";
import { type Reading } from "./read.js";
import { checkLeverage, checkSignal } from "./sanity.js";
import { inferSide } from "./side.js";
import { type ParsedSignal } from "./types.js";

const PLAN_KINDS: ReadonlySet<FollowUpKind> = new Set(["partial_close", "move_stop"]);

/** A new trade idea: side inference, sanity checks and the signal confidence. */
export function asSignal(reading: Reading): ParsedSignal {
  const levels = { ...reading.levels };
  const errors = [...levels.errors, ...reading.sideErrors];
  // "Set SL at 41000" inside a new signal was read as a stop move: it is the signal's stop.
  const stopMove = reading.hits.find((h) => h.kind === "move_stop" && h.newStop !== undefined);
  if (levels.stopLoss === undefined && stopMove?.newStop !== undefined) {
    levels.stopLoss = stopMove.newStop;
  }
  // "Take 50% at TP1", "move SL to entry after TP1" are trade-plan instructions in a new signal;
  // an event (hit, close, cancel) in a message shaped like a signal is worth a look.
  const events = reading.hits.map((h) => h.kind).filter((kind) => !PLAN_KINDS.has(kind));
  if (events.length > 0) {
    errors.push(
      `also reads as a follow-up (${[...new Set(events)].join(", ")}); parsed as a new signal`,
    );
  }

  const inferred = reading.side ? undefined : inferSide(levels);
  const side = reading.side ?? inferred;
  // "BTC/USDT: support 60k, resistance 64k. Target 66k …" has the shape of a signal, but with no
  // entry label and no side word its bare prices may as well be commentary.
  if (levels.unlabelledEntries && inferred !== undefined) {
    errors.push(
      "no entry label and no side word: the prices before the first label may be commentary",
    );
  }
  const symbol = reading.symbol?.symbol;
  if (!symbol) errors.push("no symbol found");
  else if (!symbol.quote)
    errors.push(`quote asset not stated for ${symbol.base}: the pair is ambiguous`);
  if (reading.otherSymbols.length > 0) {
    errors.push(
      `several coins named (${[symbol?.base, ...reading.otherSymbols].join(", ")}): which one is traded is unclear`,
    );
  }
  if (!side) errors.push("side unknown: no LONG/SHORT word and the prices do not tell");
  errors.push(...checkSignal({ ...levels, side }), ...checkLeverage(reading.leverage));

  const parts = { symbol, side, sideInferred: inferred !== undefined, ...levels };
  return assemble({
    kind: "signal",
    reading,
    side,
    sideInferred: inferred !== undefined,
    levels,
    confidence: signalConfidence(parts, errors.length),
    errors,
  });
}
