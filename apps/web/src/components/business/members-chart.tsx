"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { memberSeries, type Overview } from "@/lib/business-series";
import { AXIS_PROPS, CHART_COLORS, ChartFrame, LINE_PROPS, TOOLTIP_PROPS } from "./chart-frame";

/** Members per tier at the end of each of the last 12 weeks. */
export function MembersChart({ overview }: { overview: Overview }) {
  return (
    <ChartFrame title="Active members per tier, by week" testId="members-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={memberSeries(overview)}>
          <CartesianGrid stroke="#27272a" vertical={false} />
          <XAxis dataKey="week" {...AXIS_PROPS} />
          <YAxis allowDecimals={false} width={32} {...AXIS_PROPS} />
          <Tooltip {...TOOLTIP_PROPS} />
          <Legend />
          {overview.tiers.map((tier, i) => (
            <Line
              key={tier.key}
              type="monotone"
              dataKey={tier.key}
              name={tier.name}
              stroke={CHART_COLORS[i % CHART_COLORS.length]}
              {...LINE_PROPS}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
