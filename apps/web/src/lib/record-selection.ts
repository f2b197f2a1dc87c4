/**
 * Which trades a number on the performance page stands for: every number links to the signals
 * behind it (`?show=wins`, `?show=month:2026-03`, …), which trackRecord.performance lists under
 * the statistics.
 */
export type Selection =
  | { kind: "all" }
  | { kind: "wins" }
  | { kind: "losses" }
  | { kind: "breakeven" }
  | { kind: "month"; month: string };

export function parseSelection(value: string | null): Selection | undefined {
  if (value === "all" || value === "wins" || value === "losses" || value === "breakeven") {
    return { kind: value };
  }
  const month = /^month:(\d{4}-\d{2})$/.exec(value ?? "");
  return month?.[1] === undefined ? undefined : { kind: "month", month: month[1] };
}

export function selectionParam(selection: Selection): string {
  return selection.kind === "month" ? `month:${selection.month}` : selection.kind;
}

export function describeSelection(selection: Selection): string {
  switch (selection.kind) {
    case "all":
      return "All trades";
    case "wins":
      return "Winning trades";
    case "losses":
      return "Losing trades";
    case "breakeven":
      return "Breakeven trades";
    case "month":
      return `Trades closed in ${selection.month}`;
  }
}

/** The period filter: closing time from `days` ago (all time without). */
export const PERIODS = [
  { key: "30d", label: "30 days", days: 30 },
  { key: "90d", label: "90 days", days: 90 },
  { key: "365d", label: "1 year", days: 365 },
  { key: "all", label: "All time", days: undefined },
] as const;
