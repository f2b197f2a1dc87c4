/** Backoff between automatic retries of a failed webhook event: 1 m, 5 m, 30 m, 2 h, 12 h. */
export const RETRY_DELAYS_MS: readonly number[] = [
  60_000,
  5 * 60_000,
  30 * 60_000,
  2 * 60 * 60_000,
  12 * 60 * 60_000,
];

/**
 * Delay before the next automatic retry after `attempts` failed attempts (1 = the first failure),
 * or undefined once the schedule is exhausted: the event then stays "failed" for an admin.
 */
export function nextRetryDelayMs(attempts: number): number | undefined {
  if (attempts < 1) return 0;
  return RETRY_DELAYS_MS[attempts - 1];
}
