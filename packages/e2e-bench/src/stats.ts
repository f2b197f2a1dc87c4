/** Percentile summaries (nearest-rank), as printed in the tables and written to JSON. */
export type Summary = {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
};

export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? null),
    mean: round(sorted.length === 0 ? null : sum / sorted.length),
  };
}

/** Ratio of two p95s, or null when either is missing or the base is zero. */
export function growth(from: Summary | undefined, to: Summary | undefined): number | null {
  if (from?.p95 == null || to?.p95 == null || from.p95 === 0) return null;
  return Math.round((to.p95 / from.p95) * 100) / 100;
}
