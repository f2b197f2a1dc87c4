"use client";

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import {
  AXIS_PROPS,
  ChartFrame,
  LINE_PROPS,
  TOOLTIP_PROPS,
} from "@/components/business/chart-frame";
import { CUMULATIVE_R_TITLE, type RecordStats } from "./record-types";

const day = (at: number) => new Date(at).toISOString().slice(0, 10);

/** Cumulative R at the end of each day with a close (trades without a stop have no R). */
export function CumulativeRChart({ points }: { points: RecordStats["cumulativeR"] }) {
  const data = [{ at: "start", cumulative: 0 }, ...points.map((p) => ({ ...p, at: day(p.at) }))];
  return (
    <ChartFrame title={CUMULATIVE_R_TITLE} testId="cumulative-r-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data}>
          <CartesianGrid stroke="#27272a" vertical={false} />
          <XAxis dataKey="at" {...AXIS_PROPS} minTickGap={24} />
          <YAxis width={40} {...AXIS_PROPS} />
          <ReferenceLine y={0} stroke="#52525b" />
          <Tooltip {...TOOLTIP_PROPS} />
          <Line
            type="stepAfter"
            dataKey="cumulative"
            name="Cumulative R"
            stroke="#34d399"
            {...LINE_PROPS}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
