import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";
import { components, internal } from "./_generated/api";
import type { Doc } from "./_generated/dataModel";
import { internalMutation, type MutationCtx } from "./_generated/server";

/**
 * Retention of the webhook tables (cron, daily). Each step deletes one page of PRUNE_BATCH rows
 * through an index and schedules the next page or step, so no transaction reads without bound.
 *
 * - rejected events (unverified excerpts, signed but malformed bodies): 30 days — long enough to
 *   investigate an attack or a misconfigured secret, and Sell.app has long stopped redelivering;
 * - rejection counters: 30 days;
 * - rate-limiter buckets (every limit: auth, push, webhooks) created over a day ago. A bucket is
 *   full again at most an hour after its last use (capacity / rate ≤ 1 h for every limit), so
 *   an idle one loses nothing; one still in use is refilled, which gives its caller at most one
 *   hour's budget more a day. Without this, every address typed at sign-in and every forged
 *   webhook source would keep a row for good;
 * - duplicates: 90 days — audit of Sell.app's redeliveries; never used to derive access;
 * - ignored events: 400 days — a year of audit plus a month's margin; never used to derive access;
 * - processed and failed events (the ledger access is derived from): 400 days, and only once every
 *   entitlement of their order or subscription is settled (revoked or expired). A payment that
 *   still grants access (a lifetime order, a running subscription) keeps its events, so replay and
 *   reconciliation keep deriving the same state.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export const WEBHOOK_RETENTION_MS = {
  rejected: 30 * DAY_MS,
  rejectionWindows: 30 * DAY_MS,
  duplicate: 90 * DAY_MS,
  ignored: 400 * DAY_MS,
  ledger: 400 * DAY_MS,
  /** Rate-limiter buckets, by creation time (the component clears by nothing else). */
  rateLimiterBuckets: DAY_MS,
} as const;

export const PRUNE_BATCH = 200;

type StepResult = { deleted: number; continueCursor: string | null };
type Step = (ctx: MutationCtx, now: number, cursor: string | null) => Promise<StepResult>;

/** A whole page is old enough to go: delete it; a full page means there may be more. */
async function deleteAll<T extends "webhookEvents" | "webhookRejectionWindows">(
  ctx: MutationCtx,
  table: T,
  rows: readonly Doc<T>[],
): Promise<StepResult> {
  for (const row of rows) await ctx.db.delete(table, row._id);
  return { deleted: rows.length, continueCursor: rows.length === PRUNE_BATCH ? "" : null };
}

function eventsOlderThan(status: Doc<"webhookEvents">["status"], maxAgeMs: number): Step {
  return async (ctx, now) =>
    deleteAll(
      ctx,
      "webhookEvents",
      await ctx.db
        .query("webhookEvents")
        .withIndex("by_status", (q) => q.eq("status", status).lt("_creationTime", now - maxAgeMs))
        .take(PRUNE_BATCH),
    );
}

/** Settled: no entitlement of the event's order or subscription could still grant access. */
async function sourceSettled(ctx: MutationCtx, event: Doc<"webhookEvents">): Promise<boolean> {
  const ref =
    event.subscriptionId !== undefined
      ? { source: "subscription" as const, sourceId: event.subscriptionId }
      : event.orderId !== undefined
        ? { source: "order" as const, sourceId: event.orderId }
        : undefined;
  if (ref === undefined) return true;
  const rows = await ctx.db
    .query("entitlements")
    .withIndex("by_source", (q) => q.eq("source", ref.source).eq("sourceId", ref.sourceId))
    .take(20);
  return rows.every((row) => row.status === "revoked" || row.status === "expired");
}

/** Old ledger events, skipping those still backing access: paged with a cursor past the kept. */
function ledgerOlderThan(status: "processed" | "failed", maxAgeMs: number): Step {
  return async (ctx, now, cursor) => {
    const page = await ctx.db
      .query("webhookEvents")
      .withIndex("by_status", (q) => q.eq("status", status).lt("_creationTime", now - maxAgeMs))
      .paginate({ numItems: PRUNE_BATCH, cursor });
    let deleted = 0;
    for (const event of page.page) {
      if (!(await sourceSettled(ctx, event))) continue;
      await ctx.db.delete("webhookEvents", event._id);
      deleted++;
    }
    return { deleted, continueCursor: page.isDone ? null : page.continueCursor };
  };
}

const rejectionWindows: Step = async (ctx, now) =>
  deleteAll(
    ctx,
    "webhookRejectionWindows",
    await ctx.db
      .query("webhookRejectionWindows")
      .withIndex("by_window_and_shard", (q) =>
        q.lt("windowStart", now - WEBHOOK_RETENTION_MS.rejectionWindows),
      )
      .take(PRUNE_BATCH),
  );

/**
 * The rate-limiter component's buckets: its own `clearAll` deletes them a page at a time and
 * schedules its next page itself, so this step hands the work over and is done.
 */
const rateLimiterBuckets: Step = async (ctx, now) => {
  await ctx.runMutation(components.rateLimiter.lib.clearAll, {
    before: now - WEBHOOK_RETENTION_MS.rateLimiterBuckets,
  });
  return { deleted: 0, continueCursor: null };
};

const STEPS: readonly Step[] = [
  eventsOlderThan("rejected", WEBHOOK_RETENTION_MS.rejected),
  eventsOlderThan("duplicate", WEBHOOK_RETENTION_MS.duplicate),
  eventsOlderThan("ignored", WEBHOOK_RETENTION_MS.ignored),
  ledgerOlderThan("processed", WEBHOOK_RETENTION_MS.ledger),
  ledgerOlderThan("failed", WEBHOOK_RETENTION_MS.ledger),
  rejectionWindows,
  rateLimiterBuckets,
];

/** One page of one step; schedules the next page (or the next step) until every step is done. */
export const prune = internalMutation({
  args: {
    step: v.optional(v.number()),
    cursor: v.optional(paginationOptsValidator.fields.cursor),
  },
  returns: v.object({ step: v.number(), deleted: v.number(), more: v.boolean() }),
  handler: async (ctx, args) => {
    const step = args.step ?? 0;
    const run = STEPS[step];
    if (run === undefined) return { step, deleted: 0, more: false };
    const { deleted, continueCursor } = await run(ctx, Date.now(), args.cursor ?? null);
    // "" marks a delete-only page that was full: run the same step again from the start.
    const more = continueCursor !== null;
    const next = more
      ? { step, cursor: continueCursor === "" ? null : continueCursor }
      : step + 1 < STEPS.length
        ? { step: step + 1, cursor: null }
        : undefined;
    if (next !== undefined) await ctx.scheduler.runAfter(0, internal.webhookRetention.prune, next);
    return { step, deleted, more };
  },
});
