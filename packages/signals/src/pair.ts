import { type ParsedSignal } from "./types.js";

/** The feed's indexed pair: "BTC/USDT", "BTC" when the quote is unknown, undefined without a symbol. */
export function signalPair(parsed: Pick<ParsedSignal, "symbol">): string | undefined {
  const symbol = parsed.symbol;
  if (!symbol) return undefined;
  return symbol.quote ? `${symbol.base}/${symbol.quote}` : symbol.base;
}
