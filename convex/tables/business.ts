import { defineTable } from "convex/server";
import { v } from "convex/values";

/** The owner-edited texts and links of the public site (never HTML: rendered as plain text). */
export const vSiteSettingKey = v.union(
  v.literal("terms"),
  v.literal("privacy"),
  v.literal("contact"),
  v.literal("customerPortalUrl"),
  /** Hours before a closed trade shows in the public track record (TRACK_RECORD_DELAY_HOURS when unset). */
  v.literal("trackRecordDelayHours"),
);

/** One month's revenue in one currency: a `revenueMonths` row, and a row of the business overview. */
export const revenueMonthFields = {
  month: v.string(), // "2026-01"
  currency: v.string(),
  grossCents: v.number(),
  refundedCents: v.number(),
  payments: v.number(),
  refunds: v.number(),
  disputes: v.number(),
};

export const businessTables = {
  /** One row per setting; the admin console writes them, public pages read them by key. */
  siteSettings: defineTable({
    key: vSiteSettingKey,
    value: v.string(),
    updatedAt: v.number(),
  }).index("by_key", ["key"]),

  /**
   * One row per Sell.app order that was paid (or refunded, disputed), from the stored webhooks:
   * the customer's payment history and the source of the revenue rollup. Each stamp is set once,
   * so a redelivered or replayed event never counts twice.
   */
  payments: defineTable({
    orderId: v.string(),
    customerId: v.id("customers"),
    /** Absent when the payload carried no readable total. */
    amountCents: v.optional(v.number()),
    currency: v.optional(v.string()),
    tierKeys: v.array(v.string()),
    /** When the money came in (or, for an order first seen refunded, when it was refunded). */
    paidAt: v.number(),
    refundedAt: v.optional(v.number()),
    disputedAt: v.optional(v.number()),
    updatedAt: v.number(),
  })
    .index("by_order", ["orderId"])
    .index("by_customer_and_paid_at", ["customerId", "paidAt"]),

  /** Revenue per calendar month (UTC) and currency, maintained as payments are recorded. */
  revenueMonths: defineTable(revenueMonthFields).index("by_month_and_currency", [
    "month",
    "currency",
  ]),

  /** Members per tier now: customers with at least one live (active, cancelling, past-due) entitlement. */
  memberCounts: defineTable({
    tierKey: v.string(),
    active: v.number(),
    updatedAt: v.number(),
  }).index("by_tier", ["tierKey"]),

  /** Members who joined and left per tier and ISO week (Monday 00:00 UTC), and the count at its end. */
  memberWeeks: defineTable({
    weekStart: v.number(),
    tierKey: v.string(),
    joined: v.number(),
    lost: v.number(),
    activeAtEnd: v.number(),
  }).index("by_week_and_tier", ["weekStart", "tierKey"]),

  /**
   * Runs of the members-per-tier recount (convex/membershipBackfill.ts): entitlements written
   * before the counters existed were never counted. Pages through customers with a cursor; the
   * tally (one entry per tier) replaces memberCounts only if no membership changed meanwhile.
   */
  membershipBackfills: defineTable({
    status: v.union(v.literal("running"), v.literal("done"), v.literal("failed")),
    /** Start of the current pass: a counter changed after it means the tally may be stale. */
    passStartedAt: v.number(),
    pass: v.number(),
    pageSize: v.number(),
    /** Pagination cursor over customers; null before the first page. */
    cursor: v.union(v.string(), v.null()),
    customersSeen: v.number(),
    tally: v.array(v.object({ tierKey: v.string(), members: v.number() })),
    /** Per tier when done: the counter before and after the recount. */
    applied: v.optional(
      v.array(v.object({ tierKey: v.string(), before: v.number(), after: v.number() })),
    ),
    error: v.optional(v.string()),
    updatedAt: v.number(),
  }).index("by_status", ["status"]),
};
