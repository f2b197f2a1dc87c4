import { HOUR, RateLimiter } from "@convex-dev/rate-limiter";
import { components } from "../../_generated/api";

/** A user's devices: enough for phone, laptop, tablet and a few stale browsers. */
export const MAX_PUSH_SUBSCRIPTIONS_PER_USER = 10;

/**
 * Per user: subscription writes (subscribe, settings, unsubscribe) — a burst of 20, then 60 an
 * hour, far above what a person clicks and far below a script filling the table; test pushes —
 * 3 at once, then one every 4 minutes, so "send a test" cannot be used to spam a device.
 */
export const pushRateLimiter = new RateLimiter(components.rateLimiter, {
  pushSubscriptionWrites: { kind: "token bucket", rate: 60, period: HOUR, capacity: 20 },
  pushTests: { kind: "token bucket", rate: 15, period: HOUR, capacity: 3 },
});
