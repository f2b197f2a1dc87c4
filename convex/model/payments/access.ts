import type { Doc, Id } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";

/**
 * The access gate: the one place that decides whether a user may read a tier's signals.
 * Every feed query and role sync goes through it. Period end and grace are enforced here, at read
 * time, so access ends on time even if no cron has run since (the `expire lapsed entitlements` cron
 * then marks the rows "expired" so subscribers re-run). Only rows attached to a user count: a payment
 * under an unverified email stays pending (see model/payments/customers.ts). Rows are written only by
 * model/payments/entitlements.ts `writeEntitlement`.
 */
export function entitlementGrantsAccess(
  entitlement: Pick<Doc<"entitlements">, "status" | "accessUntil" | "graceUntil">,
  now: number,
): boolean {
  switch (entitlement.status) {
    case "revoked":
    case "expired":
      return false;
    case "active":
    case "cancelling":
      return entitlement.accessUntil === undefined || now < entitlement.accessUntil;
    case "past_due":
      return entitlement.graceUntil !== undefined && now < entitlement.graceUntil;
  }
}

/** Tiers the user may read now. Bounded: a user holds a handful of entitlements at most. */
export async function accessibleTiers(
  ctx: QueryCtx,
  userId: Id<"users">,
  now: number,
): Promise<Set<string>> {
  const entitlements = await ctx.db
    .query("entitlements")
    .withIndex("by_user_and_tier", (q) => q.eq("userId", userId))
    .take(100);
  return new Set(entitlements.filter((e) => entitlementGrantsAccess(e, now)).map((e) => e.tierKey));
}

export async function hasAccess(
  ctx: QueryCtx,
  userId: Id<"users">,
  tierKey: string,
  now: number,
): Promise<boolean> {
  const entitlements = await ctx.db
    .query("entitlements")
    .withIndex("by_user_and_tier", (q) => q.eq("userId", userId).eq("tierKey", tierKey))
    .take(100);
  return entitlements.some((e) => entitlementGrantsAccess(e, now));
}

/**
 * When the user's access to the tier ends on its own (period end or end of grace) if nothing
 * changes: the latest end among the entitlements granting it now. Infinity when one has no end;
 * `now` when there is none. A live pass outliving this gets its tier's epoch bumped then.
 */
export async function accessEndsAt(
  ctx: QueryCtx,
  userId: Id<"users">,
  tierKey: string,
  now: number,
): Promise<number> {
  const entitlements = await ctx.db
    .query("entitlements")
    .withIndex("by_user_and_tier", (q) => q.eq("userId", userId).eq("tierKey", tierKey))
    .take(100);
  let end = now;
  for (const e of entitlements) {
    if (!entitlementGrantsAccess(e, now)) continue;
    const until = e.status === "past_due" ? e.graceUntil : e.accessUntil;
    end = Math.max(end, until ?? Infinity);
  }
  return end;
}
