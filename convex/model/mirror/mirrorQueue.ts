import { v, type Infer } from "convex/values";

/**
 * Shared rules of the two bot work queues (mirrorDeliveries, roleSyncJobs): leases, backoff and the
 * subscription shape. A leased row carries `nextAttemptAt = leaseExpiresAt`, so one index
 * (`by_status_and_next`) answers both "what is due" and "which lease expires next".
 */

/** How long a claim is exclusive. The bot extends leases of work still in flight. */
export const LEASE_MS = 60_000;
export const MAX_LEASE_MS = 5 * 60_000;
export const MAX_WORK_ITEMS = 200;
export const MAX_BATCH_IDS = 100;

const BASE_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Exponential backoff with jitter: 1 s, 2 s, 4 s … capped at 5 min, each drawn from [50 %, 100 %]
 * of the step so that a burst of failures (a 5xx storm) does not retry in lockstep. A server's
 * Retry-After wins when it is longer.
 */
export function backoffMs(attempts: number, random: number, retryAfterMs?: number): number {
  const step = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(step * (0.5 + random / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}

export function clampLeaseMs(leaseMs: number | undefined): number {
  if (leaseMs === undefined || !Number.isFinite(leaseMs)) return LEASE_MS;
  return Math.min(MAX_LEASE_MS, Math.max(5_000, Math.floor(leaseMs)));
}

export function clampLimit(limit: number | undefined, fallback = 100): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(MAX_WORK_ITEMS, Math.max(1, Math.floor(limit)));
}

type Leasable = {
  status: "pending" | "leased" | "done" | "failed";
  nextAttemptAt: number;
  leaseOwner?: string;
  leaseExpiresAt?: number;
};

/** Due pending work, an expired lease, or a lease the same owner already holds (re-claim). */
export function isClaimable(row: Leasable, owner: string, now: number): boolean {
  if (row.status === "pending") return row.nextAttemptAt <= now;
  if (row.status !== "leased") return false;
  return row.leaseOwner === owner || (row.leaseExpiresAt ?? 0) <= now;
}

export function holdsLease(row: Leasable, owner: string): boolean {
  return row.status === "leased" && row.leaseOwner === owner;
}

export const vErrorReport = v.object({
  kind: v.union(v.literal("transient"), v.literal("permanent")),
  message: v.string(),
  /** Discord's JSON error code or HTTP status, when there was one. */
  code: v.optional(v.number()),
  /** Discord's Retry-After, when it answered 429. */
  retryAfterMs: v.optional(v.number()),
});

export function describeError(report: { message: string; code?: number }): string {
  const message = report.message.slice(0, 500);
  return report.code === undefined ? message : `[${report.code}] ${message}`;
}

/**
 * The fields a failed attempt writes to a leased row of either queue: the lease ends; a transient
 * error retries after `backoffMs`, a permanent one parks the row as failed for the admin console.
 */
export function failedAttemptPatch(
  attempts: number,
  error: Infer<typeof vErrorReport>,
  now: number,
  random: number,
) {
  const permanent = error.kind === "permanent";
  return {
    status: permanent ? ("failed" as const) : ("pending" as const),
    attempts: attempts + 1,
    nextAttemptAt: permanent ? now : now + backoffMs(attempts + 1, random, error.retryAfterMs),
    lastError: describeError(error),
    errorKind: error.kind,
    leaseOwner: undefined,
    leaseExpiresAt: undefined,
  };
}
