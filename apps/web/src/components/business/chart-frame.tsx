import type { ReactNode } from "react";

/**
 * A chart with its caption. Charts are drawn in the browser only (their data comes from a live
 * subscription), so no inline style reaches the server-rendered HTML, which the CSP would refuse.
 */
export function ChartFrame({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  /** None while the chart's code loads: the frame holds the chart's place. */
  children?: ReactNode;
}) {
  return (
    <figure
      data-testid={testId}
      className="flex flex-col gap-2 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4"
    >
      <figcaption className="text-sm font-semibold text-white">{title}</figcaption>
      <div role="img" aria-label={title} className="h-56 w-full">
        {children}
      </div>
    </figure>
  );
}

export const CHART_COLORS = ["#34d399", "#38bdf8", "#f59e0b", "#a78bfa", "#f472b6", "#94a3b8"];

export const AXIS_PROPS = {
  stroke: "#71717a",
  fontSize: 12,
  tickLine: false,
} as const;

export const TOOLTIP_PROPS = {
  contentStyle: { background: "#18181b", border: "1px solid #3f3f46", color: "#f4f4f5" },
  labelStyle: { color: "#f4f4f5" },
} as const;

/** A data line: 2 px, no dots, not animated (a live update would replay the animation). */
export const LINE_PROPS = {
  strokeWidth: 2,
  dot: false,
  isAnimationActive: false,
} as const;
