"use client";

import { monthWindow, revenueSeries, type Overview } from "@/lib/business-series";
import { BarPairChart } from "./bar-pair-chart";

/** Revenue per month in one currency (net of refunds, refunds beside it), last 12 months. */
export function RevenueChart({ overview, currency }: { overview: Overview; currency: string }) {
  return (
    <BarPairChart
      title={`Revenue per month (${currency})`}
      testId="revenue-chart"
      data={revenueSeries(overview, currency, monthWindow(overview.generatedAt))}
      xKey="month"
      yAxisWidth={48}
      bars={[
        { dataKey: "net", name: "Net", fill: "#38bdf8" },
        { dataKey: "refunded", name: "Refunded", fill: "#f59e0b" },
      ]}
    />
  );
}
