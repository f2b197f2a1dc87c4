/** Nearest-rank percentile of an ascending array; undefined when empty. `p` in 0..100. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

export type Summary = { count: number; p50?: number; p95?: number; p99?: number };

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const summary: Summary = { count: sorted.length };
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const p99 = percentile(sorted, 99);
  if (p50 !== undefined) summary.p50 = p50;
  if (p95 !== undefined) summary.p95 = p95;
  if (p99 !== undefined) summary.p99 = p99;
  return summary;
}

/** Splits samples into `buckets` equal time slices over [since, until) and summarizes each. */
export function bucketize(
  samples: readonly { at: number; ms: number }[],
  since: number,
  until: number,
  buckets: number,
): (Summary & { start: number; end: number })[] {
  const width = Math.max(1, (until - since) / buckets);
  const slices: number[][] = Array.from({ length: buckets }, () => []);
  for (const sample of samples) {
    const index = Math.min(buckets - 1, Math.max(0, Math.floor((sample.at - since) / width)));
    slices[index]?.push(sample.ms);
  }
  return slices.map((values, index) => ({
    start: Math.round(since + index * width),
    end: Math.round(since + (index + 1) * width),
    ...summarize(values),
  }));
}
