import { blank } from "./text.js";
import { type Market } from "./types.js";

export type VenueMatch = { exchange?: string; market?: Market; text: string };

/** Exchanges by the names signals use, mapped to one spelling. */
const EXCHANGES: [RegExp, string][] = [
  [/\bbinance\b/i, "Binance"],
  [/\bbybit\b/i, "Bybit"],
  [/\bokx\b|\bokex\b/i, "OKX"],
  [/\bbitget\b/i, "Bitget"],
  [/\bkucoin\b/i, "KuCoin"],
  [/\bmexc\b/i, "MEXC"],
  [/\bgate(?:\.io)?\b/i, "Gate"],
  [/\bbingx\b/i, "BingX"],
  [/\bkraken\b/i, "Kraken"],
  [/\bcoinbase\b/i, "Coinbase"],
  [/\bbitmex\b/i, "BitMEX"],
  [/\bderibit\b/i, "Deribit"],
  [/\bphemex\b/i, "Phemex"],
  [/\bhtx\b|\bhuobi\b/i, "HTX"],
  [/\bhyperliquid\b/i, "Hyperliquid"],
  [/\bdydx\b/i, "dYdX"],
  [/\bblofin\b/i, "BloFin"],
];

const EXCHANGE_LABEL = /\b(?:exchange|exchanges|platform|broker)\s*[:=-]\s*([^\n]*)/i;
/** Contract-market names that follow an exchange name: "Bybit USDT", "Binance USDⓈ-M". */
const CONTRACT_MARKET =
  /\b(?:usdt|usdc|usd[sⓈ]?|coin)(?:\s*-\s*m)?\b(?:\s*(?:perpetual|perp|contracts?))?/i;
const MARKET_WORDS: [RegExp, Market][] = [
  [/\b(?:perps?|perpetuals?|swap)\b/i, "perp"],
  [/\bfutures?\b/i, "futures"],
  [/\bspot\b/i, "spot"],
];

function exchangeIn(text: string): string | undefined {
  let best: { at: number; name: string } | undefined;
  for (const [re, name] of EXCHANGES) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.at)) best = { at: m.index, name };
  }
  return best?.name;
}

function marketIn(text: string): Market | undefined {
  let best: { at: number; market: Market } | undefined;
  for (const [re, market] of MARKET_WORDS) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.at)) best = { at: m.index, market };
  }
  return best?.market;
}

/**
 * An "Exchange:" line, read whole and then blanked so "USDT" in "Bybit USDT" is not taken for a
 * coin; "<exchange> USDT/USDC/USDⓈ-M" names the perpetual contract market.
 */
export function readExchangeLabel(text: string): VenueMatch {
  const label = EXCHANGE_LABEL.exec(text);
  if (!label) return { text };
  const line = label[1]?.trim() ?? "";
  const out: VenueMatch = {
    text: blank(text, { start: label.index, end: label.index + label[0].length }),
  };
  const exchange = exchangeIn(line) ?? (line.split(/\s+/)[0] || undefined);
  const market = marketIn(line) ?? (CONTRACT_MARKET.test(line) ? "perp" : undefined);
  if (exchange) out.exchange = exchange;
  if (market) out.market = market;
  return out;
}

/**
 * The first known exchange name and the first spot/perp/futures word. Run it on text whose
 * symbol is blanked: "DYDX/USDT" names a coin, not the dYdX exchange.
 */
export function findVenueWords(text: string): Omit<VenueMatch, "text"> {
  const out: Omit<VenueMatch, "text"> = {};
  const exchange = exchangeIn(text);
  const market = marketIn(text);
  if (exchange) out.exchange = exchange;
  if (market) out.market = market;
  return out;
}
