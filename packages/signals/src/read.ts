import { findFollowUps, type FollowUpHit } from "./follow-up.js";
import { findLeverage } from "./leverage.js";
import { findLevels, type Levels } from "./levels.js";
import { findStatedPnl } from "./pnl.js";
import { findSide } from "./side.js";
import { findOtherSymbols, findSymbol, type SymbolMatch } from "./symbol.js";
import { blank, blankSpans } from "./text.js";
import { type Leverage, type Market, type Side } from "./types.js";
import { findVenueWords, readExchangeLabel } from "./venue.js";

/** Everything the passes found, before the kind is decided. */
export type Reading = {
  hits: FollowUpHit[];
  pnlPct?: number;
  leverage?: Leverage;
  exchange?: string;
  market?: Market;
  symbol?: SymbolMatch;
  /** Other coins named as pairs or with `#`/`$` ("BTC/USDT ETH/USDT LONG", a results recap). */
  otherSymbols: string[];
  side?: Side;
  sideErrors: string[];
  levels: Levels;
  /** The text left once every pass blanked what it used. */
  rest: string;
};

/**
 * Runs every pass over the normalized text, in an order where each pass blanks what it used:
 * follow-up phrases, stated PnL and percentages, leverage, the Exchange line, the symbol, then
 * side words and price levels on what is left.
 */
export function read(normalized: string): Reading {
  const followUps = findFollowUps(normalized);
  // "closed with a loss of 3.1%": the close phrase holds the word that signs the figure, so PnL
  // is read with closes and stop hits left in; other phrases stay blanked ("book 30% profit"
  // is a share of the position, not a result).
  const pnlSource = blankSpans(
    normalized,
    followUps.hits.filter((h) => h.kind !== "close" && h.kind !== "stop_hit").map((h) => h.span),
  );
  const pnl = findStatedPnl(followUps.text, pnlSource);
  const leverage = findLeverage(pnl.text);
  const label = readExchangeLabel(leverage.text);
  const symbol = findSymbol(label.text);
  const text = symbol ? blank(label.text, symbol.span) : label.text;
  const otherSymbols = symbol ? findOtherSymbols(text, symbol.symbol.base) : [];
  const words = findVenueWords(text);
  const side = findSide(text);
  const levels = findLevels(text, {
    satoshiShorthand: symbol?.symbol.quote === "BTC",
    sellIsTarget: side?.side === "long",
  });
  const reading: Reading = {
    hits: followUps.hits,
    otherSymbols,
    sideErrors: side?.errors ?? [],
    levels,
    rest: text,
  };
  if (pnl.pnlPct !== undefined) reading.pnlPct = pnl.pnlPct;
  if (leverage.leverage) reading.leverage = leverage.leverage;
  const exchange = label.exchange ?? words.exchange;
  if (exchange) reading.exchange = exchange;
  const market = label.market ?? words.market ?? symbol?.market;
  if (market) reading.market = market;
  if (symbol) reading.symbol = symbol;
  if (side) reading.side = side.side;
  return reading;
}

/** How many of entry (prices or market), targets and stop were found. */
export function levelCount(levels: Levels): number {
  const entry = levels.entries.length > 0 || levels.entryType === "market" ? 1 : 0;
  return entry + (levels.targets.length > 0 ? 1 : 0) + (levels.stopLoss === undefined ? 0 : 1);
}
