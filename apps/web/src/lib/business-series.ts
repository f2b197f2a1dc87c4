import type { api } from "@convex/_generated/api";
import type { FunctionReturnType } from "convex/server";

export type Overview = FunctionReturnType<typeof api.business.overview>;

/** "Jan 5" for a week starting on that Monday (UTC). */
export function weekLabel(weekStart: number): string {
  return new Date(weekStart).toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
}

/** One point per week: members per tier at its end (keyed by tier key), joins and losses. */
export function memberSeries(overview: Overview): Record<string, number | string>[] {
  return overview.weeks.map((week) => {
    const point: Record<string, number | string> = {
      week: weekLabel(week.weekStart),
      joined: week.joined,
      lost: week.lost,
    };
    overview.tiers.forEach((tier, i) => {
      point[tier.key] = week.active[i] ?? 0;
    });
    return point;
  });
}

export type RevenuePoint = { month: string; net: number; refunded: number };

/**
 * Revenue per month in one currency, in major units, every month of the window present (a month
 * without payments is a zero, not a gap). Net is gross less refunds.
 */
export function revenueSeries(
  overview: Overview,
  currency: string,
  months: string[],
): RevenuePoint[] {
  return months.map((month) => {
    const row = overview.months.find((m) => m.month === month && m.currency === currency);
    const gross = row?.grossCents ?? 0;
    const refunded = row?.refundedCents ?? 0;
    return { month, net: (gross - refunded) / 100, refunded: refunded / 100 };
  });
}

/** Currencies that had payments in the window, the busiest first. */
export function currencies(overview: Overview): string[] {
  const totals = new Map<string, number>();
  for (const row of overview.months) {
    totals.set(row.currency, (totals.get(row.currency) ?? 0) + row.payments);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([currency]) => currency);
}

/** The 12 month keys ("YYYY-MM") ending with the month of `now`, oldest first. */
export function monthWindow(now: number, count = 12): string[] {
  const date = new Date(now);
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - (count - 1 - i), 1))
      .toISOString()
      .slice(0, 7),
  );
}

/** Totals over the window: payments, refunds and disputes (all currencies). */
export function windowTotals(overview: Overview): {
  payments: number;
  refunds: number;
  disputes: number;
} {
  return overview.months.reduce(
    (sum, row) => ({
      payments: sum.payments + row.payments,
      refunds: sum.refunds + row.refunds,
      disputes: sum.disputes + row.disputes,
    }),
    { payments: 0, refunds: 0, disputes: 0 },
  );
}
