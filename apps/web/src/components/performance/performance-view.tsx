"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { LockedPanel } from "@/components/feed/locked-panel";
import { formatTime } from "@/lib/format";
import { describeSelection, parseSelection, PERIODS, selectionParam } from "@/lib/record-selection";
import { CumulativeRChart } from "./cumulative-r-chart";
import { formatR } from "./format-stats";
import { MonthlyTable } from "./monthly-table";
import { RecordStatsGrid } from "./record-stats";

const HOUR = 3_600_000;
const selectClass = "rounded-md border border-zinc-700 bg-zinc-900 px-2 py-1 text-sm text-zinc-100";

/**
 * Verified statistics of the viewer's tier, live: filters and the chosen number live in the URL,
 * so a number is a link to the list of trades behind it, and each trade links to its signal.
 */
export function PerformanceView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const tierKey = params.get("tier") ?? undefined;
  const channelId = params.get("channel") ?? undefined;
  const side = params.get("side");
  const periodKey = params.get("period") ?? "all";
  const period = PERIODS.find((p) => p.key === periodKey) ?? PERIODS[PERIODS.length - 1];
  // Rounded to the hour: the arguments stay the same between renders (one subscription).
  const from = useMemo(
    () =>
      period?.days === undefined
        ? undefined
        : Math.floor((Date.now() - period.days * 24 * HOUR) / HOUR) * HOUR,
    [period],
  );
  const selection = parseSelection(params.get("show"));
  // The trades behind a chosen number come with the statistics (the server lists them).
  const result = useQuery(api.trackRecord.performance, {
    ...(tierKey === undefined ? {} : { tierKey }),
    ...(channelId === undefined ? {} : { channelId }),
    ...(side === "long" || side === "short" ? { side } : {}),
    ...(from === undefined ? {} : { from }),
    ...(selection === undefined ? {} : { show: selectionParam(selection) }),
  });
  const access = useQuery(api.feed.access);
  const channels = useQuery(api.feed.channels);

  const withParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params.toString());
    if (value === undefined || value === "") next.delete(key);
    else next.set(key, value);
    if (key !== "show") next.delete("show");
    const query = next.toString();
    return query === "" ? pathname : `${pathname}?${query}`;
  };
  const set = (key: string, value: string | undefined) =>
    router.replace(withParam(key, value), { scroll: false });
  const hrefFor = (show: string) => withParam("show", show);

  if (result === undefined) return <p className="text-zinc-400">Loading…</p>;
  if (result.locked) {
    return <LockedPanel purchaseUrl={result.purchaseUrl} />;
  }
  const tiers = access?.locked === false ? access.tiers : [result.tierKey];
  const tierChannels = (channels ?? []).filter((c) => c.tierKey === result.tierKey);
  const behind = result.trades;

  return (
    <div className="flex flex-col gap-6">
      <form
        aria-label="Filters"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => e.preventDefault()}
      >
        {tiers.length > 1 ? (
          <label className="flex flex-col gap-1 text-xs text-zinc-400">
            Tier
            <select
              className={selectClass}
              value={result.tierKey}
              onChange={(e) => set("tier", e.target.value)}
            >
              {tiers.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="flex flex-col gap-1 text-xs text-zinc-400">
          Period
          <select
            className={selectClass}
            value={period?.key ?? "all"}
            onChange={(e) => set("period", e.target.value === "all" ? undefined : e.target.value)}
          >
            {PERIODS.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-400">
          Channel
          <select
            className={selectClass}
            value={channelId ?? ""}
            onChange={(e) => set("channel", e.target.value)}
          >
            <option value="">All channels</option>
            {tierChannels.map((c) => (
              <option key={c.channelId} value={c.channelId}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-400">
          Side
          <select
            className={selectClass}
            value={side ?? ""}
            onChange={(e) => set("side", e.target.value)}
          >
            <option value="">Long and short</option>
            <option value="long">Long</option>
            <option value="short">Short</option>
          </select>
        </label>
      </form>
      {result.stats.truncated ? (
        <p className="text-sm text-amber-300">
          Not every trade of this period is counted (over three years of days, or over 1,000 closes
          in one day): choose a shorter period.
        </p>
      ) : null}
      <RecordStatsGrid stats={result.stats} hrefFor={hrefFor} />
      <CumulativeRChart points={result.stats.cumulativeR} />
      <MonthlyTable months={result.stats.monthly} hrefFor={hrefFor} />
      {selection === undefined ? null : (
        <section aria-labelledby="behind-heading" className="flex flex-col gap-2">
          <h2 id="behind-heading" className="text-lg font-semibold text-white">
            {describeSelection(selection)} ({behind.length}
            {result.tradesTruncated ? ", the newest" : ""})
          </h2>
          <ul data-testid="trades-behind" className="flex flex-col gap-1 text-sm">
            {behind.map((t) => (
              <li key={t.signalId} className="flex flex-wrap gap-3 text-zinc-200">
                <Link href={`/signals/${t.signalId}`} className="text-sky-300 underline">
                  {t.pair ?? "Signal"} {t.side}
                </Link>
                <span>{t.status.replace("_", " ")}</span>
                <span>{t.r === undefined ? `${t.pct.toFixed(2)} %` : formatR(t.r)}</span>
                <span className="text-zinc-400">closed {formatTime(t.closedAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
