import { defineRateLimits } from "convex-helpers/server/rateLimit";

/**
 * Rate limits on storing unverified webhook requests (no or a wrong signature, oversized, no secret
 * configured). Signed requests never pass through these: a real Sell.app delivery is always stored.
 *
 * Worst case kept: GLOBAL per hour × one bounded row (≈ 2 KiB) ≈ 3 MiB a day, ≈ 85 MiB over the
 * 30 days rejections are kept (webhookRetention.ts),
 * whatever the attacker sends; over the limits a request is only counted.
 */

const HOUR = 60 * 60 * 1000;

/** One source: a short burst of 10, then 10 an hour. */
export const UNVERIFIED_PER_SOURCE = { rate: 10, period: HOUR, capacity: 10 } as const;
/** Everyone together: 60 an hour. The bound that holds when sources are forged. */
export const UNVERIFIED_GLOBAL = { rate: 60, period: HOUR, capacity: 60 } as const;

export const WEBHOOK_RATE_LIMIT_NAMES = {
  perSource: "sellappUnverifiedPerSource",
  global: "sellappUnverifiedGlobal",
} as const;

const limits = defineRateLimits({
  [WEBHOOK_RATE_LIMIT_NAMES.perSource]: { kind: "token bucket", ...UNVERIFIED_PER_SOURCE },
  [WEBHOOK_RATE_LIMIT_NAMES.global]: { kind: "token bucket", ...UNVERIFIED_GLOBAL },
});

/** `check` reads only; `consume` takes a token when one is there. */
export const limitUnverifiedWebhook = { check: limits.checkRateLimit, consume: limits.rateLimit };

/** A rate limiter's row is idle (equivalent to a full bucket) once this long untouched. */
export const RATE_LIMIT_IDLE_MS = Math.max(
  (UNVERIFIED_PER_SOURCE.capacity / UNVERIFIED_PER_SOURCE.rate) * UNVERIFIED_PER_SOURCE.period,
  (UNVERIFIED_GLOBAL.capacity / UNVERIFIED_GLOBAL.rate) * UNVERIFIED_GLOBAL.period,
);
