import { internal } from "../../_generated/api";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { entitlementGrantsAccess } from "../payments/access";
import type { EntitlementState } from "../payments/entitlements";
import { type LifecycleEmailKind, utcDay } from "./lifecycleEmailPolicy";
import { isLiveStatus } from "../business/membershipRollup";

/**
 * Queues lifecycle emails from inside a mutation; the sending happens in a scheduled internal
 * action (convex/lifecycleEmails.ts), never in the mutation. The key makes each (user, kind,
 * period) one email, however often the same change is written or the cron runs.
 */

export type QueuedEmail = {
  userId: Id<"users">;
  kind: LifecycleEmailKind;
  tierKey: string;
  /** What makes two emails of a kind the same one (a day, a period end, a grace end). */
  period: string;
  accessUntil?: number;
  now: number;
};

export function lifecycleEmailKey(email: Pick<QueuedEmail, "userId" | "kind" | "period">): string {
  return `${email.userId}:${email.kind}:${email.period}`;
}

/** Returns whether a new email was queued (false: this key was queued before). */
export async function queueLifecycleEmail(ctx: MutationCtx, email: QueuedEmail): Promise<boolean> {
  const key = lifecycleEmailKey(email);
  const existing = await ctx.db
    .query("lifecycleEmails")
    .withIndex("by_key", (q) => q.eq("key", key))
    .first();
  if (existing !== null) return false;
  const emailId = await ctx.db.insert("lifecycleEmails", {
    key,
    userId: email.userId,
    kind: email.kind,
    tierKey: email.tierKey,
    ...(email.accessUntil === undefined ? {} : { accessUntil: email.accessUntil }),
    status: "queued",
    queuedAt: email.now,
  });
  await ctx.scheduler.runAfter(0, internal.lifecycleEmails.send, { emailId });
  return true;
}

const MAX_USER_TIER_ROWS = 50;

/** Whether the user reads the tier through some entitlement other than `except`. */
async function hasOtherAccess(
  ctx: MutationCtx,
  userId: Id<"users">,
  tierKey: string,
  except: Id<"entitlements">,
  now: number,
): Promise<boolean> {
  const rows = await ctx.db
    .query("entitlements")
    .withIndex("by_user_and_tier", (q) => q.eq("userId", userId).eq("tierKey", tierKey))
    .take(MAX_USER_TIER_ROWS);
  return rows.some((row) => row._id !== except && entitlementGrantsAccess(row, now));
}

export type EntitlementChange = {
  existing: Doc<"entitlements"> | null;
  id: Id<"entitlements">;
  tierKey: string;
  next: EntitlementState;
  now: number;
};

/**
 * The emails one entitlement write causes (called by writeEntitlement after a real change):
 * - access granted: a user starts holding the tier (new row, re-activated, or attached to them)
 *   and held it through no other row — once per user, tier and day;
 * - payment failed: the row enters past_due — once per grace period;
 * - access ended: a user who held the tier through this row no longer does, and holds it through
 *   no other row — once per user, tier and day.
 * "Holds" is the stored status here (an expiry is written by the cron when the period ends).
 */
export async function queueEmailsForEntitlementChange(
  ctx: MutationCtx,
  change: EntitlementChange,
): Promise<void> {
  const { existing, id, next, now } = change;
  const before =
    existing !== null && existing.userId !== undefined && isLiveStatus(existing.status)
      ? { userId: existing.userId, tierKey: existing.tierKey }
      : null;
  const after =
    next.userId !== undefined && isLiveStatus(next.status)
      ? { userId: next.userId, tierKey: change.tierKey }
      : null;
  const sameHolder =
    before !== null &&
    after !== null &&
    before.userId === after.userId &&
    before.tierKey === after.tierKey;

  if (after !== null && !sameHolder) {
    if (!(await hasOtherAccess(ctx, after.userId, after.tierKey, id, now))) {
      await queueLifecycleEmail(ctx, {
        userId: after.userId,
        kind: "access_granted",
        tierKey: after.tierKey,
        period: `${after.tierKey}:${utcDay(now)}`,
        ...(next.accessUntil === undefined ? {} : { accessUntil: next.accessUntil }),
        now,
      });
    }
  }
  if (
    after !== null &&
    next.status === "past_due" &&
    (existing?.status !== "past_due" || !sameHolder)
  ) {
    await queueLifecycleEmail(ctx, {
      userId: after.userId,
      kind: "payment_failed",
      tierKey: after.tierKey,
      period: `${id}:${next.graceUntil ?? "no-grace"}`,
      ...(next.graceUntil === undefined ? {} : { accessUntil: next.graceUntil }),
      now,
    });
  }
  if (before !== null && !sameHolder) {
    if (!(await hasOtherAccess(ctx, before.userId, before.tierKey, id, now))) {
      await queueLifecycleEmail(ctx, {
        userId: before.userId,
        kind: "access_ended",
        tierKey: before.tierKey,
        period: `${before.tierKey}:${utcDay(now)}`,
        now,
      });
    }
  }
}
