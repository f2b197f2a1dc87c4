import { parseSellappBody } from "@g3/payments";
import { v } from "convex/values";
import { tierKeyForLineItem } from "./model/payments/tierMapping";
import { adminQuery } from "./functions";

/**
 * Sell.app products that sold but map to no tier: the failed webhook events whose error is "no
 * tier mapped", grouped by product and variant, each with whether a mapping exists now (then the
 * events only need a replay). Admins only; reactive, so a new mapping shows at once.
 */

const MAX_FAILED_EVENTS = 100;
const UNMAPPED_ERROR_PREFIX = "no tier mapped";

const vUnmappedEvent = v.object({
  id: v.id("webhookEvents"),
  eventType: v.string(),
  receivedAt: v.number(),
  customerEmail: v.optional(v.string()),
  orderId: v.optional(v.string()),
});

export const list = adminQuery({
  args: {},
  returns: v.array(
    v.object({
      productId: v.optional(v.string()),
      variantId: v.optional(v.string()),
      /** The tier it maps to now (the events wait for a replay), or null. */
      mappedTo: v.union(v.string(), v.null()),
      events: v.array(vUnmappedEvent),
    }),
  ),
  handler: async (ctx) => {
    const failed = await ctx.db
      .query("webhookEvents")
      .withIndex("by_status", (q) => q.eq("status", "failed"))
      .order("desc")
      .take(MAX_FAILED_EVENTS);
    const groups = new Map<
      string,
      { productId?: string; variantId?: string; events: (typeof vUnmappedEvent.type)[] }
    >();
    for (const doc of failed) {
      if (!doc.lastError?.startsWith(UNMAPPED_ERROR_PREFIX) || doc.rawBody === undefined) continue;
      const parsed = parseSellappBody(doc.rawBody);
      if (!parsed.ok) continue;
      const seen = new Set<string>();
      for (const item of parsed.event.lineItems) {
        const key = `${item.productId ?? ""}/${item.variantId ?? ""}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const group = groups.get(key) ?? {
          ...(item.productId === undefined ? {} : { productId: item.productId }),
          ...(item.variantId === undefined ? {} : { variantId: item.variantId }),
          events: [],
        };
        group.events.push({
          id: doc._id,
          eventType: doc.eventType,
          receivedAt: doc.receivedAt,
          ...(doc.customerEmail === undefined ? {} : { customerEmail: doc.customerEmail }),
          ...(doc.orderId === undefined ? {} : { orderId: doc.orderId }),
        });
        groups.set(key, group);
      }
    }
    const rows = [];
    for (const group of groups.values()) {
      const mappedTo = await tierKeyForLineItem(ctx, {
        ...(group.productId === undefined ? {} : { productId: group.productId }),
        ...(group.variantId === undefined ? {} : { variantId: group.variantId }),
      });
      rows.push({ ...group, mappedTo });
    }
    return rows;
  },
});
