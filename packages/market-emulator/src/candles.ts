// Minute candles built from the emulator's trades (and its prehistory), and the klines REST view
// of them at any of the intervals the adapter may ask for.

export type Candle = {
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  quoteVolume: number;
  trades: number;
};

export const MINUTE_MS = 60_000;

export const INTERVAL_MS: Record<string, number> = {
  "1m": MINUTE_MS,
  "3m": 3 * MINUTE_MS,
  "5m": 5 * MINUTE_MS,
  "15m": 15 * MINUTE_MS,
  "30m": 30 * MINUTE_MS,
  "1h": 60 * MINUTE_MS,
};

export function minuteOf(time: number): number {
  return Math.floor(time / MINUTE_MS) * MINUTE_MS;
}

/** A symbol's minute candles, oldest first, pruned to a retention window. */
export class CandleSeries {
  private readonly byMinute = new Map<number, Candle>();
  private readonly order: number[] = [];

  constructor(private readonly retentionMinutes: number) {}

  seed(candles: Omit<Candle, "volume" | "quoteVolume" | "trades">[]): void {
    for (const c of candles) this.put({ ...c, volume: 0, quoteVolume: 0, trades: 0 });
  }

  addTrade(time: number, price: number, quantity: number): Candle {
    const openTime = minuteOf(time);
    let candle = this.byMinute.get(openTime);
    if (candle === undefined) {
      candle = {
        openTime,
        open: price,
        high: price,
        low: price,
        close: price,
        volume: 0,
        quoteVolume: 0,
        trades: 0,
      };
      this.put(candle);
    }
    candle.high = Math.max(candle.high, price);
    candle.low = Math.min(candle.low, price);
    candle.close = price;
    candle.volume += quantity;
    candle.quoteVolume += quantity * price;
    candle.trades += 1;
    return candle;
  }

  /** Candles at `intervalMs` whose open time is in [start, end], at most `limit`, oldest first. */
  range(intervalMs: number, start: number, end: number, limit: number): Candle[] {
    const result: Candle[] = [];
    let current: Candle | undefined;
    for (const minute of this.order) {
      if (minute < Math.floor(start / intervalMs) * intervalMs) continue;
      const bucket = Math.floor(minute / intervalMs) * intervalMs;
      if (bucket > end) break;
      const c = this.byMinute.get(minute);
      if (c === undefined) continue;
      if (current === undefined || current.openTime !== bucket) {
        if (current !== undefined) {
          result.push(current);
          if (result.length >= limit) return result;
        }
        current = { ...c, openTime: bucket };
      } else {
        current.high = Math.max(current.high, c.high);
        current.low = Math.min(current.low, c.low);
        current.close = c.close;
        current.volume += c.volume;
        current.quoteVolume += c.quoteVolume;
        current.trades += c.trades;
      }
    }
    if (current !== undefined && current.openTime >= start && result.length < limit) {
      result.push(current);
    }
    return result.filter((c) => c.openTime >= start);
  }

  /** The newest candles when no start is given (klines without startTime). */
  latest(intervalMs: number, end: number, limit: number): Candle[] {
    const span = intervalMs * limit;
    const bucketEnd = Math.floor(end / intervalMs) * intervalMs;
    const all = this.range(intervalMs, bucketEnd - span + intervalMs, end, Number.MAX_SAFE_INTEGER);
    return all.slice(-limit);
  }

  private put(candle: Candle): void {
    const last = this.order[this.order.length - 1];
    this.byMinute.set(candle.openTime, candle);
    if (last === undefined || candle.openTime > last) this.order.push(candle.openTime);
    else if (!this.order.includes(candle.openTime)) {
      this.order.push(candle.openTime);
      this.order.sort((a, b) => a - b);
    }
    while (this.order.length > this.retentionMinutes) {
      const oldest = this.order.shift();
      if (oldest !== undefined) this.byMinute.delete(oldest);
    }
  }
}
