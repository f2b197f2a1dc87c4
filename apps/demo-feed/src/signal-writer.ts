import { formatPrice, INSTRUMENTS, type Instrument } from "./markets.js";
import { symbolOf, type Quotes } from "./market-quotes.js";
import type { SeededRandom as Rng } from "@g3/seeded-random";

/** A trade idea the feed has posted, with the levels its follow-ups refer to. */
export type TradeIdea = {
  instrument: Instrument;
  side: "long" | "short";
  entries: number[];
  targets: number[];
  stop: number;
  leverage: number;
};

export const LAYOUTS = ["labelled", "one-liner", "emoji", "block", "breakout"] as const;
export type Layout = (typeof LAYOUTS)[number];

/**
 * Draws a coherent idea: long ⇒ stop < entries < ascending targets (short mirrored), around the
 * market's current price when `quotes` has it, else the instrument's reference price.
 */
export function drawIdea(rng: Rng, quotes?: Quotes): TradeIdea {
  const instrument = rng.pick(INSTRUMENTS);
  const side = rng.chance(0.6) ? "long" : "short";
  const sign = side === "long" ? 1 : -1;
  const price = quotes?.get(symbolOf(instrument)) ?? instrument.price;
  const mid = price * (1 + (rng.next() - 0.5) * 0.04);
  const step = price * 0.004;
  const round = (value: number) => Number(value.toFixed(instrument.decimals));
  const entries = [round(mid), round(mid - sign * step)].sort((a, b) => sign * (b - a));
  const first = entries[0] ?? round(mid);
  const targets = [1, 2, 3].map((n) => round(first + sign * step * 2.5 * n));
  const stop = round(first - sign * step * 4);
  return { instrument, side, entries, targets, stop, leverage: rng.pick([5, 10, 15, 20]) };
}

/** Writes the idea as an analyst would, in one of several common layouts. */
export function writeIdea(idea: TradeIdea, layout: Layout): string {
  const { instrument: i, side } = idea;
  const p = (value: number) => formatPrice(value, i.decimals);
  const pair = `${i.base}/${i.quote}`;
  const upper = side.toUpperCase();
  const [e1 = 0, e2 = 0] = idea.entries;
  const targets = idea.targets.map(p);
  switch (layout) {
    case "labelled":
      return [
        `${pair} ${upper}`,
        `Entry: ${p(Math.min(e1, e2))}-${p(Math.max(e1, e2))}`,
        `Targets: ${targets.join(", ")}`,
        `SL: ${p(idea.stop)}`,
        `Leverage: ${idea.leverage}x`,
      ].join("\n");
    case "one-liner":
      return `${side === "long" ? "BUY" : "SELL"} ${pair} @ ${p(e1)} TP: ${targets.join(" / ")} SL: ${p(idea.stop)}`;
    case "emoji":
      return [
        `${side === "long" ? "🟢" : "🔴"} #${i.base}${i.quote} ${upper} (Cross ${idea.leverage}x)`,
        `Entry zone: ${p(Math.min(e1, e2))} - ${p(Math.max(e1, e2))}`,
        targets.map((t, n) => `TP${n + 1} ${t}`).join(" | "),
        `Stop: ${p(idea.stop)}`,
      ].join("\n");
    case "block":
      return [
        `COIN: $${pair}`,
        `Direction: ${side === "long" ? "Long" : "Short"}`,
        "Exchange: Bybit USDT",
        `Leverage: Isolated ${idea.leverage}x`,
        `ENTRY: ${p(e1)} - ${p(e2)}`,
        `TARGETS: ${targets.join(" - ")}`,
        `STOP LOSS: ${p(idea.stop)}`,
      ].join("\n");
    case "breakout":
      return [
        `${pair} ${side} ${side === "long" ? "above" : "below"} ${p(e1)} (breakout)`,
        `TP ${targets.join("/")}`,
        `SL ${p(idea.stop)} lev ${idea.leverage}x`,
      ].join("\n");
  }
}

/** A follow-up an analyst posts as a reply: a target hit, a moved stop, or a close. */
export function writeFollowUp(idea: TradeIdea, rng: Rng): string {
  const p = (value: number) => formatPrice(value, idea.instrument.decimals);
  const first = idea.entries[0] ?? 0;
  const hit = rng.int(1, idea.targets.length);
  const target = idea.targets[hit - 1] ?? first;
  const pct = Math.abs(((target - first) / first) * 100 * idea.leverage).toFixed(1);
  return rng.pick([
    `${idea.instrument.base} TP${hit} hit ✅ +${pct}% (${idea.leverage}x)`,
    `${idea.instrument.base} TP1 hit ✅ Move SL to entry ${p(first)}.`,
    `#${idea.instrument.base}${idea.instrument.quote} closed manually at ${p(target)}, +${pct}% — take profits.`,
    `${idea.instrument.base} stopped out at ${p(idea.stop)} ⛔️`,
  ]);
}

/** A visible correction: the analyst tightens the stop. */
export function correctIdea(idea: TradeIdea): TradeIdea {
  const first = idea.entries[0] ?? idea.stop;
  const stop = Number(((idea.stop + first) / 2).toFixed(idea.instrument.decimals));
  return { ...idea, stop };
}
