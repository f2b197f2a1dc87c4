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
import { FilterSelect } from "./filter-select";
import { formatR } from "./format-stats";
import { MonthlyTable } from "./monthly-table";
import { RecordStatsGrid } from "./record-stats";

const HOUR = 3_600_000;

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
          <FilterSelect
            label="Tier"
            value={result.tierKey}
            options={tiers.map((t) => ({ value: t, label: t }))}
            onChange={(value) => set("tier", value)}
          />
        ) : null}
        <FilterSelect
          label="Period"
          value={period?.key ?? "all"}
          options={PERIODS.map((p) => ({ value: p.key, label: p.label }))}
          onChange={(value) => set("period", value === "all" ? undefined : value)}
        />
        <FilterSelect
          label="Channel"
          value={channelId ?? ""}
          options={[
            { value: "", label: "All channels" },
            ...tierChannels.map((c) => ({ value: c.channelId, label: c.label })),
          ]}
          onChange={(value) => set("channel", value)}
        />
        <FilterSelect
          label="Side"
          value={side ?? ""}
          options={[
            { value: "", label: "Long and short" },
            { value: "long", label: "Long" },
            { value: "short", label: "Short" },
          ]}
          onChange={(value) => set("side", value)}
        />
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
