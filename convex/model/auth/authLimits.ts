import { HOUR, MINUTE, RateLimiter } from "@convex-dev/rate-limiter";
import { components } from "../../_generated/api";

/**
 * The authentication budgets (token buckets in the @convex-dev/rate-limiter component).
 * docs/security.md "Authentication controls" explains each one and why none of them can keep an
 * account's owner out. Per-address keys are the canonical email, whether or not an account
 * exists, so a throttled answer never tells an account apart from a stranger.
 */
export const AUTH_LIMITS = {
  /** Wrong passwords per address; when spent, the right password also needs an emailed code. */
  passwordFailuresPerEmail: { kind: "token bucket", rate: 10, period: HOUR, capacity: 10 },
  /**
   * Wrong passwords over every address together: Convex sees no client address, so this is the
   * budget of all anonymous callers at once (credential stuffing tries one password per account).
   * When spent, every sign-in needs an emailed code too; nobody is refused.
   */
  passwordFailuresAll: { kind: "token bucket", rate: 600, period: HOUR, capacity: 100 },
  /** Wrong verification or reset codes per address (8 digits: 10⁸ possibilities). */
  codeFailuresPerEmail: { kind: "token bucket", rate: 10, period: HOUR, capacity: 10 },
  /** Emails (codes, notices) per address: three at once, then one every 12 minutes. */
  emailsPerAddress: { kind: "token bucket", rate: 5, period: HOUR, capacity: 3 },
  /** Emails over every address together, so the site cannot be used to mail strangers in bulk. */
  emailsAll: { kind: "token bucket", rate: 600, period: HOUR, capacity: 100 },
} as const;

export type AuthLimitName = keyof typeof AUTH_LIMITS;

export const authRateLimiter = new RateLimiter(components.rateLimiter, AUTH_LIMITS);

/** "in 7 minutes" for a retryAt timestamp (at least one minute). */
export function retryInWords(retryAt: number | undefined, now = Date.now()): string {
  const minutes = Math.max(1, Math.ceil(((retryAt ?? now) - now) / MINUTE));
  return minutes === 1 ? "in a minute" : `in ${minutes} minutes`;
}
