import Link from "next/link";
import type { ReactNode } from "react";
import { formatR, formatRate } from "./format-stats";
import type { RecordStats } from "./record-types";

/**
 * The headline numbers. `hrefFor` turns each into a link to the trades behind it (the performance
 * page); the public record passes none — it names no signal.
 */
export function RecordStatsGrid({
  stats,
  hrefFor,
}: {
  stats: RecordStats;
  hrefFor?: (show: string) => string;
}) {
  const tile = (label: string, value: string, show: string, testId: string): ReactNode => (
    <div className="flex flex-col gap-1 rounded-lg border border-zinc-800 bg-zinc-900/60 p-3">
      <dt className="text-xs uppercase tracking-wide text-zinc-400">{label}</dt>
      <dd data-testid={testId} className="text-xl font-semibold text-white">
        {hrefFor === undefined ? (
          value
        ) : (
          <Link href={hrefFor(show)} className="underline decoration-zinc-600 hover:text-sky-300">
            {value}
          </Link>
        )}
      </dd>
    </div>
  );
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {tile("Trades", String(stats.trades), "all", "stat-trades")}
      {tile("Win rate", formatRate(stats.winRate), "wins", "stat-win-rate")}
      {tile("Wins / losses", `${stats.wins} / ${stats.losses}`, "losses", "stat-wins-losses")}
      {tile("Total", formatR(stats.totalR), "all", "stat-total-r")}
      {tile("Average", formatR(stats.averageR), "all", "stat-average-r")}
      {tile("Expectancy", formatR(stats.expectancyR), "all", "stat-expectancy")}
      {tile("Max drawdown", formatR(-stats.maxDrawdownR), "losses", "stat-drawdown")}
      {tile("Breakeven", String(stats.breakeven), "breakeven", "stat-breakeven")}
    </dl>
  );
}
