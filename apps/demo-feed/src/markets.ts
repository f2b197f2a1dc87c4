/** Synthetic reference prices (not market data) and the decimals each instrument is quoted with. */
export type Instrument = { base: string; quote: string; price: number; decimals: number };

export const INSTRUMENTS: readonly Instrument[] = [
  { base: "BTC", quote: "USDT", price: 42_000, decimals: 0 },
  { base: "ETH", quote: "USDT", price: 2_300, decimals: 1 },
  { base: "SOL", quote: "USDT", price: 96, decimals: 2 },
  { base: "AVAX", quote: "USDT", price: 36.5, decimals: 2 },
  { base: "LINK", quote: "USDT", price: 15.2, decimals: 3 },
  { base: "XRP", quote: "USDT", price: 0.62, decimals: 4 },
];

export function formatPrice(value: number, decimals: number): string {
  return value.toFixed(decimals);
}
