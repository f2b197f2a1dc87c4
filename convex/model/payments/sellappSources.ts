import {
  DEFAULT_SUBSCRIPTION_PERIOD_MS,
  deriveEntitlement,
  parseSellappBody,
  type ReducerEvent,
  type SellappEvent,
  type SellappLineItem,
  toReducerEvent,
} from "@g3/payments";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { type EntitlementActor, writeEntitlement } from "./entitlements";
import { tierByKey, tierKeyForLineItem, UnmappedProductError } from "./tierMapping";

/**
 * Re-derives the entitlements of one source (a Sell.app order or subscription) from ALL its stored
 * valid events with the pure reducer. Any delivery order, any replay, any duplicate ends in the same
 * rows: the simplest way to guarantee convergence.
 */

export type SourceRef = { source: "order" | "subscription"; sourceId: string };

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const MAX_EVENTS_PER_SOURCE = 500;
const COUNTED_STATUSES = new Set(["received", "processed", "failed"]);
/** Signed deliveries, and copies we read ourselves from Sell.app's API or an admin's order export. */
export const TRUSTED_VERIFICATIONS = new Set(["valid", "api", "import"]);

export type StoredSellappEvent = { doc: Doc<"webhookEvents">; event: SellappEvent };

/** Stored, verified, non-duplicate events of a source, parsed. */
export async function storedEventsOfSource(
  ctx: MutationCtx,
  ref: SourceRef,
): Promise<StoredSellappEvent[]> {
  const docs =
    ref.source === "subscription"
      ? await ctx.db
          .query("webhookEvents")
          .withIndex("by_subscription", (q) => q.eq("subscriptionId", ref.sourceId))
          .take(MAX_EVENTS_PER_SOURCE)
      : await ctx.db
          .query("webhookEvents")
          .withIndex("by_order", (q) => q.eq("orderId", ref.sourceId))
          .take(MAX_EVENTS_PER_SOURCE);
  const stored: StoredSellappEvent[] = [];
  for (const doc of docs) {
    if (!TRUSTED_VERIFICATIONS.has(doc.verification) || !COUNTED_STATUSES.has(doc.status)) continue;
    // An order that belongs to a subscription is counted under the subscription only.
    if (ref.source === "order" && doc.subscriptionId !== undefined) continue;
    if (doc.rawBody === undefined) throw new Error(`stored event ${doc._id} has no body`);
    const parsed = parseSellappBody(doc.rawBody);
    if (!parsed.ok) throw new Error(`stored event ${doc._id} no longer parses: ${parsed.reason}`);
    stored.push({ doc, event: parsed.event });
  }
  return stored;
}

/** Tier keys the source's events point at; throws UnmappedProductError for an unmapped product. */
async function tiersOfSource(
  ctx: MutationCtx,
  ref: SourceRef,
  events: readonly StoredSellappEvent[],
): Promise<string[]> {
  const keys = new Set<string>();
  let unmappedVariantOnly: SellappLineItem | undefined;
  for (const { event } of events) {
    for (const item of event.lineItems) {
      if (item.productId === undefined && item.variantId === undefined) continue;
      const key = await tierKeyForLineItem(ctx, item);
      if (key !== null) keys.add(key);
      else if (item.productId !== undefined) throw new UnmappedProductError(item);
      // Subscription objects name only a variant: an order of the same subscription may still
      // carry the product, so a variant-only miss fails only if nothing else maps.
      else unmappedVariantOnly ??= item;
    }
  }
  if (keys.size === 0 && unmappedVariantOnly !== undefined) {
    throw new UnmappedProductError(unmappedVariantOnly);
  }
  if (keys.size === 0) {
    // No line items anywhere (e.g. only a dispute so far): keep to the tiers already on record.
    const existing = await ctx.db
      .query("entitlements")
      .withIndex("by_source", (q) => q.eq("source", ref.source).eq("sourceId", ref.sourceId))
      .take(20);
    for (const row of existing) keys.add(row.tierKey);
  }
  return [...keys].sort();
}

export type RederiveResult = { tiers: string[]; changed: number };

export async function rederiveSource(
  ctx: MutationCtx,
  ref: SourceRef,
  customer: Doc<"customers">,
  actor: EntitlementActor,
  now: number,
): Promise<RederiveResult> {
  const stored = await storedEventsOfSource(ctx, ref);
  const tierKeys = await tiersOfSource(ctx, ref, stored);
  const reducerEvents: ReducerEvent[] = stored.map(({ doc, event }) =>
    toReducerEvent(event, doc.dedupeKey ?? doc._id, doc.receivedAt),
  );
  const existingRows = await ctx.db
    .query("entitlements")
    .withIndex("by_source", (q) => q.eq("source", ref.source).eq("sourceId", ref.sourceId))
    .take(20);

  let changed = 0;
  for (const tierKey of tierKeys) {
    const tier = await tierByKey(ctx, tierKey);
    if (tier === null) {
      throw new Error(
        `product mapping points at tier "${tierKey}", which does not exist — add it in admin ` +
          `(tiers.upsertTier), then replay the event`,
      );
    }
    const derived = deriveEntitlement(reducerEvents, {
      source: ref.source,
      ...(tier.orderAccessDays === undefined
        ? {}
        : { orderAccessMs: tier.orderAccessDays * DAY_MS }),
      subscriptionPeriodMs: DEFAULT_SUBSCRIPTION_PERIOD_MS,
      graceMs: tier.graceHours * HOUR_MS,
      now,
    });
    const existing = existingRows.find((row) => row.tierKey === tierKey) ?? null;
    if (derived === null) continue; // nothing granted or revoked yet (e.g. a pending subscription)
    if (existing?.adminRevoked === true) continue; // an admin's revoke outranks the events
    const customerId: Id<"customers"> = existing?.customerId ?? customer._id;
    const sameCustomer = existing === null || existing.customerId === customer._id;
    const userId = sameCustomer ? (customer.userId ?? existing?.userId) : existing.userId;
    const result = await writeEntitlement(ctx, {
      existing,
      customerId,
      tierKey,
      source: ref.source,
      sourceId: ref.sourceId,
      next: {
        status: derived.status,
        ...(userId === undefined ? {} : { userId }),
        ...(derived.accessUntil === undefined ? {} : { accessUntil: derived.accessUntil }),
        ...(derived.graceUntil === undefined ? {} : { graceUntil: derived.graceUntil }),
        ...(derived.revokedAt === undefined ? {} : { revokedAt: derived.revokedAt }),
        ...(derived.revokeReason === undefined ? {} : { reason: derived.revokeReason }),
      },
      actor,
      reason: `derived from ${stored.length} Sell.app event(s)`,
      details: { events: stored.map(({ doc }) => doc._id) },
      now,
    });
    if (result.changed) changed++;
  }

  if (ref.source === "subscription") {
    await upsertSubscription(ctx, ref.sourceId, customer, stored, tierKeys[0], now);
  }
  return { tiers: tierKeys, changed };
}

/** Keeps the subscriptions table (Sell.app's view of the subscription) current. */
async function upsertSubscription(
  ctx: MutationCtx,
  sellappSubscriptionId: string,
  customer: Doc<"customers">,
  stored: readonly StoredSellappEvent[],
  tierKey: string | undefined,
  now: number,
): Promise<void> {
  const subscriptionEvents = stored
    .filter(({ event }) => event.shape === "subscription")
    .sort(
      (a, b) => (a.event.occurredAt ?? a.doc.receivedAt) - (b.event.occurredAt ?? b.doc.receivedAt),
    );
  const latest = subscriptionEvents.at(-1)?.event;
  const periodEnd = subscriptionEvents.reduce<number | undefined>(
    (max, { event }) =>
      event.periodEnd === undefined ? max : Math.max(max ?? event.periodEnd, event.periodEnd),
    undefined,
  );
  const variantId = subscriptionEvents.find(({ event }) => event.lineItems[0]?.variantId)?.event
    .lineItems[0]?.variantId;
  const fields = {
    sellappSubscriptionId,
    customerId: customer._id,
    status: latest?.status ?? "UNKNOWN",
    ...(tierKey === undefined ? {} : { tierKey }),
    ...(variantId === undefined ? {} : { productVariantId: variantId }),
    ...(periodEnd === undefined ? {} : { currentPeriodEnd: periodEnd }),
    cancelAtPeriodEnd: subscriptionEvents.some(
      ({ event }) => event.eventType === "subscription.cancelled",
    ),
    updatedAt: now,
  };
  const existing = await ctx.db
    .query("subscriptions")
    .withIndex("by_sellapp_id", (q) => q.eq("sellappSubscriptionId", sellappSubscriptionId))
    .first();
  if (existing === null) await ctx.db.insert("subscriptions", fields);
  else await ctx.db.replace("subscriptions", existing._id, fields);
}
