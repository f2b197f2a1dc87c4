import { defineTable } from "convex/server";
import { v } from "convex/values";

export const vVerification = v.union(
  v.literal("valid"),
  v.literal("invalid"),
  v.literal("missing"),
  v.literal("unchecked"), // no signing secret configured: could not be verified (answered 500)
  v.literal("api"), // not a delivery: read by us from Sell.app's API with our key (reconciliation, import)
  v.literal("import"), // not a delivery: a row of an order export an admin uploaded
);

export const vWebhookStatus = v.union(
  v.literal("received"), // stored, processing scheduled
  v.literal("processed"), // applied to entitlements
  v.literal("duplicate"), // same dedupe key seen before: acknowledged, not re-applied
  v.literal("ignored"), // valid but carries no access change (e.g. order.created)
  v.literal("rejected"), // bad signature, malformed, oversized: never applied
  v.literal("failed"), // processing threw; retried with backoff, then left for an admin
);

export const vEntitlementStatus = v.union(
  v.literal("active"),
  v.literal("cancelling"), // cancelled subscription: access until period end
  v.literal("past_due"), // failed renewal: access until grace end
  v.literal("revoked"), // dispute, refund, reversal or manual revoke
  v.literal("expired"),
);

export const vEntitlementSource = v.union(
  v.literal("order"),
  v.literal("subscription"),
  v.literal("manual"),
);

export const paymentTables = {
  /** A product tier (e.g. "vip"). Tiers gate channel mappings and carry the Discord paid role. */
  tiers: defineTable({
    key: v.string(),
    name: v.string(),
    /** Public pricing card: a sentence or two, the features listed, the price as shown. */
    description: v.optional(v.string()),
    features: v.optional(v.array(v.string())),
    priceLabel: v.optional(v.string()), // e.g. "$49 / month" (display only; Sell.app charges)
    /** Place on the pricing page, lowest first. */
    sortOrder: v.optional(v.number()),
    /** Off sale: hidden from pricing and purchase links; existing members keep their access. */
    retiredAt: v.optional(v.number()),
    discordRoleId: v.optional(v.string()),
    purchaseUrl: v.optional(v.string()),
    /** Days of access granted by a one-off order of this tier; absent = until revoked. */
    orderAccessDays: v.optional(v.number()),
    /** Grace after a failed renewal, in hours. */
    graceHours: v.number(),
  })
    .index("by_key", ["key"])
    .index("by_sort_order", ["sortOrder"]),

  /** Sell.app product / variant → tier. A variant-level row wins over a product-level row. */
  productTiers: defineTable({
    sellappProductId: v.string(),
    sellappVariantId: v.optional(v.string()),
    tierKey: v.string(),
  })
    .index("by_product_and_variant", ["sellappProductId", "sellappVariantId"])
    .index("by_variant", ["sellappVariantId"]),

  /** The paying party as Sell.app knows it; attached to a user once that user's email is verified. */
  customers: defineTable({
    email: v.string(), // lower-cased
    sellappCustomerId: v.optional(v.string()),
    externalId: v.optional(v.string()), // Sell.app customer.external_id (our user id when we set it)
    userId: v.optional(v.id("users")),
    disputed: v.optional(v.boolean()),
    flags: v.optional(v.array(v.string())), // e.g. "partial_payment"
  })
    .index("by_email", ["email"])
    .index("by_sellapp_customer", ["sellappCustomerId"])
    .index("by_user", ["userId"]),

  subscriptions: defineTable({
    sellappSubscriptionId: v.string(),
    customerId: v.id("customers"),
    status: v.string(), // Sell.app's raw status
    tierKey: v.optional(v.string()),
    productVariantId: v.optional(v.string()),
    currentPeriodEnd: v.optional(v.number()),
    cancelAtPeriodEnd: v.boolean(),
    updatedAt: v.number(),
  })
    .index("by_sellapp_id", ["sellappSubscriptionId"])
    .index("by_customer", ["customerId"]),

  /**
   * What a customer may access. One row per (customer, source) — an order or a subscription
   * or a manual grant. The access gate reads these; period end and grace are enforced at read time.
   */
  entitlements: defineTable({
    customerId: v.id("customers"),
    userId: v.optional(v.id("users")), // set when the customer is attached to a verified user
    tierKey: v.string(),
    source: vEntitlementSource,
    sourceId: v.string(), // Sell.app order id, subscription id, or "manual:<admin id>:<ms>" for manual grants
    status: vEntitlementStatus,
    accessUntil: v.optional(v.number()), // absent = no end
    graceUntil: v.optional(v.number()),
    revokedAt: v.optional(v.number()),
    reason: v.optional(v.string()),
    /** Revoked by an admin: re-deriving the source from webhook events never re-activates it. */
    adminRevoked: v.optional(v.boolean()),
    updatedAt: v.number(),
  })
    .index("by_user_and_tier", ["userId", "tierKey"])
    .index("by_customer", ["customerId"])
    .index("by_source", ["source", "sourceId"])
    .index("by_status_and_access_until", ["status", "accessUntil"])
    .index("by_status_and_grace_until", ["status", "graceUntil"]),

  /**
   * Every webhook request, stored before it is answered — an unverified one (no or a wrong
   * signature, oversized, no secret configured) only within its rate limit and only as a bounded
   * record (excerpt, length, hash); over the limit it is counted in webhookRejectionWindows.
   */
  webhookEvents: defineTable({
    provider: v.literal("sellapp"),
    eventType: v.string(), // "unknown" when it could not be read
    dedupeKey: v.optional(v.string()),
    /** The whole body, for requests with a valid signature only (never held past the size cap). */
    rawBody: v.optional(v.string()),
    /** Unverified requests: the first bytes of the body (fixed size), never the whole of it. */
    bodyExcerpt: v.optional(v.string()),
    /** Unverified requests: SHA-256 (hex) of the bytes held — the whole body, or the first cap bytes. */
    bodySha256: v.optional(v.string()),
    bodyBytes: v.number(),
    headers: v.record(v.string(), v.string()), // only the headers that matter; never the secret
    /** Unverified requests: who sent it, as far as we can tell (docs/security.md). */
    source: v.optional(v.string()),
    verification: vVerification,
    status: vWebhookStatus,
    rejectReason: v.optional(v.string()),
    attempts: v.number(),
    lastError: v.optional(v.string()),
    lastErrorStack: v.optional(v.string()),
    nextRetryAt: v.optional(v.number()),
    receivedAt: v.number(),
    processedAt: v.optional(v.number()),
    orderId: v.optional(v.string()),
    subscriptionId: v.optional(v.string()),
    customerEmail: v.optional(v.string()),
    /** For status "duplicate": the event first stored under the same dedupe key. */
    duplicateOf: v.optional(v.id("webhookEvents")),
  })
    .index("by_dedupe_key", ["dedupeKey"])
    // Kept beside by_status_and_type for its order: newest first within a status (admin list, retry sweep).
    // eslint-disable-next-line @convex-dev/no-duplicate-indexes
    .index("by_status", ["status"])
    .index("by_status_and_type", ["status", "eventType"])
    .index("by_status_and_next_retry", ["status", "nextRetryAt"])
    .index("by_type", ["eventType"])
    .index("by_customer_email", ["customerEmail"])
    .index("by_order", ["orderId"])
    .index("by_subscription", ["subscriptionId"]),

  /**
   * Unverified webhook requests over the rate limit, counted instead of stored: one row per hour
   * window and shard (a few shards so a flood does not serialise on one document).
   */
  webhookRejectionWindows: defineTable({
    provider: v.literal("sellapp"),
    windowStart: v.number(),
    shard: v.number(),
    count: v.number(),
    bytes: v.number(),
    /** Count per reason ("missing", "invalid", "unchecked", "oversized"). */
    byReason: v.record(v.string(), v.number()),
    /** Count per limit that refused ("source", "global"). */
    byLimit: v.record(v.string(), v.number()),
    /** Up to a few distinct sources seen, for a first look. */
    sampleSources: v.array(v.string()),
    firstAt: v.number(),
    lastAt: v.number(),
  }).index("by_window_and_shard", ["windowStart", "shard"]),
};
