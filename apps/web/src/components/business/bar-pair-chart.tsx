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
import { AXIS_PROPS, ChartFrame, TOOLTIP_PROPS } from "./chart-frame";

type BarSpec = { dataKey: string; name: string; fill: string };

/**
 * Two bars side by side per period (new vs lost members, net vs refunded revenue): the business
 * page's bar charts differ only in their data, their x key and the width their y labels need.
 */
export function BarPairChart({
  title,
  testId,
  data,
  xKey,
  yAxisWidth,
  wholeNumbers = false,
  bars,
}: {
  title: string;
  testId: string;
  data: object[];
  xKey: string;
  yAxisWidth: number;
  /** Counts: no 0.5 ticks on the y axis. */
  wholeNumbers?: boolean;
  bars: readonly [BarSpec, BarSpec];
}) {
  return (
    <ChartFrame title={title} testId={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data}>
          <CartesianGrid stroke="#27272a" vertical={false} />
          <XAxis dataKey={xKey} {...AXIS_PROPS} />
          <YAxis allowDecimals={!wholeNumbers} width={yAxisWidth} {...AXIS_PROPS} />
          <Tooltip {...TOOLTIP_PROPS} cursor={{ fill: "#27272a" }} />
          <Legend />
          {bars.map((bar) => (
            <Bar
              key={bar.dataKey}
              dataKey={bar.dataKey}
              name={bar.name}
              fill={bar.fill}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
