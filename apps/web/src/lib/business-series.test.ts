import { describe, expect, test } from "vitest";
import {
  currencies,
  memberSeries,
  monthWindow,
  revenueSeries,
  weekLabel,
  windowTotals,
  type Overview,
} from "./business-series";

const WEEK = 7 * 24 * 60 * 60 * 1000;
const MONDAY = Date.UTC(2026, 0, 5);

const overview: Overview = {
  generatedAt: MONDAY + 2 * WEEK,
  tiers: [
    { key: "vip", name: "VIP", active: 3 },
    { key: "pro", name: "Pro", active: 1 },
  ],
  weeks: [
    { weekStart: MONDAY, joined: 2, lost: 0, active: [2, 0] },
    { weekStart: MONDAY + WEEK, joined: 2, lost: 0, active: [3, 1] },
  ],
  months: [
    {
      month: "2026-01",
      currency: "USD",
      grossCents: 14700,
      refundedCents: 4900,
      payments: 3,
      refunds: 1,
      disputes: 1,
    },
    {
      month: "2026-01",
      currency: "EUR",
      grossCents: 1000,
      refundedCents: 0,
      payments: 1,
      refunds: 0,
      disputes: 0,
    },
  ],
  renewalsDue: { subscriptions: 0, expiring: 0, capped: false },
};

describe("business overview series", () => {
  test("members per tier and joins/losses per week, labelled by the week's Monday", () => {
    expect(weekLabel(MONDAY)).toBe("Jan 5");
    expect(memberSeries(overview)).toEqual([
      { week: "Jan 5", joined: 2, lost: 0, vip: 2, pro: 0 },
      { week: "Jan 12", joined: 2, lost: 0, vip: 3, pro: 1 },
    ]);
  });

  test("revenue per month in one currency: net of refunds, zero for quiet months", () => {
    expect(revenueSeries(overview, "USD", ["2025-12", "2026-01"])).toEqual([
      { month: "2025-12", net: 0, refunded: 0 },
      { month: "2026-01", net: 98, refunded: 49 },
    ]);
  });

  test("currencies busiest first; totals over the window", () => {
    expect(currencies(overview)).toEqual(["USD", "EUR"]);
    expect(windowTotals(overview)).toEqual({ payments: 4, refunds: 1, disputes: 1 });
  });

  test("the month window ends with the current month and crosses years", () => {
    expect(monthWindow(Date.UTC(2026, 1, 10), 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
    expect(monthWindow(Date.UTC(2026, 1, 10))).toHaveLength(12);
  });
});
