import type { FunctionReturnType } from "convex/server";
import type { api } from "@convex/_generated/api";

export type RecordStats = FunctionReturnType<typeof api.trackRecord.publicRecord>["stats"];
export type Performance = Extract<
  FunctionReturnType<typeof api.trackRecord.performance>,
  { locked: false }
>;
export type PerformanceTrade = Performance["trades"][number];

/** The cumulative-R chart's caption (also its placeholder's, while recharts loads). */
export const CUMULATIVE_R_TITLE = "Cumulative R, day by day";
