// The simulated market: every symbol anyone asked about keeps trading on a timer whether or not
// a client listens (an outage on the client's side must not stop the market), and its trades
// build the candles the klines endpoint serves.
import { CandleSeries, minuteOf, type Candle } from "./candles.js";
import { PricePath, prehistory, type ScriptStep } from "./price-path.js";
import { hashSeed, mulberry32 } from "@g3/seeded-random";
import { isValidSymbol, profileFor } from "./symbols.js";

export type Trade = {
  symbol: string;
  id: number;
  price: number;
  quantity: number;
  time: number;
  buyerIsMaker: boolean;
};

export type MarketOptions = {
  seed: string;
  /** One trade per symbol per tick. */
  tickMs: number;
  volatilityMultiplier: number;
  /** Minute candles generated before a symbol's first trade. */
  prehistoryMinutes: number;
  retentionMinutes: number;
  now?: () => number;
};

type SymbolState = {
  path: PricePath;
  candles: CandleSeries;
  nextTradeId: number;
  lastTrade: Trade | undefined;
  quantity: () => number;
};

export class Market {
  private readonly symbols = new Map<string, SymbolState>();
  private readonly listeners = new Set<(trade: Trade, candle: Candle) => void>();
  private timer: NodeJS.Timeout | undefined;
  readonly now: () => number;

  constructor(private options: MarketOptions) {
    this.now = options.now ?? Date.now;
  }

  get tickMs(): number {
    return this.options.tickMs;
  }

  start(): void {
    this.timer ??= setInterval(() => this.tick(this.now()), this.options.tickMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  onTrade(listener: (trade: Trade, candle: Candle) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts trading `symbol` (idempotent). Throws for names that are not symbols. */
  activate(symbol: string): SymbolState {
    const existing = this.symbols.get(symbol);
    if (existing !== undefined) return existing;
    if (!isValidSymbol(symbol)) throw new Error(`Invalid symbol ${symbol}`);
    const { seed, volatilityMultiplier, prehistoryMinutes, retentionMinutes } = this.options;
    const profile = profileFor(symbol);
    const candles = new CandleSeries(retentionMinutes);
    candles.seed(
      prehistory(
        seed,
        symbol,
        profile,
        volatilityMultiplier,
        minuteOf(this.now()),
        prehistoryMinutes,
      ),
    );
    const sizes = mulberry32(hashSeed(`${seed}:${symbol}:size`));
    const state: SymbolState = {
      path: new PricePath(seed, symbol, profile, volatilityMultiplier),
      candles,
      nextTradeId: 1,
      lastTrade: undefined,
      quantity: () => Number((sizes() * 2 + 0.001).toFixed(3)),
    };
    this.symbols.set(symbol, state);
    return state;
  }

  has(symbol: string): boolean {
    return this.symbols.has(symbol);
  }

  list(): { symbol: string; price: number; scriptedSteps: number; lastTradeAt: number | null }[] {
    return [...this.symbols.entries()].map(([symbol, s]) => ({
      symbol,
      price: s.path.price,
      scriptedSteps: s.path.pendingSteps,
      lastTradeAt: s.lastTrade?.time ?? null,
    }));
  }

  price(symbol: string): number {
    return this.activate(symbol).path.price;
  }

  lastTrade(symbol: string): Trade | undefined {
    return this.symbols.get(symbol)?.lastTrade;
  }

  script(symbol: string, steps: ScriptStep[], replace: boolean): void {
    this.activate(symbol).path.enqueue(steps, replace);
  }

  clearScripts(): void {
    for (const s of this.symbols.values()) s.path.clearScript();
  }

  klines(
    symbol: string,
    intervalMs: number,
    start: number | undefined,
    end: number,
    limit: number,
  ) {
    const { candles } = this.activate(symbol);
    return start === undefined
      ? candles.latest(intervalMs, end, limit)
      : candles.range(intervalMs, start, end, limit);
  }

  /** One trade per active symbol (none while halted). Public for tests that drive time. */
  tick(now: number): void {
    for (const [symbol, s] of this.symbols) {
      const price = s.path.next(now, this.options.tickMs);
      if (price === null) continue;
      const trade: Trade = {
        symbol,
        id: s.nextTradeId++,
        price,
        quantity: s.quantity(),
        time: now,
        buyerIsMaker: s.nextTradeId % 2 === 0,
      };
      s.lastTrade = trade;
      const candle = s.candles.addTrade(now, price, trade.quantity);
      for (const listener of this.listeners) listener(trade, candle);
    }
  }
}
