/**
 * When to retry a Sell.app request and how long to wait. Sell.app's SDKs retry 408, 409, 429 and
 * 5xx and honour Retry-After (seconds or an HTTP date) up to a 30-second cap, with bounded
 * exponential backoff and jitter otherwise; we do the same so a busy API slows us down instead of
 * failing a reconciliation run.
 */

export const RETRY_AFTER_CAP_MS = 30_000;

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Retry-After in ms (delta-seconds or HTTP date), capped; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, Number(trimmed) * 1000));
  }
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, at - now));
}

/** Exponential backoff with full jitter: attempt 1 → up to base, 2 → up to 2·base, … capped. */
export function backoffMs(attempt: number, baseMs: number, random: () => number): number {
  const ceiling = Math.min(RETRY_AFTER_CAP_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
