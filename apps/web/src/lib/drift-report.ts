import type { api } from "@convex/_generated/api";
import type { FunctionReturnType } from "convex/server";

type DriftReport = FunctionReturnType<typeof api.health.driftReports>[number];

const CATEGORIES = [
  { key: "missing", label: "missing", ids: "signal" },
  { key: "duplicates", label: "duplicate", ids: "message" },
  { key: "stale", label: "stale", ids: "signal" },
  { key: "orphans", label: "orphan", ids: "message" },
] as const;

/** A report older than this (three default check periods) is flagged as not fresh. */
export const DRIFT_REPORT_STALE_MS = 30 * 60_000;

export type DriftRow = {
  ok: boolean;
  fresh: boolean;
  counts: { label: string; count: number }[];
  /** "missing: signal k57…, k58…" per category with examples. */
  examples: string[];
  window: string;
};

/** What the admin health page shows for one mapping's latest drift report. */
export function describeDriftReport(report: DriftReport, now: number): DriftRow {
  const counts = CATEGORIES.map((category) => ({
    label: category.label,
    count: report[category.key],
  }));
  const examples = CATEGORIES.flatMap((category) => {
    const ids = report.examples[category.key];
    return ids.length === 0 ? [] : [`${category.label}: ${category.ids} ${ids.join(", ")}`];
  });
  return {
    ok: counts.every((entry) => entry.count === 0),
    fresh: now - report.checkedAt <= DRIFT_REPORT_STALE_MS,
    counts,
    examples,
    window: `${report.windowSignals} latest signals vs ${report.windowMessages} bot messages`,
  };
}
