// The market's current prices of the demo instruments, read from a Binance-compatible REST ticker
// (locally the market emulator). The demo's signals are drawn around them, so the tracker sees
// their entries fill and their targets and stops reached while a demo runs — the emulator's prices
// walk fast, and a signal drawn around a fixed reference price drifts out of reach within minutes.
import { z } from "zod";
import { INSTRUMENTS, type Instrument } from "./markets.js";

const ZTicker = z.object({ symbol: z.string(), price: z.coerce.number().positive() });

/** Price by instrument symbol (BTCUSDT); instruments the market did not quote are absent. */
export type Quotes = ReadonlyMap<string, number>;

export function symbolOf(instrument: Instrument): string {
  return `${instrument.base}${instrument.quote}`;
}

/** Reads every instrument's ticker; one that fails is left out (its reference price is used). */
export async function readQuotes(marketUrl: string): Promise<Quotes> {
  const quotes = new Map<string, number>();
  await Promise.all(
    INSTRUMENTS.map(async (instrument) => {
      const symbol = symbolOf(instrument);
      const url = `${marketUrl}/fapi/v1/ticker/price?symbol=${symbol}`;
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
      if (response === null || !response.ok) return;
      const ticker = ZTicker.safeParse(await response.json().catch(() => null));
      if (ticker.success && ticker.data.symbol === symbol) quotes.set(symbol, ticker.data.price);
    }),
  );
  return quotes;
}
