// Starting prices and yearly volatility of the symbols the emulator knows by name. Anything else
// that looks like a symbol gets a price and volatility derived from its name, so every symbol a
// signal can mention has a market.
import { hashSeed } from "@g3/seeded-random";

export type SymbolProfile = { startPrice: number; annualVolatility: number; tickSize: number };

// The demo feed's reference prices (apps/demo-feed/src/markets.ts), so local demo signals sit
// near the market they are tracked against.
const KNOWN: Record<string, [price: number, volatility: number]> = {
  BTCUSDT: [42_000, 0.5],
  ETHUSDT: [2_300, 0.65],
  SOLUSDT: [96, 0.9],
  BNBUSDT: [580, 0.6],
  XRPUSDT: [0.62, 0.85],
  ADAUSDT: [0.45, 0.9],
  AVAXUSDT: [36.5, 0.95],
  LINKUSDT: [15.2, 0.9],
  DOGEUSDT: [0.15, 1.0],
  DOTUSDT: [7, 0.9],
};

const QUOTES = ["USDT", "USDC", "FDUSD", "BUSD", "BTC", "ETH"];
const SYMBOL = /^[A-Z0-9]{1,20}$/;

/** Exchange symbols are upper-case letters and digits ending in a quote asset (BTCUSDT). */
export function isValidSymbol(symbol: string): boolean {
  return SYMBOL.test(symbol) && QUOTES.some((q) => symbol.length > q.length && symbol.endsWith(q));
}

/** Prices are quoted with about five significant digits, like an exchange's tick size. */
export function tickSizeFor(price: number): number {
  return 10 ** (Math.floor(Math.log10(price)) - 4);
}

export function profileFor(symbol: string): SymbolProfile {
  const known = KNOWN[symbol];
  if (known !== undefined) {
    return { startPrice: known[0], annualVolatility: known[1], tickSize: tickSizeFor(known[0]) };
  }
  const h = hashSeed(symbol);
  // 0.01 … 1,000 on a log scale, volatility 70 % … 130 % a year.
  const startPrice = Number((10 ** ((h % 5000) / 1000 - 2)).toPrecision(5));
  return {
    startPrice,
    annualVolatility: 0.7 + ((h >>> 13) % 60) / 100,
    tickSize: tickSizeFor(startPrice),
  };
}

export function roundToTick(price: number, tickSize: number): number {
  const rounded = Math.round(price / tickSize) * tickSize;
  // Strip binary noise (0.1 + 0.2) so prices print like an exchange's.
  return Number(rounded.toPrecision(12));
}
