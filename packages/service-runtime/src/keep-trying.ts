import type { Logger } from "pino";

export type KeepTryingOptions = {
  /** What is attempted, for the logs: "Discord login". */
  what: string;
  logger: Pick<Logger, "warn">;
  /** An error no retry can fix (a revoked token): thrown at once instead of retried. */
  isPermanent: (error: unknown) => boolean;
  /** The wait before the second attempt; it doubles up to `maxDelayMs` (with full jitter). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Aborted when the service stops: the wait ends and the last error is thrown. */
  signal?: AbortSignal;
  /** Tests pass their own clock. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

/**
 * Runs `attempt` until it succeeds. A start-up step that fails for a passing reason (the service
 * it talks to is down, slow or answering 5xx/429) is retried with backoff, never turned into an
 * exit: a process that gives up on a blip stays down until someone notices, and one that exits 0
 * is not even restarted by `Restart=on-failure`. Only errors `isPermanent` calls permanent, and a
 * stop requested through `signal`, end the attempts (by throwing).
 */
export async function keepTrying<T>(
  attempt: () => Promise<T>,
  options: KeepTryingOptions,
): Promise<T> {
  const { initialDelayMs = 1_000, maxDelayMs = 30_000, sleep = abortableSleep } = options;
  const stopped = () => options.signal?.aborted === true;
  for (let failures = 0; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      if (options.isPermanent(error) || stopped()) throw error;
      const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** failures);
      const delayMs = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
      options.logger.warn(
        {
          event: "start.retry",
          what: options.what,
          attempt: failures + 1,
          delayMs,
          error: error instanceof Error ? error.message : String(error),
        },
        `${options.what} failed; trying again in ${Math.ceil(delayMs / 1000)} s`,
      );
      await sleep(delayMs, options.signal);
      if (stopped()) throw error;
    }
  }
}

/** Waits `ms`, or less when `signal` aborts (at once when it already has). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
