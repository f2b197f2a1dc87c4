import { v } from "convex/values";
import type { Doc } from "./_generated/dataModel";
import { type QueryCtx } from "./_generated/server";
import { siteSetting } from "./model/business/siteSettings";
import { tierByKey } from "./model/payments/tierMapping";
import { viewerQuery } from "./functions";

/**
 * The signed-in customer's billing for the account page: their own payments (from the stored
 * webhooks, through the customers attached to them), their subscriptions' renewal dates and the
 * store's customer portal. Whose it is comes from the verified identity only. Null signed out.
 */

const MAX_CUSTOMERS = 20;
const MAX_PAYMENTS = 50;
const MAX_SUBSCRIPTIONS = 20;

const vPayment = v.object({
  orderId: v.string(),
  amountCents: v.optional(v.number()),
  currency: v.optional(v.string()),
  tiers: v.array(v.string()),
  paidAt: v.number(),
  refundedAt: v.optional(v.number()),
  disputedAt: v.optional(v.number()),
});

const vSubscription = v.object({
  tier: v.optional(v.string()),
  status: v.string(),
  currentPeriodEnd: v.optional(v.number()),
  cancelAtPeriodEnd: v.boolean(),
});

export const mine = viewerQuery({
  args: {},
  returns: v.union(
    v.null(),
    v.object({
      customerPortalUrl: v.optional(v.string()),
      payments: v.array(vPayment),
      subscriptions: v.array(vSubscription),
    }),
  ),
  handler: async (ctx) => {
    const { viewer } = ctx;
    if (viewer === null) return null;
    const customers = await ctx.db
      .query("customers")
      .withIndex("by_user", (q) => q.eq("userId", viewer._id))
      .take(MAX_CUSTOMERS);
    const names = tierNames(ctx);
    const payments: Doc<"payments">[] = [];
    const subscriptions: (typeof vSubscription.type)[] = [];
    for (const customer of customers) {
      payments.push(
        ...(await ctx.db
          .query("payments")
          .withIndex("by_customer_and_paid_at", (q) => q.eq("customerId", customer._id))
          .order("desc")
          .take(MAX_PAYMENTS)),
      );
      const rows = await ctx.db
        .query("subscriptions")
        .withIndex("by_customer", (q) => q.eq("customerId", customer._id))
        .take(MAX_SUBSCRIPTIONS);
      for (const row of rows) {
        const tier = row.tierKey === undefined ? undefined : await names(row.tierKey);
        subscriptions.push({
          ...(tier === undefined ? {} : { tier }),
          status: row.status,
          ...(row.currentPeriodEnd === undefined ? {} : { currentPeriodEnd: row.currentPeriodEnd }),
          cancelAtPeriodEnd: row.cancelAtPeriodEnd,
        });
      }
    }
    payments.sort((a, b) => b.paidAt - a.paidAt);
    const portal = await siteSetting(ctx, "customerPortalUrl");
    return {
      ...(portal === null ? {} : { customerPortalUrl: portal.value }),
      payments: await Promise.all(
        payments.slice(0, MAX_PAYMENTS).map(async (payment) => ({
          orderId: payment.orderId,
          ...(payment.amountCents === undefined ? {} : { amountCents: payment.amountCents }),
          ...(payment.currency === undefined ? {} : { currency: payment.currency }),
          tiers: await Promise.all(payment.tierKeys.map(names)),
          paidAt: payment.paidAt,
          ...(payment.refundedAt === undefined ? {} : { refundedAt: payment.refundedAt }),
          ...(payment.disputedAt === undefined ? {} : { disputedAt: payment.disputedAt }),
        })),
      ),
      subscriptions: subscriptions.slice(0, MAX_SUBSCRIPTIONS),
    };
  },
});

/** Tier key → display name, each tier read once. */
function tierNames(ctx: QueryCtx): (key: string) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (key) => {
    let name = cache.get(key);
    if (name === undefined) {
      name = tierByKey(ctx, key).then((tier) => tier?.name ?? key);
      cache.set(key, name);
    }
    return name;
  };
}
