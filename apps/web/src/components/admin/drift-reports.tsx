"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";
import { formatTime } from "@/lib/format";
import { describeDriftReport } from "@/lib/drift-report";

/** The mirror's latest drift check per mapping: recent deliveries vs the customer channel. */
export function DriftReports() {
  const reports = useQuery(api.health.driftReports, {});
  if (reports === undefined) return <p className="text-sm text-zinc-400">Loading…</p>;
  if (reports.length === 0) {
    return (
      <p className="text-sm text-zinc-400">
        No drift report yet — the mirror checks at start and every MIRROR_DRIFT_CHECK_MINUTES.
      </p>
    );
  }
  const now = Date.now();
  return (
    <ul className="flex flex-col gap-2">
      {reports.map((report) => {
        const row = describeDriftReport(report, now);
        return (
          <li
            key={report._id}
            className={`flex flex-col gap-1 rounded-lg border p-3 text-sm ${row.ok ? "border-zinc-800 bg-zinc-900" : "border-rose-700/60 bg-rose-950/30"}`}
          >
            <div className="flex flex-wrap items-center gap-2">
              <span aria-hidden className={row.ok ? "text-emerald-400" : "text-rose-400"}>
                ●
              </span>
              <span className="font-medium text-white">{report.label}</span>
              <span className="text-zinc-500">channel {report.customerChannelId}</span>
              <span className={`ml-auto ${row.fresh ? "text-zinc-400" : "text-amber-300"}`}>
                checked {formatTime(report.checkedAt, now)}
                {row.fresh ? "" : " (not fresh: is the mirror running?)"}
              </span>
            </div>
            <p className="text-zinc-300">
              {row.ok ? "No drift" : "Drift"} · {row.window}
            </p>
            <dl className="flex flex-wrap gap-x-4 gap-y-1 text-zinc-300">
              {row.counts.map((entry) => (
                <div key={entry.label} className="flex gap-1">
                  <dt>{entry.label}</dt>
                  <dd className={entry.count > 0 ? "font-semibold text-rose-300" : "text-white"}>
                    {entry.count}
                  </dd>
                </div>
              ))}
            </dl>
            {row.examples.length === 0 ? null : (
              <ul className="font-mono text-xs text-zinc-400">
                {row.examples.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
