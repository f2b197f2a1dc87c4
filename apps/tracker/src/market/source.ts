// The public market data a tracker can follow. Binance's USDⓈ-M futures and spot speak the same
// stream protocol and kline row shape; only the REST path and the page size differ.
export type MarketSource = "binance-futures" | "binance-spot";

export type SourceProfile = {
  klinesPath: string;
  /** Most klines one request may ask for. */
  maxKlines: number;
};

export const SOURCES: Record<MarketSource, SourceProfile> = {
  "binance-futures": { klinesPath: "/fapi/v1/klines", maxKlines: 1500 },
  "binance-spot": { klinesPath: "/api/v3/klines", maxKlines: 1000 },
};

/** "BTC/USDT" → "BTCUSDT"; a pair without a quote trades against USDT. Undefined when unusable. */
export function marketSymbol(base: string, quote: string | undefined): string | undefined {
  const clean = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, "");
  const b = clean(base);
  const q = clean(quote ?? "USDT");
  if (b.length === 0 || b.length > 20 || q.length === 0) return undefined;
  return `${b}${q}`;
}
