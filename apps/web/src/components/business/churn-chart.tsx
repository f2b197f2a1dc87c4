"use client";

import { memberSeries, type Overview } from "@/lib/business-series";
import { BarPairChart } from "./bar-pair-chart";

/** New and lost members per week, all tiers. */
export function ChurnChart({ overview }: { overview: Overview }) {
  return (
    <BarPairChart
      title="New and lost members per week"
      testId="churn-chart"
      data={memberSeries(overview)}
      xKey="week"
      yAxisWidth={32}
      wholeNumbers
      bars={[
        { dataKey: "joined", name: "New", fill: "#34d399" },
        { dataKey: "lost", name: "Lost", fill: "#f43f5e" },
      ]}
    />
  );
}
