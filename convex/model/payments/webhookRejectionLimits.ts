import { HOUR, RateLimiter } from "@convex-dev/rate-limiter";
import { components } from "../../_generated/api";

/**
 * Rate limits on storing unverified webhook requests (no or a wrong signature, oversized, no secret
 * configured). Signed requests never pass through these: a real Sell.app delivery is always stored.
 *
 * Worst case kept: GLOBAL per hour × one bounded row (≈ 2 KiB) ≈ 3 MiB a day, ≈ 85 MiB over the
 * 30 days rejections are kept (webhookRetention.ts),
 * whatever the attacker sends; over the limits a request is only counted.
 */

/** One source: a short burst of 10, then 10 an hour. */
export const UNVERIFIED_PER_SOURCE = { rate: 10, period: HOUR, capacity: 10 } as const;
/** Everyone together: 60 an hour. The bound that holds when sources are forged. */
export const UNVERIFIED_GLOBAL = { rate: 60, period: HOUR, capacity: 60 } as const;

export const WEBHOOK_RATE_LIMIT_NAMES = {
  perSource: "sellappUnverifiedPerSource",
  global: "sellappUnverifiedGlobal",
} as const;

/** `check` reads only; `limit` takes a token when one is there. */
export const unverifiedWebhookLimiter = new RateLimiter(components.rateLimiter, {
  [WEBHOOK_RATE_LIMIT_NAMES.perSource]: { kind: "token bucket", ...UNVERIFIED_PER_SOURCE },
  [WEBHOOK_RATE_LIMIT_NAMES.global]: { kind: "token bucket", ...UNVERIFIED_GLOBAL },
});
