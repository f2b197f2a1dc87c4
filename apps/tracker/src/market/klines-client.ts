// Minute candles from the exchange's public klines REST, paged forward from a start time. Used to
// catch up after downtime, a disconnect or a stale stream, so no outcome is lost to an outage.
import { z } from "zod";
import { SOURCES, type MarketSource } from "./source.js";

export type Candle = {
  t: number;
  open: number;
  high: number;
  low: number;
  close: number;
  end: number;
};

const ZRow = z
  .tuple([
    z.number(), // open time
    z.string(), // open
    z.string(), // high
    z.string(), // low
    z.string(), // close
    z.string(), // volume
    z.number(), // close time
  ])
  .rest(z.unknown());
const ZRows = z.array(ZRow);

const MAX_ATTEMPTS = 5;
const MAX_PAGES = 50; // 50 × 1,000 minutes ≈ 35 days: more than any track lives

export class KlinesClient {
  constructor(
    private readonly restUrl: string,
    private readonly source: MarketSource,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** 1-minute candles with open time in [from − 1 min, until], oldest first; the last one may be unfinished. */
  async minuteCandles(symbol: string, from: number, until: number): Promise<Candle[]> {
    const { klinesPath, maxKlines } = SOURCES[this.source];
    const candles: Candle[] = [];
    let start = Math.floor(from / 60_000) * 60_000;
    for (let page = 0; page < MAX_PAGES && start <= until; page++) {
      const url = `${this.restUrl}${klinesPath}?symbol=${encodeURIComponent(symbol)}&interval=1m&startTime=${start}&endTime=${until}&limit=${maxKlines}`;
      const rows = ZRows.parse(await this.getJson(url));
      for (const [t, open, high, low, close, , closeTime] of rows) {
        candles.push({
          t,
          open: Number(open),
          high: Number(high),
          low: Number(low),
          close: Number(close),
          end: Math.min(closeTime, until),
        });
      }
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < maxKlines) break;
      start = last[0] + 60_000;
    }
    return candles;
  }

  private async getJson(url: string): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const response = await this.fetchImpl(url);
      if (response.ok) return response.json();
      const retryable =
        response.status === 429 || response.status === 418 || response.status >= 500;
      if (!retryable || attempt >= MAX_ATTEMPTS) {
        throw new Error(`klines ${response.status}: ${(await response.text()).slice(0, 200)}`);
      }
      const retryAfter = Number(response.headers.get("retry-after") ?? "");
      const waitMs =
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 250 * 2 ** attempt;
      await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, 30_000)));
    }
  }
}
