import { v } from "convex/values";
import type { Doc } from "./_generated/dataModel";
import { internalMutation } from "./_generated/server";
import { entitlementGrantsAccess } from "./model/payments/access";
import { sameRow, stateOf, writeEntitlement } from "./model/payments/entitlements";
import { purchaseUrlOnSale } from "./model/payments/tierMapping";
import { vEntitlementSource, vEntitlementStatus } from "./tables/payments";
import { viewerQuery } from "./functions";

const MAX_TIERS = 50;
const MAX_ENTITLEMENTS = 100;
const EXPIRY_BATCH = 100;

const vTierAccess = v.object({
  tierKey: v.string(),
  name: v.string(),
  purchaseUrl: v.optional(v.string()),
  hasAccess: v.boolean(),
  /** The most favourable entitlement for this tier, if any. */
  status: v.optional(vEntitlementStatus),
  source: v.optional(vEntitlementSource),
  accessUntil: v.optional(v.number()),
  graceUntil: v.optional(v.number()),
});

/** Ranks entitlements of one tier: access first, then the latest end. */
function better(a: Doc<"entitlements">, b: Doc<"entitlements">, now: number): boolean {
  const accessA = entitlementGrantsAccess(a, now);
  const accessB = entitlementGrantsAccess(b, now);
  if (accessA !== accessB) return accessA;
  return (a.accessUntil ?? Infinity) > (b.accessUntil ?? Infinity);
}

/**
 * The signed-in user's access summary for the account page: every tier with whether the user can
 * read it now (the access gate's rule), the status and period end / grace of their best entitlement,
 * and the tier's purchase URL. Null when signed out.
 */
export const mine = viewerQuery({
  args: {},
  returns: v.union(
    v.null(),
    v.object({
      emailVerified: v.boolean(),
      /** Payments under the user's email wait for a verified email before they attach. */
      needsEmailVerification: v.boolean(),
      tiers: v.array(vTierAccess),
    }),
  ),
  handler: async (ctx) => {
    const { viewer } = ctx;
    if (viewer === null) return null;
    const now = Date.now();
    const entitlements = await ctx.db
      .query("entitlements")
      .withIndex("by_user_and_tier", (q) => q.eq("userId", viewer._id))
      .take(MAX_ENTITLEMENTS);
    const best = new Map<string, Doc<"entitlements">>();
    for (const entitlement of entitlements) {
      const current = best.get(entitlement.tierKey);
      if (current === undefined || better(entitlement, current, now)) {
        best.set(entitlement.tierKey, entitlement);
      }
    }
    const tiers = await ctx.db.query("tiers").take(MAX_TIERS);
    let needsEmailVerification = false;
    if (!viewer.emailVerified && viewer.email !== undefined) {
      const pending = await ctx.db
        .query("customers")
        .withIndex("by_email", (q) => q.eq("email", viewer.email?.trim().toLowerCase() ?? ""))
        .first();
      needsEmailVerification = pending !== null && pending.userId === undefined;
    }
    return {
      emailVerified: viewer.emailVerified,
      needsEmailVerification,
      tiers: tiers.map((tier) => {
        const entitlement = best.get(tier.key);
        const purchaseUrl = purchaseUrlOnSale(tier); // none for a retired tier
        return {
          tierKey: tier.key,
          name: tier.name,
          ...(purchaseUrl === undefined ? {} : { purchaseUrl }),
          hasAccess: entitlement !== undefined && entitlementGrantsAccess(entitlement, now),
          ...(entitlement === undefined
            ? {}
            : {
                status: entitlement.status,
                source: entitlement.source,
                ...(entitlement.accessUntil === undefined
                  ? {}
                  : { accessUntil: entitlement.accessUntil }),
                ...(entitlement.graceUntil === undefined
                  ? {}
                  : { graceUntil: entitlement.graceUntil }),
              }),
        };
      }),
    };
  },
});

/**
 * Cron: marks lapsed entitlements "expired" so subscribers re-run and role sync sees the change.
 * The access gate already refuses them at read time; this makes the state explicit.
 */
export const expireLapsed = internalMutation({
  args: { now: v.optional(v.number()) },
  returns: v.object({ expired: v.number() }),
  handler: async (ctx, args) => {
    const now = args.now ?? Date.now();
    const lapsed: Doc<"entitlements">[] = [];
    for (const status of ["active", "cancelling"] as const) {
      lapsed.push(
        ...(await ctx.db
          .query("entitlements")
          .withIndex("by_status_and_access_until", (q) =>
            q.eq("status", status).gte("accessUntil", 0).lte("accessUntil", now),
          )
          .take(EXPIRY_BATCH)),
      );
    }
    lapsed.push(
      ...(await ctx.db
        .query("entitlements")
        .withIndex("by_status_and_grace_until", (q) =>
          q.eq("status", "past_due").gte("graceUntil", 0).lte("graceUntil", now),
        )
        .take(EXPIRY_BATCH)),
    );
    for (const entitlement of lapsed) {
      await writeEntitlement(ctx, {
        ...sameRow(entitlement),
        next: { ...stateOf(entitlement), status: "expired" },
        actor: { type: "system" },
        reason: entitlement.status === "past_due" ? "grace period ended" : "period ended",
        now,
      });
    }
    return { expired: lapsed.length };
  },
});
