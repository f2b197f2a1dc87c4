import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc } from "./_generated/dataModel";
import { internalMutation } from "./_generated/server";
import { writeAdminAudit, writeAudit } from "./model/shared/audit";
import { reconcileCustomer } from "./model/payments/reconcile";
import { pickPresent } from "./model/shared/pickPresent";
import { paymentTables, vWebhookStatus } from "./tables/payments";
import { adminMutation, adminQuery } from "./functions";
import { appError } from "./model/shared/errors";

/** Admin console for Sell.app webhook events: list, inspect, replay, reconcile. Admins only. */

const MAX_REPLAY_BATCH = 50;

/** What the admin list shows of an event: no raw body, headers, dedupe key or error stack. */
const SUMMARY_FIELDS = [
  "eventType",
  "status",
  "verification",
  "receivedAt",
  "processedAt",
  "attempts",
  "lastError",
  "rejectReason",
  "nextRetryAt",
  "orderId",
  "subscriptionId",
  "customerEmail",
  "duplicateOf",
  "bodyBytes",
  "source",
] as const;
const vEventSummary = paymentTables.webhookEvents.validator
  .pick(...SUMMARY_FIELDS)
  .extend({ id: v.id("webhookEvents") });

function summary(doc: Doc<"webhookEvents">) {
  return { id: doc._id, ...pickPresent(doc, SUMMARY_FIELDS) };
}

/** Newest first, optionally by status and/or event type (each combination has its index). */
export const list = adminQuery({
  args: {
    status: v.optional(vWebhookStatus),
    eventType: v.optional(v.string()),
    paginationOpts: paginationOptsValidator,
  },
  returns: paginationResultValidator(vEventSummary),
  handler: async (ctx, { status, eventType, paginationOpts }) => {
    const table = ctx.db.query("webhookEvents");
    const indexed =
      status !== undefined && eventType !== undefined
        ? table.withIndex("by_status_and_type", (q) =>
            q.eq("status", status).eq("eventType", eventType),
          )
        : status !== undefined
          ? table.withIndex("by_status", (q) => q.eq("status", status))
          : eventType !== undefined
            ? table.withIndex("by_type", (q) => q.eq("eventType", eventType))
            : table;
    const page = await indexed.order("desc").paginate(paginationOpts);
    return { ...page, page: page.page.map(summary) };
  },
});

/**
 * One event with the stored headers (never a secret) and its payload: the whole raw body of a
 * signed request, or only the excerpt and hash kept of an unverified one.
 */
export const get = adminQuery({
  args: { id: v.id("webhookEvents") },
  returns: v.union(
    v.null(),
    v.object({
      event: vEventSummary,
      rawBody: v.optional(v.string()),
      bodyExcerpt: v.optional(v.string()),
      bodySha256: v.optional(v.string()),
      headers: v.record(v.string(), v.string()),
      dedupeKey: v.optional(v.string()),
      lastErrorStack: v.optional(v.string()),
    }),
  ),
  handler: async (ctx, { id }) => {
    const doc = await ctx.db.get("webhookEvents", id);
    if (doc === null) return null;
    return {
      event: summary(doc),
      ...pickPresent(doc, ["rawBody", "bodyExcerpt", "bodySha256"] as const),
      headers: doc.headers,
      ...(doc.dedupeKey === undefined ? {} : { dedupeKey: doc.dedupeKey }),
      ...(doc.lastErrorStack === undefined ? {} : { lastErrorStack: doc.lastErrorStack }),
    };
  },
});

const vReplayResult = v.object({
  id: v.id("webhookEvents"),
  status: vWebhookStatus,
  error: v.optional(v.string()),
});

/**
 * Re-processes stored events now (the stored raw payload, not a new delivery). Idempotent: the
 * source is re-derived from all its events, so replaying a processed event changes nothing.
 * Rejected events (bad signature, malformed) and duplicates cannot be replayed.
 */
export const replay = adminMutation({
  args: { ids: v.array(v.id("webhookEvents")), reason: v.optional(v.string()) },
  returns: v.array(vReplayResult),
  handler: async (ctx, { ids, reason }) => {
    if (ids.length === 0 || ids.length > MAX_REPLAY_BATCH) {
      throw appError("BAD_REQUEST", `Replay between 1 and ${MAX_REPLAY_BATCH} events at a time.`);
    }
    const results = [];
    for (const id of new Set(ids)) {
      const before = await ctx.db.get("webhookEvents", id);
      if (before === null) throw appError("NOT_FOUND", `No event ${id}.`);
      if (before.status === "rejected" || before.status === "duplicate") {
        throw appError(
          "BAD_REQUEST",
          before.status === "rejected"
            ? `Event ${id} was rejected (${before.rejectReason ?? "unknown reason"}) and can never be applied; ask Sell.app to redeliver it.`
            : `Event ${id} is a duplicate; replay the original ${before.duplicateOf ?? ""} instead.`,
        );
      }
      await ctx.runMutation(internal.webhookEvents.processEvent, { eventId: id, force: true });
      const after = await ctx.db.get("webhookEvents", id);
      await writeAdminAudit(ctx, {
        action: "webhook.replay",
        targetType: "webhookEvent",
        targetId: id,
        ...(reason === undefined ? {} : { reason }),
        details: { from: before.status, to: after?.status ?? null },
      });
      results.push({
        id,
        status: after?.status ?? before.status,
        ...(after?.status === "failed" && after.lastError !== undefined
          ? { error: after.lastError }
          : {}),
      });
    }
    return results;
  },
});

const vReconcileResult = v.object({
  sources: v.number(),
  changed: v.number(),
  failures: v.array(v.object({ source: v.string(), error: v.string() })),
});

/** Re-derives one customer's entitlements from all their stored events (admin). */
export const reconcile = adminMutation({
  args: { customerId: v.id("customers") },
  returns: vReconcileResult,
  handler: async (ctx, { customerId }) => {
    const result = await reconcileCustomer(
      ctx,
      customerId,
      { type: "admin", userId: ctx.admin._id },
      Date.now(),
    );
    await writeAdminAudit(ctx, {
      action: "customer.reconcile",
      targetType: "customer",
      targetId: customerId,
      details: result,
    });
    return result;
  },
});

/** The same, for jobs and scripts. */
export const reconcileInternal = internalMutation({
  args: { customerId: v.id("customers") },
  returns: vReconcileResult,
  handler: async (ctx, { customerId }) => {
    const result = await reconcileCustomer(ctx, customerId, { type: "system" }, Date.now());
    await writeAudit(ctx, {
      actorType: "system",
      action: "customer.reconcile",
      targetType: "customer",
      targetId: customerId,
      details: result,
    });
    return result;
  },
});
