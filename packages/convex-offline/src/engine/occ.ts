// Optimistic concurrency control as Convex runs it (application_function_runner, knobs.rs,
// errors/src/lib.rs): a mutation that conflicts is retried after an exponential backoff, at most
// UDF_EXECUTOR_OCC_MAX_RETRIES (4) times, then fails with Convex's text.

/** What a transaction read that a commit since its snapshot changed. */
export type OccConflictInfo = {
  readonly table: string;
  readonly id: string;
  /** The function whose commit changed it (null for system bookkeeping). */
  readonly writeSource: string | null;
};

/** Convex's UDF_EXECUTOR_OCC_MAX_RETRIES. */
export const OCC_MAX_RETRIES = 4;
/** Convex's UDF_EXECUTOR_OCC_INITIAL_BACKOFF / _MAX_BACKOFF. */
const INITIAL_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 2000;
/**
 * A query that raced a commit this many times runs once more holding the commit gate. Convex
 * reads at a fixed timestamp and never needs to; our store keeps one version per document.
 */
export const QUERY_OPTIMISTIC_RUNS = 3;

/** Exponential backoff with jitter (Convex's `Backoff::fail`): 100 ms, 200 ms, … ≤ 2 s. */
export function occBackoffMs(failures: number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** failures);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Convex's OCC failure text (ErrorMetadata::user_occ, OCC_ERROR_MSG for system tables). */
export function occFailureMessage(conflict: OccConflictInfo, currentWriter: string): string {
  if (conflict.table.startsWith("_")) {
    return (
      "Data read or written in this mutation changed while it was being run. Consider reducing " +
      "the amount of data read by using indexed queries with selective index range expressions " +
      "(https://docs.convex.dev/database/indexes/)."
    );
  }
  const source =
    conflict.writeSource === null
      ? ""
      : `${
          conflict.writeSource === currentWriter
            ? "Another call to this mutation"
            : `A call to "${conflict.writeSource}"`
        } changed the document with ID "${conflict.id}". `;
  return (
    `Documents read from or written to the "${conflict.table}" table changed while this ` +
    `mutation was being run and on every subsequent retry. ${source}` +
    "See https://docs.convex.dev/error#1"
  );
}
