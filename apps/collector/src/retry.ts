import { abortableSleep as sleep } from "@g3/service-runtime";

export type RetryOptions = {
  /** Attempts in total, including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Decides whether an error is worth another attempt; false stops immediately. */
  isRetryable: (error: unknown) => boolean;
  /** A server-provided wait (e.g. Retry-After) overrides the backoff for that attempt. */
  delayHintMs?: (error: unknown) => number | undefined;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  signal?: AbortSignal;
};

/** Exponential backoff with full jitter: attempt n waits random(0, min(max, base·2ⁿ)). */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  return Math.round(Math.random() * ceiling);
}

/** Runs `task` until it succeeds, fails with a non-retryable error, or runs out of attempts. */
export async function retry<T>(
  task: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      const last = attempt + 1 >= options.attempts;
      if (last || !options.isRetryable(error) || options.signal?.aborted === true) throw error;
      const hinted = options.delayHintMs?.(error);
      const delayMs = Math.min(
        options.maxDelayMs,
        hinted ?? backoffDelay(attempt, options.baseDelayMs, options.maxDelayMs),
      );
      options.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await sleep(delayMs, options.signal);
    }
  }
}

export { sleep };
