import { chartGeometry, toPath, type Bucket } from "@/lib/slo-chart";
import { formatMs } from "@/lib/format";

const WIDTH = 320;
const HEIGHT = 120;
const COLORS = { p50: "#34d399", p95: "#fbbf24", p99: "#fb7185" } as const;

/** p50/p95/p99 over time as lines in plain SVG, with a text summary for screen readers. */
export function SloChart({
  title,
  buckets,
  summary,
}: {
  title: string;
  buckets: Bucket[];
  summary: { count: number; p50?: number; p95?: number; p99?: number };
}) {
  const { max, series } = chartGeometry(buckets, WIDTH, HEIGHT);
  const description = `${summary.count} ${summary.count === 1 ? "sample" : "samples"}. p50 ${formatMs(summary.p50)}, p95 ${formatMs(summary.p95)}, p99 ${formatMs(summary.p99)}.`;
  return (
    <figure className="flex flex-col gap-2 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium text-white">{title}</span>
        <span className="text-xs text-zinc-400">{description}</span>
      </figcaption>
      <svg
        viewBox={`-4 -4 ${WIDTH + 8} ${HEIGHT + 8}`}
        role="img"
        aria-label={`${title}: ${description}`}
        className="h-32 w-full"
        preserveAspectRatio="none"
      >
        <line x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="#3f3f46" strokeWidth="1" />
        <line
          x1="0"
          y1="0"
          x2={WIDTH}
          y2="0"
          stroke="#27272a"
          strokeDasharray="4 4"
          strokeWidth="1"
        />
        {series.map((line) => (
          <g key={line.key}>
            {line.points.length > 1 ? (
              <path
                d={toPath(line.points)}
                fill="none"
                stroke={COLORS[line.key]}
                strokeWidth="2"
                vectorEffect="non-scaling-stroke"
              />
            ) : null}
            {line.points.map((point) => (
              // A zero-length round-capped stroke: stays a round dot in the stretched viewBox.
              <path
                key={point.x}
                d={`M${point.x},${point.y} l0.01,0`}
                stroke={COLORS[line.key]}
                strokeWidth="7"
                strokeLinecap="round"
                vectorEffect="non-scaling-stroke"
              />
            ))}
          </g>
        ))}
      </svg>
      <div className="flex justify-between text-xs text-zinc-400">
        <span>
          max {formatMs(max)} ·{" "}
          {(["p50", "p95", "p99"] as const).map((key) => (
            <span key={key} style={{ color: COLORS[key] }} className="mr-2">
              ● {key}
            </span>
          ))}
        </span>
        <span>{summary.count === 0 ? "no samples in this window" : null}</span>
      </div>
    </figure>
  );
}
