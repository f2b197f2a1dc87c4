import { LazyCumulativeRChart } from "@/components/performance/lazy-cumulative-r-chart";
import { MonthlyTable } from "@/components/performance/monthly-table";
import { RecordStatsGrid } from "@/components/performance/record-stats";
import { serverPublicRecord } from "@/lib/server-track-record";

/**
 * The delayed public track record: statistics over trades that closed before the delay, as
 * aggregates only (the query returns no signal), with how many calls were deleted or edited.
 * Read on the server for each request; only the chart runs in the browser.
 */
export async function PublicTrackRecord() {
  const record = await serverPublicRecord();
  if (record === null) {
    return (
      <p className="text-sm text-zinc-400">
        The track record could not be loaded. Reload the page to retry.
      </p>
    );
  }
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
      <LazyCumulativeRChart points={record.stats.cumulativeR} />
      <MonthlyTable months={record.stats.monthly} />
    </div>
  );
}
