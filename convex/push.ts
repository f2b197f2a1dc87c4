import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation, internalQuery } from "./_generated/server";
import { publicQuery, userMutation, userQuery } from "./functions";
import { accessibleTiers } from "./model/payments/access";
import { optionalEnv } from "./model/shared/env";
import { appError } from "./model/shared/errors";
import { checkSettingsInput, checkSubscriptionInput } from "./model/push/pushInput";
import { signalPushPayload, testPushPayload } from "./model/push/pushPayload";
import { selectRecipients, toTarget } from "./model/push/pushRecipients";
import {
  consumePushBudget,
  findByEndpoint,
  recordSendOutcomes,
  requireOwnSubscription,
  subscriptionsOf,
  upsertSubscription,
} from "./model/push/pushSubscriptions";
import { vPushFilters, vQuietHours } from "./tables/push";

// Web Push for new signals: the customer's devices and their filters (public, own rows only),
// and what the fan-out action (pushSend.ts) reads and writes (internal).

const vTarget = v.object({
  id: v.id("pushSubscriptions"),
  endpoint: v.string(),
  p256dh: v.string(),
  auth: v.string(),
});
const vSendOutcome = v.union(
  v.object({ id: v.id("pushSubscriptions"), result: v.literal("delivered") }),
  v.object({ id: v.id("pushSubscriptions"), result: v.literal("gone"), status: v.number() }),
  v.object({ id: v.id("pushSubscriptions"), result: v.literal("failed"), status: v.number() }),
);
const vDevice = v.object({
  id: v.id("pushSubscriptions"),
  endpoint: v.string(),
  filters: vPushFilters,
  quietHours: v.optional(vQuietHours),
  createdAt: v.number(),
  lastSuccessAt: v.optional(v.number()),
  failureCount: v.number(),
});

/** The VAPID public key browsers subscribe with (applicationServerKey); null when push is off. */
export const config = publicQuery({
  args: {},
  returns: v.object({ vapidPublicKey: v.union(v.string(), v.null()) }),
  handler: () => ({ vapidPublicKey: optionalEnv("VAPID_PUBLIC_KEY") ?? null }),
});

/** The viewer's devices and the tiers they may filter on (tiers they can read now). */
export const mine = userQuery({
  args: {},
  returns: v.object({
    devices: v.array(vDevice),
    tiers: v.array(v.object({ key: v.string(), name: v.string() })),
  }),
  handler: async (ctx) => {
    const { viewer } = ctx;
    const rows = await subscriptionsOf(ctx, viewer._id);
    const tierKeys = [...(await accessibleTiers(ctx, viewer._id, Date.now()))].sort();
    const tiers = [];
    for (const key of tierKeys) {
      const tier = await ctx.db
        .query("tiers")
        .withIndex("by_key", (q) => q.eq("key", key))
        .unique();
      tiers.push({ key, name: tier?.name ?? key });
    }
    return {
      devices: rows.map((row) => ({
        id: row._id,
        endpoint: row.endpoint,
        filters: row.filters,
        ...(row.quietHours === undefined ? {} : { quietHours: row.quietHours }),
        createdAt: row.createdAt,
        ...(row.lastSuccessAt === undefined ? {} : { lastSuccessAt: row.lastSuccessAt }),
        failureCount: row.failureCount,
      })),
      tiers,
    };
  },
});

/** Turns notifications on for this browser (or updates it). Members only; rate-limited; capped. */
export const subscribe = userMutation({
  args: {
    endpoint: v.string(),
    keys: v.object({ p256dh: v.string(), auth: v.string() }),
    filters: vPushFilters,
    quietHours: v.optional(vQuietHours),
  },
  returns: v.id("pushSubscriptions"),
  handler: async (ctx, { endpoint, keys, filters, quietHours }) => {
    const { viewer } = ctx;
    const tiers = await accessibleTiers(ctx, viewer._id, Date.now());
    if (tiers.size === 0) {
      throw appError("FORBIDDEN", "Notifications are for members: buy a plan to get them.");
    }
    const checked = checkSubscriptionInput({
      endpoint,
      p256dh: keys.p256dh,
      auth: keys.auth,
      filters,
      ...(quietHours === undefined ? {} : { quietHours }),
      accessibleTiers: tiers,
    });
    await consumePushBudget(ctx, viewer._id, "pushSubscriptionWrites");
    return upsertSubscription(ctx, viewer._id, {
      endpoint,
      p256dh: keys.p256dh,
      auth: keys.auth,
      filters: checked.filters,
      ...(quietHours === undefined ? {} : { quietHours }),
    });
  },
});

/** Changes one of the viewer's devices' filters and quiet hours (absent quietHours: none). */
export const updateSettings = userMutation({
  args: {
    subscriptionId: v.id("pushSubscriptions"),
    filters: vPushFilters,
    quietHours: v.optional(vQuietHours),
  },
  returns: v.null(),
  handler: async (ctx, { subscriptionId, filters, quietHours }) => {
    const { viewer } = ctx;
    const row = await requireOwnSubscription(ctx, viewer._id, subscriptionId);
    const tiers = await accessibleTiers(ctx, viewer._id, Date.now());
    const checked = checkSettingsInput({
      filters,
      ...(quietHours === undefined ? {} : { quietHours }),
      accessibleTiers: tiers,
    });
    await consumePushBudget(ctx, viewer._id, "pushSubscriptionWrites");
    await ctx.db.patch("pushSubscriptions", row._id, {
      filters: checked.filters,
      quietHours,
      updatedAt: Date.now(),
    });
    return null;
  },
});

/** Turns notifications off for a device of the viewer's (by its endpoint, which the browser knows). */
export const unsubscribe = userMutation({
  args: { endpoint: v.string() },
  returns: v.boolean(),
  handler: async (ctx, { endpoint }) => {
    const { viewer } = ctx;
    const row = await findByEndpoint(ctx, endpoint);
    if (row === null || row.userId !== viewer._id) return false;
    await consumePushBudget(ctx, viewer._id, "pushSubscriptionWrites");
    await ctx.db.delete("pushSubscriptions", row._id);
    return true;
  },
});

/** Sends a test notification (no signal content) to one of the viewer's devices. */
export const sendTest = userMutation({
  args: { subscriptionId: v.id("pushSubscriptions") },
  returns: v.null(),
  handler: async (ctx, { subscriptionId }) => {
    const { viewer } = ctx;
    await requireOwnSubscription(ctx, viewer._id, subscriptionId);
    await consumePushBudget(ctx, viewer._id, "pushTests");
    await ctx.scheduler.runAfter(0, internal.pushSend.sendTest, { subscriptionId });
    return null;
  },
});

/**
 * One page of the fan-out for a signal: the payload (null when the signal is gone or deleted)
 * and the devices on this page that should get it now.
 */
export const fanOutPage = internalQuery({
  args: { signalId: v.id("signals"), paginationOpts: paginationOptsValidator },
  returns: v.object({
    payload: v.union(v.string(), v.null()),
    targets: v.array(vTarget),
    continueCursor: v.string(),
    isDone: v.boolean(),
  }),
  handler: async (ctx, { signalId, paginationOpts }) => {
    const signal = await ctx.db.get("signals", signalId);
    if (signal === null || signal.deletedAt !== undefined) {
      return { payload: null, targets: [], continueCursor: "", isDone: true };
    }
    const page = await ctx.db.query("pushSubscriptions").paginate(paginationOpts);
    return {
      payload: JSON.stringify(signalPushPayload(signal)),
      targets: await selectRecipients(ctx, signal, page.page, Date.now()),
      continueCursor: page.continueCursor,
      isDone: page.isDone,
    };
  },
});

/** A retry's devices, chosen again now: access, filters and quiet hours may have changed. */
export const retryTargets = internalQuery({
  args: { signalId: v.id("signals"), subscriptionIds: v.array(v.id("pushSubscriptions")) },
  returns: v.object({ payload: v.union(v.string(), v.null()), targets: v.array(vTarget) }),
  handler: async (ctx, { signalId, subscriptionIds }) => {
    const signal = await ctx.db.get("signals", signalId);
    if (signal === null || signal.deletedAt !== undefined) return { payload: null, targets: [] };
    const rows = [];
    for (const id of subscriptionIds.slice(0, 100)) {
      const row = await ctx.db.get("pushSubscriptions", id);
      if (row !== null) rows.push(row);
    }
    return {
      payload: JSON.stringify(signalPushPayload(signal)),
      targets: await selectRecipients(ctx, signal, rows, Date.now()),
    };
  },
});

export const testTarget = internalQuery({
  args: { subscriptionId: v.id("pushSubscriptions") },
  returns: v.union(v.object({ payload: v.string(), target: vTarget }), v.null()),
  handler: async (ctx, { subscriptionId }) => {
    const row = await ctx.db.get("pushSubscriptions", subscriptionId);
    if (row === null) return null;
    return { payload: JSON.stringify(testPushPayload()), target: toTarget(row) };
  },
});

export const recordOutcomes = internalMutation({
  args: { outcomes: v.array(vSendOutcome) },
  returns: v.object({ pruned: v.number() }),
  handler: async (ctx, { outcomes }) => ({ pruned: await recordSendOutcomes(ctx, outcomes) }),
});
