/** n, nearest-rank p50 and p95, and the max of a sample (ms). */
export type Spread = { n: number; p50: number; p95: number; max: number };

/** Nearest-rank percentiles (p50, p95) and the max of a sample; null when it is empty. */
export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { n: sorted.length, p50: rank(50), p95: rank(95), max: sorted[sorted.length - 1] ?? 0 };
}
