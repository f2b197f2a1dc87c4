/** Minor units (cents) of a currency as people read them: "$49.00", "€12.30", "1,234.00 USDT". */
export function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
  } catch {
    // Not an ISO 4217 code Intl knows (e.g. "unknown" for payloads without a total).
    return `${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
  }
}

/** A date as the account page and the overview print it: "2026-01-31" (UTC, unambiguous). */
export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
