// Stream names and payloads, in the public wire format of Binance's market streams (USDⓈ-M
// futures and spot share these shapes): <symbol>@aggTrade, @trade, @markPrice[@1s], @kline_<i>.
import { INTERVAL_MS, type Candle } from "./candles.js";
import type { Trade } from "./market.js";
import { profileFor } from "./symbols.js";

export type StreamKind = "aggTrade" | "trade" | "markPrice" | "kline";
export type Stream = {
  name: string;
  symbol: string; // upper case, as in payloads
  kind: StreamKind;
  /** markPrice: how often (1 s or 3 s); kline: the interval. */
  intervalMs: number;
  interval?: string;
};

const STREAM = /^([a-z0-9]+)@(aggTrade|trade|markPrice(?:@1s)?|kline_([0-9]+[mh]))$/;

/** Parses a stream name; undefined when it is not one we serve. Names are lower case. */
export function parseStream(name: string): Stream | undefined {
  const match = STREAM.exec(name);
  if (match === null) return undefined;
  const [, lowerSymbol = "", kind = "", interval] = match;
  const symbol = lowerSymbol.toUpperCase();
  if (kind.startsWith("markPrice")) {
    return { name, symbol, kind: "markPrice", intervalMs: kind.endsWith("@1s") ? 1_000 : 3_000 };
  }
  if (kind.startsWith("kline")) {
    const intervalMs = interval === undefined ? undefined : INTERVAL_MS[interval];
    if (intervalMs === undefined || interval === undefined) return undefined;
    return { name, symbol, kind: "kline", intervalMs, interval };
  }
  return { name, symbol, kind: kind === "trade" ? "trade" : "aggTrade", intervalMs: 0 };
}

/** Prices print with the symbol's tick decimals, as strings (the exchange's JSON does the same). */
export function formatPrice(symbol: string, price: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(profileFor(symbol).tickSize)));
  return price.toFixed(decimals);
}

export function aggTradePayload(trade: Trade, eventTime: number): Record<string, unknown> {
  return {
    e: "aggTrade",
    E: eventTime,
    s: trade.symbol,
    a: trade.id,
    p: formatPrice(trade.symbol, trade.price),
    q: trade.quantity.toFixed(3),
    f: trade.id,
    l: trade.id,
    T: trade.time,
    m: trade.buyerIsMaker,
  };
}

export function tradePayload(trade: Trade, eventTime: number): Record<string, unknown> {
  return {
    e: "trade",
    E: eventTime,
    s: trade.symbol,
    t: trade.id,
    p: formatPrice(trade.symbol, trade.price),
    q: trade.quantity.toFixed(3),
    T: trade.time,
    m: trade.buyerIsMaker,
    M: true,
  };
}

export function markPricePayload(symbol: string, price: number, now: number) {
  const formatted = formatPrice(symbol, price);
  const nextFunding = Math.ceil(now / 28_800_000) * 28_800_000;
  return {
    e: "markPriceUpdate",
    E: now,
    s: symbol,
    p: formatted,
    i: formatted,
    P: formatted,
    r: "0.00010000",
    T: nextFunding,
  };
}

export function klinePayload(
  symbol: string,
  interval: string,
  intervalMs: number,
  candle: Candle,
  lastTradeId: number,
  now: number,
) {
  const fmt = (p: number) => formatPrice(symbol, p);
  return {
    e: "kline",
    E: now,
    s: symbol,
    k: {
      t: candle.openTime,
      T: candle.openTime + intervalMs - 1,
      s: symbol,
      i: interval,
      f: lastTradeId - candle.trades + 1,
      L: lastTradeId,
      o: fmt(candle.open),
      c: fmt(candle.close),
      h: fmt(candle.high),
      l: fmt(candle.low),
      v: candle.volume.toFixed(3),
      n: candle.trades,
      x: now >= candle.openTime + intervalMs - 1,
      q: candle.quoteVolume.toFixed(4),
      V: (candle.volume / 2).toFixed(3),
      Q: (candle.quoteVolume / 2).toFixed(4),
      B: "0",
    },
  };
}

/** One row of GET /fapi/v1/klines or /api/v3/klines. */
export function klineRow(symbol: string, intervalMs: number, candle: Candle): unknown[] {
  const fmt = (p: number) => formatPrice(symbol, p);
  return [
    candle.openTime,
    fmt(candle.open),
    fmt(candle.high),
    fmt(candle.low),
    fmt(candle.close),
    candle.volume.toFixed(3),
    candle.openTime + intervalMs - 1,
    candle.quoteVolume.toFixed(4),
    candle.trades,
    (candle.volume / 2).toFixed(3),
    (candle.quoteVolume / 2).toFixed(4),
    "0",
  ];
}
