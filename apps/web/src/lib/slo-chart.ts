export type Bucket = { start: number; end: number; p50?: number; p95?: number; p99?: number };
export type Series = { key: "p50" | "p95" | "p99"; points: { x: number; y: number }[] };

/**
 * Lays out percentile lines for an SVG of `width × height` (y grows downward). Empty buckets break
 * nothing: they are skipped. The y scale starts at 0 and tops out at the largest value (≥ 1 ms).
 */
export function chartGeometry(buckets: readonly Bucket[], width: number, height: number) {
  const keys = ["p50", "p95", "p99"] as const;
  const values = buckets.flatMap((b) => keys.map((k) => b[k]).filter((v) => v !== undefined));
  const max = Math.max(1, ...values);
  const step = buckets.length > 1 ? width / (buckets.length - 1) : 0;
  const series: Series[] = keys.map((key) => ({
    key,
    points: buckets.flatMap((bucket, index) => {
      const value = bucket[key];
      return value === undefined
        ? []
        : [
            {
              x: Math.round(index * step * 10) / 10,
              y: Math.round((height - (value / max) * height) * 10) / 10,
            },
          ];
    }),
  }));
  return { max, series };
}

export function toPath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x},${p.y}`).join(" ");
}
