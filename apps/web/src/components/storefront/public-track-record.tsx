"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";
import { CumulativeRChart } from "@/components/performance/cumulative-r-chart";
import { MonthlyTable } from "@/components/performance/monthly-table";
import { RecordStatsGrid } from "@/components/performance/record-stats";

/**
 * The delayed public track record: statistics over trades that closed before the delay, as
 * aggregates only (the query returns no signal), with how many calls were deleted or edited.
 */
export function PublicTrackRecord() {
  const record = useQuery(api.trackRecord.publicRecord);
  if (record === undefined) return <p className="text-sm text-zinc-400">Loading the record…</p>;
  return (
    <div data-testid="public-track-record" className="flex flex-col gap-4">
      <p className="text-sm text-zinc-400">
        Every signal is followed on market prices from the moment it is posted. Shown with a{" "}
        {record.delayHours}-hour delay, through {new Date(record.through).toUTCString()}, so it
        gives away no live call.
      </p>
      <RecordStatsGrid stats={record.stats} />
      <p data-testid="record-integrity" className="text-sm text-zinc-300">
        Of these calls, {record.deletedSignals} were deleted and {record.editedSignals} edited by
        their callers — they count all the same.
      </p>
      <CumulativeRChart points={record.stats.cumulativeR} />
      <MonthlyTable months={record.stats.monthly} />
    </div>
  );
}
