// One symbol's price over time: a seeded random walk (geometric, with the symbol's volatility),
// interrupted by scripted steps from the control API ("go to 66,000 in 30 s", gaps, halts).
import { gaussian, hashSeed, mulberry32 } from "@g3/seeded-random";
import { roundToTick, type SymbolProfile } from "./symbols.js";

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export type ScriptStep =
  /** Straight line from the current price to `to` over `durationMs` (one trade per tick). */
  | { type: "move"; to: number; durationMs: number }
  /** The next trade prints at `to`: nothing in between, as after a news candle. */
  | { type: "gap"; to: number }
  /** No trades for `durationMs` (a trading halt): streams go quiet, klines have no candle. */
  | { type: "halt"; durationMs: number }
  /** Trades keep printing at the current price for `durationMs`. */
  | { type: "hold"; durationMs: number };

type ActiveStep = { step: ScriptStep; startedAt: number; from: number };

export class PricePath {
  price: number;
  private readonly random: () => number;
  private readonly script: ScriptStep[] = [];
  private active: ActiveStep | undefined;

  constructor(
    seed: string,
    readonly symbol: string,
    readonly profile: SymbolProfile,
    /** Multiplies the volatility: demos use > 1 so signals reach their levels in minutes. */
    private readonly volatilityMultiplier: number,
  ) {
    this.price = profile.startPrice;
    this.random = mulberry32(hashSeed(`${seed}:${symbol}`));
  }

  get scripted(): boolean {
    return this.active !== undefined || this.script.length > 0;
  }

  get pendingSteps(): number {
    return this.script.length + (this.active === undefined ? 0 : 1);
  }

  /** Queues steps after the current script, or replaces it. */
  enqueue(steps: ScriptStep[], replace: boolean): void {
    if (replace) {
      this.script.length = 0;
      this.active = undefined;
    }
    this.script.push(...steps);
  }

  clearScript(): void {
    this.script.length = 0;
    this.active = undefined;
  }

  /** The price of a trade at `now`, or null when the market is halted. `stepMs` is the tick. */
  next(now: number, stepMs: number): number | null {
    for (;;) {
      if (this.active === undefined) {
        const step = this.script.shift();
        if (step === undefined) return this.walk(stepMs);
        this.active = { step, startedAt: now, from: this.price };
      }
      const result = this.follow(this.active, now);
      if (result === "done") {
        this.active = undefined;
        continue;
      }
      return result;
    }
  }

  private follow(active: ActiveStep, now: number): number | null | "done" {
    const { step, startedAt, from } = active;
    const elapsed = now - startedAt;
    switch (step.type) {
      case "gap":
        this.active = undefined;
        this.price = roundToTick(step.to, this.profile.tickSize);
        return this.price;
      case "halt":
        return elapsed >= step.durationMs ? "done" : null;
      case "hold":
        return elapsed >= step.durationMs ? "done" : this.price;
      case "move": {
        const share = step.durationMs <= 0 ? 1 : Math.min(1, elapsed / step.durationMs);
        this.price = roundToTick(from + (step.to - from) * share, this.profile.tickSize);
        if (share >= 1) this.active = undefined;
        return this.price;
      }
    }
  }

  private walk(stepMs: number): number {
    const sigma =
      this.profile.annualVolatility * this.volatilityMultiplier * Math.sqrt(stepMs / YEAR_MS);
    const next = this.price * Math.exp(sigma * gaussian(this.random) - (sigma * sigma) / 2);
    this.price = Math.max(this.profile.tickSize, roundToTick(next, this.profile.tickSize));
    return this.price;
  }
}

/**
 * Minute candles before the emulator started, walked backwards from the start price with the same
 * volatility, so a client that backfills history (klines) finds some. Deterministic per seed.
 */
export function prehistory(
  seed: string,
  symbol: string,
  profile: SymbolProfile,
  volatilityMultiplier: number,
  endOpenTime: number,
  minutes: number,
): { openTime: number; open: number; high: number; low: number; close: number }[] {
  const random = mulberry32(hashSeed(`${seed}:${symbol}:history`));
  const sigma = profile.annualVolatility * volatilityMultiplier * Math.sqrt(60_000 / YEAR_MS);
  const candles = [];
  let close = profile.startPrice;
  for (let i = 1; i <= minutes; i++) {
    const open = close * Math.exp(sigma * gaussian(random));
    const wickUp = Math.abs(gaussian(random)) * sigma * 0.5;
    const wickDown = Math.abs(gaussian(random)) * sigma * 0.5;
    const round = (p: number) => Math.max(profile.tickSize, roundToTick(p, profile.tickSize));
    candles.push({
      openTime: endOpenTime - i * 60_000,
      open: round(open),
      high: round(Math.max(open, close) * (1 + wickUp)),
      low: round(Math.min(open, close) * (1 - wickDown)),
      close: round(close),
    });
    close = open;
  }
  return candles.reverse();
}
