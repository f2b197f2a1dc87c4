import { nextRetryDelayMs } from "@g3/payments";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { internalMutation, type MutationCtx } from "./_generated/server";
import { applyWebhookEvent } from "./model/payments/webhookProcessing";
import { vVerification } from "./tables/payments";

/**
 * Storage and processing of Sell.app webhook deliveries. `record` runs inside the HTTP request,
 * before the response (store first); `processEvent` runs from the scheduler, the retry cron and admin
 * replay. Processing happens in a sub-transaction (`applyEvent`), so a failure rolls its writes back
 * and only the failure itself (error, stack, attempts, next retry) is committed.
 */

const STALE_RECEIVED_MS = 5 * 60_000;
const RETRY_BATCH = 25;

function log(level: "info" | "warn" | "error", event: string, fields: Record<string, unknown>) {
  const line = JSON.stringify({ level, event, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

export const vRecordArgs = {
  rawBody: v.string(),
  bodyBytes: v.number(),
  headers: v.record(v.string(), v.string()),
  verification: vVerification,
  accepted: v.boolean(),
  rejectReason: v.optional(v.string()),
  eventType: v.string(),
  dedupeKey: v.optional(v.string()),
  orderId: v.optional(v.string()),
  subscriptionId: v.optional(v.string()),
  customerEmail: v.optional(v.string()),
  receivedAt: v.number(),
};

/** Stores one delivery. Accepted events are deduplicated and their processing is scheduled. */
export const record = internalMutation({
  args: vRecordArgs,
  returns: v.object({ id: v.id("webhookEvents"), duplicate: v.boolean() }),
  handler: async (ctx, args) => {
    const { accepted, ...fields } = args;
    const base = { provider: "sellapp" as const, ...fields, attempts: 0 };
    if (!accepted) {
      const { dedupeKey: _ignored, ...rejected } = base;
      const id = await ctx.db.insert("webhookEvents", { ...rejected, status: "rejected" });
      return { id, duplicate: false };
    }
    if (args.dedupeKey !== undefined) {
      const original = await ctx.db
        .query("webhookEvents")
        .withIndex("by_dedupe_key", (q) => q.eq("dedupeKey", args.dedupeKey))
        .first();
      if (original !== null) {
        const id = await ctx.db.insert("webhookEvents", {
          ...base,
          status: "duplicate",
          duplicateOf: original._id,
        });
        return { id, duplicate: true };
      }
    }
    const id = await ctx.db.insert("webhookEvents", { ...base, status: "received" });
    await ctx.scheduler.runAfter(0, internal.webhookEvents.processEvent, { eventId: id });
    return { id, duplicate: false };
  },
});

/** The processing body, in its own sub-transaction. Throws to roll back. */
export const applyEvent = internalMutation({
  args: { eventId: v.id("webhookEvents") },
  returns: v.object({
    status: v.union(v.literal("processed"), v.literal("ignored")),
    note: v.optional(v.string()),
  }),
  handler: async (ctx, { eventId }) => {
    const doc = await ctx.db.get("webhookEvents", eventId);
    if (doc === null) throw new Error(`webhook event ${eventId} not found`);
    const now = Date.now();
    const outcome = await applyWebhookEvent(ctx, doc, now);
    await ctx.db.patch("webhookEvents", eventId, {
      status: outcome.status,
      processedAt: now,
      attempts: doc.attempts + 1,
      lastError: undefined,
      lastErrorStack: undefined,
      nextRetryAt: undefined,
    });
    return outcome;
  },
});

export type ProcessResult = {
  status: "processed" | "ignored" | "failed" | "skipped";
  error?: string;
};

/**
 * Processes (or re-processes, with `force`) one stored event. Never throws for a processing error:
 * the failure is recorded on the event with the next retry time (1 m, 5 m, 30 m, 2 h, 12 h, then
 * left failed for an admin). Rejected and duplicate events are never processed.
 */
export async function processStoredEvent(
  ctx: MutationCtx,
  eventId: Id<"webhookEvents">,
  force: boolean,
): Promise<ProcessResult> {
  const doc = await ctx.db.get("webhookEvents", eventId);
  if (doc === null || doc.status === "rejected" || doc.status === "duplicate") {
    return { status: "skipped" };
  }
  if (!force && doc.status !== "received" && doc.status !== "failed") return { status: "skipped" };
  try {
    const outcome = await ctx.runMutation(internal.webhookEvents.applyEvent, { eventId });
    log("info", "sellapp.webhook.processed", {
      eventId,
      eventType: doc.eventType,
      status: outcome.status,
      note: outcome.note,
    });
    return { status: outcome.status };
  } catch (error) {
    const attempts = doc.attempts + 1;
    const delay = nextRetryDelayMs(attempts);
    const message = error instanceof Error ? error.message : String(error);
    const stack = error instanceof Error ? error.stack : undefined;
    const now = Date.now();
    await ctx.db.patch("webhookEvents", eventId, {
      status: "failed",
      attempts,
      lastError: message.slice(0, 2000),
      lastErrorStack: stack?.slice(0, 4000),
      nextRetryAt: delay === undefined ? undefined : now + delay,
    });
    log("error", "sellapp.webhook.failed", {
      eventId,
      eventType: doc.eventType,
      attempts,
      error: message,
      nextRetryAt: delay === undefined ? null : now + delay,
    });
    return { status: "failed", error: message };
  }
}

export const processEvent = internalMutation({
  args: { eventId: v.id("webhookEvents"), force: v.optional(v.boolean()) },
  returns: v.null(),
  handler: async (ctx, { eventId, force }) => {
    await processStoredEvent(ctx, eventId, force ?? false);
    return null;
  },
});

/**
 * Cron: schedules failed events whose retry time has come, and turns events stuck in "received"
 * (their scheduled processing never finished) into failures with a retry time.
 */
export const retryDue = internalMutation({
  args: {},
  returns: v.object({ retried: v.number(), stuck: v.number() }),
  handler: async (ctx) => {
    const now = Date.now();
    const due = await ctx.db
      .query("webhookEvents")
      .withIndex("by_status_and_next_retry", (q) =>
        q.eq("status", "failed").gte("nextRetryAt", 0).lte("nextRetryAt", now),
      )
      .take(RETRY_BATCH);
    for (const event of due) {
      await ctx.db.patch("webhookEvents", event._id, { nextRetryAt: undefined });
      await ctx.scheduler.runAfter(0, internal.webhookEvents.processEvent, { eventId: event._id });
    }
    const stuck = await ctx.db
      .query("webhookEvents")
      .withIndex("by_status", (q) =>
        q.eq("status", "received").lt("_creationTime", now - STALE_RECEIVED_MS),
      )
      .take(RETRY_BATCH);
    for (const event of stuck) {
      const attempts = event.attempts + 1;
      const delay = nextRetryDelayMs(attempts);
      await ctx.db.patch("webhookEvents", event._id, {
        status: "failed",
        attempts,
        lastError: "processing did not complete (scheduled job lost or crashed)",
        nextRetryAt: delay === undefined ? undefined : now + delay,
      });
    }
    if (due.length > 0 || stuck.length > 0) {
      log("info", "sellapp.webhook.retry_sweep", { retried: due.length, stuck: stuck.length });
    }
    return { retried: due.length, stuck: stuck.length };
  },
});
