import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import type { EntitlementStatus } from "../payments/entitlements";
import { weekStartOf } from "../shared/calendar";

/**
 * Members per tier, maintained by the one entitlement writer so the business overview reads a
 * handful of counter rows instead of every entitlement. A member of a tier is a customer with at
 * least one live entitlement there (an order and a subscription of the same tier count once).
 * "Live" is the stored status; a lapsed row stops counting when the expiry cron marks it expired.
 */

const LIVE_STATUSES: ReadonlySet<EntitlementStatus> = new Set(["active", "cancelling", "past_due"]);
export const MAX_ENTITLEMENTS_PER_CUSTOMER = 200;

export function isLiveStatus(status: EntitlementStatus): boolean {
  return LIVE_STATUSES.has(status);
}

export type MembershipWrite = {
  existing: Doc<"entitlements"> | null;
  /** The row as written (already in the database). */
  id: Id<"entitlements">;
  customerId: Id<"customers">;
  tierKey: string;
  nextStatus: EntitlementStatus;
  now: number;
};

/** Counts a join or a loss when this write changes whether the customer is a member of a tier. */
export async function rollUpMembership(ctx: MutationCtx, write: MembershipWrite): Promise<void> {
  const { existing, id, tierKey, now } = write;
  const wasLive = existing !== null && isLiveStatus(existing.status);
  const isLive = isLiveStatus(write.nextStatus);
  const movedTier = existing !== null && existing.tierKey !== tierKey;
  if (existing !== null && wasLive && (!isLive || movedTier)) {
    if (!(await hasOtherLiveEntitlement(ctx, existing.customerId, existing.tierKey, id))) {
      await countMember(ctx, existing.tierKey, -1, now);
    }
  }
  if (isLive && (!wasLive || movedTier)) {
    if (!(await hasOtherLiveEntitlement(ctx, write.customerId, tierKey, id))) {
      await countMember(ctx, tierKey, 1, now);
    }
  }
}

async function hasOtherLiveEntitlement(
  ctx: MutationCtx,
  customerId: Id<"customers">,
  tierKey: string,
  except: Id<"entitlements">,
): Promise<boolean> {
  const rows = await ctx.db
    .query("entitlements")
    .withIndex("by_customer", (q) => q.eq("customerId", customerId))
    .take(MAX_ENTITLEMENTS_PER_CUSTOMER);
  return rows.some(
    (row) => row._id !== except && row.tierKey === tierKey && isLiveStatus(row.status),
  );
}

async function countMember(
  ctx: MutationCtx,
  tierKey: string,
  delta: 1 | -1,
  now: number,
): Promise<void> {
  const counter = await ctx.db
    .query("memberCounts")
    .withIndex("by_tier", (q) => q.eq("tierKey", tierKey))
    .unique();
  // Never below zero: members who joined before the counters existed are not in them.
  const active = Math.max(0, (counter?.active ?? 0) + delta);
  if (counter === null) {
    await ctx.db.insert("memberCounts", { tierKey, active, updatedAt: now });
  } else {
    await ctx.db.patch("memberCounts", counter._id, { active, updatedAt: now });
  }
  const weekStart = weekStartOf(now);
  const week = await ctx.db
    .query("memberWeeks")
    .withIndex("by_week_and_tier", (q) => q.eq("weekStart", weekStart).eq("tierKey", tierKey))
    .unique();
  const joined = delta > 0 ? 1 : 0;
  const lost = delta < 0 ? 1 : 0;
  if (week === null) {
    await ctx.db.insert("memberWeeks", { weekStart, tierKey, joined, lost, activeAtEnd: active });
  } else {
    await ctx.db.patch("memberWeeks", week._id, {
      joined: week.joined + joined,
      lost: week.lost + lost,
      activeAtEnd: active,
    });
  }
}
