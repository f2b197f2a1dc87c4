import { defineTable } from "convex/server";
import { v } from "convex/values";
import { vSide } from "./signals";

/** Which new signals a device is notified of; empty lists mean "all". */
export const vPushFilters = v.object({
  /** Tiers to hear from (each re-checked against the user's access at send time); [] = every tier the user can read. */
  tierKeys: v.array(v.string()),
  /** "BTC/USDT" or "BTC" (base only matches any quote); [] = every pair. */
  pairs: v.array(v.string()),
  /** [] or both = either side; one side also drops signals that have none (notes). */
  sides: v.array(vSide),
});

/** No pushes from `start` to `end` (minutes after local midnight in `timeZone`; may wrap midnight). */
export const vQuietHours = v.object({
  start: v.number(),
  end: v.number(),
  timeZone: v.string(),
});

export const pushTables = {
  /**
   * One row per browser push subscription (a device), owned by one user. The endpoint is the push
   * service's URL for that device and unique: a browser that subscribes again under another
   * account moves the row. Written only through model/push/pushSubscriptions.ts.
   */
  pushSubscriptions: defineTable({
    userId: v.id("users"),
    endpoint: v.string(),
    /** RFC 8291 keys from PushSubscription.getKey: the device's P-256 public key and auth secret. */
    p256dh: v.string(),
    auth: v.string(),
    filters: vPushFilters,
    quietHours: v.optional(vQuietHours),
    createdAt: v.number(),
    updatedAt: v.number(),
    lastSuccessAt: v.optional(v.number()),
    /** Consecutive failed sends (reset by a success); 404/410 delete the row instead. */
    failureCount: v.number(),
    lastFailureAt: v.optional(v.number()),
    lastFailureStatus: v.optional(v.number()),
  })
    .index("by_endpoint", ["endpoint"])
    .index("by_user", ["userId"]),
};
