"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { memberSeries, type Overview } from "@/lib/business-series";
import { AXIS_PROPS, ChartFrame, TOOLTIP_PROPS } from "./chart-frame";

/** New and lost members per week, all tiers. */
export function ChurnChart({ overview }: { overview: Overview }) {
  return (
    <ChartFrame title="New and lost members per week" testId="churn-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={memberSeries(overview)}>
          <CartesianGrid stroke="#27272a" vertical={false} />
          <XAxis dataKey="week" {...AXIS_PROPS} />
          <YAxis allowDecimals={false} width={32} {...AXIS_PROPS} />
          <Tooltip {...TOOLTIP_PROPS} cursor={{ fill: "#27272a" }} />
          <Legend />
          <Bar dataKey="joined" name="New" fill="#34d399" isAnimationActive={false} />
          <Bar dataKey="lost" name="Lost" fill="#f43f5e" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
