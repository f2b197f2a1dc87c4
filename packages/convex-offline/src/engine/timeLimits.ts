// How long a function may run. Convex stops a query or mutation after 1 s of its own JavaScript
// time (time spent waiting on the database does not count, up to 15 s of it) and an action after
// 10 minutes (knobs.rs: DATABASE_UDF_USER_TIMEOUT, DATABASE_UDF_SYSTEM_TIMEOUT; the documented
// action limit), failing it with "Function execution timed out (maximum duration: 1s)"
// (isolate/src/termination.rs). Here functions share one Node event loop with the server and with
// each other, so a function's own time cannot be told from time spent waiting for others: the
// limit is wall-clock, per run, and for queries and mutations far above Convex's 1 s by default so
// a loaded machine does not fail healthy functions; it catches runaway async work.
import { systemError } from "./systemErrors.js";

export type TimeLimits = {
  /** Wall-clock limit of one query or mutation run, ms (Infinity: none). */
  readonly queryMutationMs: number;
  /** Wall-clock limit of one action, ms. */
  readonly actionMs: number;
};

export const DEFAULT_TIME_LIMITS: TimeLimits = {
  queryMutationMs: 30_000,
  actionMs: 10 * 60_000,
};

/** Rust's `{:?}` of a Duration of whole milliseconds: "1s", "1.5s", "600s", "250ms". */
function rustDuration(ms: number): string {
  return ms >= 1000 ? `${ms / 1000}s` : `${ms}ms`;
}

/** Convex's error for a function stopped at its time limit (the backend's, not "Uncaught"). */
export function timeLimitError(limitMs: number, depth: number): Error {
  return systemError(
    `Function execution timed out (maximum duration: ${rustDuration(limitMs)})`,
    depth,
  );
}

/** The limit for a function kind as the engine asks for it. */
export function limitFor(limits: TimeLimits, udfType: string): number {
  return udfType === "action" ? limits.actionMs : limits.queryMutationMs;
}
