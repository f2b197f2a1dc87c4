import type { Infer } from "convex/values";
import type { vLifecycleEmailKind } from "../../tables/operations";

/**
 * Which lifecycle email may be turned off, and how many any user gets. The rule (and why) is in
 * docs/architecture.md "Lifecycle emails":
 * - "access ending soon" is a reminder that invites a renewal: it carries a one-click unsubscribe
 *   (RFC 8058) and stops when the user turns reminders off;
 * - access granted, payment failed and access ended are transactional — they tell the customer
 *   what happened to a service they pay for — so they are sent whatever the preference, with no
 *   unsubscribe header (the law exempts such messages from opt-out; hiding them would hide a
 *   change to the customer's own contract).
 */

export type LifecycleEmailKind = Infer<typeof vLifecycleEmailKind>;

export function isReminder(kind: LifecycleEmailKind): boolean {
  return kind === "access_ending";
}

/** At most this many lifecycle emails per user in any 24 hours (a flapping source can't flood). */
export const MAX_EMAILS_PER_USER_PER_DAY = 4;
export const DAY_MS = 24 * 60 * 60 * 1000;
/** "Access ending soon" goes out when a non-renewing access ends within this many days. */
export const ENDING_SOON_DAYS = 3;

/** The UTC day of `at` ("2026-01-31"): the period of once-a-day emails. */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
