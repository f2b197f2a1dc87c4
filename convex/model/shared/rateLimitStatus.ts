// The rate-limiter component answers `retryAfter` (milliseconds from now); our callers and their
// messages work with `retryAt` (a time), which stays true when it is passed on or stored.

export type RateLimitStatus = { ok: boolean; retryAt?: number };

/** `{ ok, retryAfter }` from the component as `{ ok, retryAt }`, retryAt only when it refused. */
export function withRetryAt(
  status: { ok: boolean; retryAfter?: number },
  now = Date.now(),
): RateLimitStatus {
  return status.retryAfter === undefined
    ? { ok: status.ok }
    : { ok: status.ok, retryAt: now + status.retryAfter };
}
