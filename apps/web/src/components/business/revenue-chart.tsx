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
import { monthWindow, revenueSeries, type Overview } from "@/lib/business-series";
import { AXIS_PROPS, ChartFrame, TOOLTIP_PROPS } from "./chart-frame";

/** Revenue per month in one currency (net of refunds, refunds beside it), last 12 months. */
export function RevenueChart({ overview, currency }: { overview: Overview; currency: string }) {
  const data = revenueSeries(overview, currency, monthWindow(overview.generatedAt));
  return (
    <ChartFrame title={`Revenue per month (${currency})`} testId="revenue-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data}>
          <CartesianGrid stroke="#27272a" vertical={false} />
          <XAxis dataKey="month" {...AXIS_PROPS} />
          <YAxis width={48} {...AXIS_PROPS} />
          <Tooltip {...TOOLTIP_PROPS} cursor={{ fill: "#27272a" }} />
          <Legend />
          <Bar dataKey="net" name="Net" fill="#38bdf8" isAnimationActive={false} />
          <Bar dataKey="refunded" name="Refunded" fill="#f59e0b" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
