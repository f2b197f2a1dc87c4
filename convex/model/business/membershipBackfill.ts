import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { isLiveStatus, MAX_ENTITLEMENTS_PER_CUSTOMER } from "./membershipRollup";

/**
 * The members-per-tier recount. The entitlement writer keeps memberCounts current from the day it
 * existed; customers who were already members then were never counted. This pages through every
 * customer, tallies "customers with a live entitlement" per tier with the same rule as the writer
 * (isLiveStatus, one count per customer and tier), and replaces the counters with the tally.
 *
 * Correct under concurrent writes: each page is one transaction, and a membership change that
 * lands after a customer was tallied bumps its tier counter's updatedAt; the final step sees that
 * and recounts from the start (at most MAX_PASSES times) instead of writing a stale number.
 */

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PASSES = 3;
/** Counter rows read at the end: one per tier, and tiers are few. */
const MAX_COUNTERS = 500;

export type BackfillRun = Doc<"membershipBackfills">;
export type StepOutcome = "more" | "recounting" | "done" | "failed" | "stale";

export async function startBackfill(
  ctx: MutationCtx,
  pageSize: number,
  now: number,
): Promise<Id<"membershipBackfills">> {
  return ctx.db.insert("membershipBackfills", {
    status: "running",
    passStartedAt: now,
    pass: 1,
    pageSize,
    cursor: null,
    customersSeen: 0,
    tally: [],
    updatedAt: now,
  });
}

export async function runningBackfill(ctx: MutationCtx): Promise<BackfillRun | null> {
  return ctx.db
    .query("membershipBackfills")
    .withIndex("by_status", (q) => q.eq("status", "running"))
    .first();
}

/** Tiers in which this customer is a member now (at least one live entitlement). */
async function memberTiersOf(ctx: MutationCtx, customerId: Id<"customers">): Promise<Set<string>> {
  const rows = await ctx.db
    .query("entitlements")
    .withIndex("by_customer", (q) => q.eq("customerId", customerId))
    .take(MAX_ENTITLEMENTS_PER_CUSTOMER);
  return new Set(rows.filter((row) => isLiveStatus(row.status)).map((row) => row.tierKey));
}

function addToTally(tally: BackfillRun["tally"], tiers: Set<string>): BackfillRun["tally"] {
  const next = new Map(tally.map((entry) => [entry.tierKey, entry.members]));
  for (const tierKey of tiers) next.set(tierKey, (next.get(tierKey) ?? 0) + 1);
  return [...next].map(([tierKey, members]) => ({ tierKey, members }));
}

/**
 * One page of customers. `expectedCursor` is the cursor the step was scheduled for: a step whose
 * run has moved on (a duplicate chain after a resume) changes nothing and says "stale", so a page
 * is never counted twice.
 */
export async function stepBackfill(
  ctx: MutationCtx,
  runId: Id<"membershipBackfills">,
  expectedCursor: string | null,
  now: number,
): Promise<StepOutcome> {
  const run = await ctx.db.get("membershipBackfills", runId);
  if (run === null || run.status !== "running" || run.cursor !== expectedCursor) return "stale";
  const page = await ctx.db
    .query("customers")
    .paginate({ cursor: run.cursor, numItems: run.pageSize });
  let tally = run.tally;
  for (const customer of page.page) {
    tally = addToTally(tally, await memberTiersOf(ctx, customer._id));
  }
  const customersSeen = run.customersSeen + page.page.length;
  if (!page.isDone) {
    await ctx.db.patch("membershipBackfills", runId, {
      cursor: page.continueCursor,
      tally,
      customersSeen,
      updatedAt: now,
    });
    return "more";
  }
  return finishPass(ctx, { ...run, tally, customersSeen }, now);
}

async function finishPass(ctx: MutationCtx, run: BackfillRun, now: number): Promise<StepOutcome> {
  const counters = await ctx.db.query("memberCounts").take(MAX_COUNTERS);
  const changedDuringPass = counters.some((counter) => counter.updatedAt >= run.passStartedAt);
  if (changedDuringPass) {
    if (run.pass >= MAX_PASSES) {
      await ctx.db.patch("membershipBackfills", run._id, {
        status: "failed",
        customersSeen: run.customersSeen,
        error: `membership changed during each of ${MAX_PASSES} passes; run it again when quieter`,
        updatedAt: now,
      });
      return "failed";
    }
    await ctx.db.patch("membershipBackfills", run._id, {
      pass: run.pass + 1,
      passStartedAt: now,
      cursor: null,
      customersSeen: 0,
      tally: [],
      updatedAt: now,
    });
    return "recounting";
  }
  const counted = new Map(run.tally.map((entry) => [entry.tierKey, entry.members]));
  const applied: NonNullable<BackfillRun["applied"]> = [];
  for (const counter of counters) {
    const after = counted.get(counter.tierKey) ?? 0;
    counted.delete(counter.tierKey);
    applied.push({ tierKey: counter.tierKey, before: counter.active, after });
    if (after !== counter.active) {
      await ctx.db.patch("memberCounts", counter._id, { active: after, updatedAt: now });
    }
  }
  for (const [tierKey, after] of counted) {
    applied.push({ tierKey, before: 0, after });
    await ctx.db.insert("memberCounts", { tierKey, active: after, updatedAt: now });
  }
  await ctx.db.patch("membershipBackfills", run._id, {
    status: "done",
    customersSeen: run.customersSeen,
    tally: run.tally,
    applied,
    updatedAt: now,
  });
  return "done";
}
