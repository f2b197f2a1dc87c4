// Convex's per-transaction limits with Convex's error texts (database/src/reads.rs, writes.rs,
// model/src/scheduled_jobs/mod.rs; figures from common/src/knobs.rs, the same as convex-test's
// defaults). convex-test's tracker counts the same things but words its errors its own way;
// this subclass throws Convex's text for whichever limit the tracker found exceeded.
import {
  type TransactionMetricName,
  TransactionMetricsTracker,
} from "./vendor/transactionMetrics.js";

const OVER_LIMIT_HELP =
  "Consider using smaller limits in your queries, paginating your queries, or using indexed " +
  "queries with a selective index range expressions.";

/** Convex's `common::fmt::format_bytes` for the sizes its limits use. */
function formatBytes(n: number): string {
  for (const [size, unit] of [
    [2 ** 30, "GiB"],
    [2 ** 20, "MiB"],
    [2 ** 10, "KiB"],
  ] as const) {
    if (n >= size && n % size === 0) return `${n / size} ${unit}`;
  }
  return `${n} bytes`;
}

const TEXTS: Record<TransactionMetricName, (limit: number) => string> = {
  documentsRead: (limit) =>
    `Too many documents read in a single function execution (limit: ${limit}). ${OVER_LIMIT_HELP}`,
  bytesRead: (limit) =>
    `Too many bytes read in a single function execution (limit: ${limit} bytes). ${OVER_LIMIT_HELP}`,
  databaseQueries: (limit) =>
    `Too many reads in a single function execution (limit: ${limit}). ${OVER_LIMIT_HELP}`,
  documentsWritten: (limit) => `Too many writes in a single function execution (limit: ${limit})`,
  bytesWritten: (limit) =>
    `Too many bytes written in a single function execution (limit: ${formatBytes(limit)})`,
  functionsScheduled: (limit) => `Too many functions scheduled by this mutation (limit: ${limit})`,
  scheduledFunctionArgsBytes: (limit) =>
    `Too large total size of the arguments of scheduled functions from this mutation (limit: ${limit} bytes)`,
};

export class ConvexLimitsTracker extends TransactionMetricsTracker {
  /** Runs a tracking call; when it throws for an exceeded limit, throws Convex's text instead. */
  private worded(track: () => void): void {
    try {
      track();
    } catch (error) {
      const metrics = this.getTransactionMetrics();
      for (const [name, { used, remaining }] of Object.entries(metrics) as [
        TransactionMetricName,
        { used: number; remaining: number },
      ][]) {
        if (remaining < 0) throw new Error(TEXTS[name](used + remaining));
      }
      throw error;
    }
  }

  override trackRead(docSizeBytes: number): void {
    this.worded(() => super.trackRead(docSizeBytes));
  }

  override trackWrite(docSizeBytes: number): void {
    this.worded(() => super.trackWrite(docSizeBytes));
  }

  override trackIndexRange(): void {
    this.worded(() => super.trackIndexRange());
  }

  override trackScheduledFunction(argsSizeBytes: number): void {
    this.worded(() => super.trackScheduledFunction(argsSizeBytes));
  }
}
