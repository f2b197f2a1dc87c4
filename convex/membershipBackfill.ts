import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation, internalQuery } from "./_generated/server";
import {
  DEFAULT_PAGE_SIZE,
  runningBackfill,
  startBackfill,
  stepBackfill,
} from "./model/business/membershipBackfill";
import { businessTables } from "./tables/business";

/**
 * Recounts members per tier for the business overview (docs/cutover.md "Counter backfill").
 * Internal only; run it with the deployment's admin key:
 *
 *   npx convex run membershipBackfill:start
 *   npx convex run membershipBackfill:latest
 *   npx convex run membershipBackfill:resume '{"runId": "…"}'   # a chain that stopped
 *
 * A chain of mutations, one page of customers each, scheduled one after another.
 */

const vRun = businessTables.membershipBackfills.validator.extend({
  _id: v.id("membershipBackfills"),
  _creationTime: v.number(),
});

const vStepOutcome = v.union(
  v.literal("more"),
  v.literal("recounting"),
  v.literal("done"),
  v.literal("failed"),
  v.literal("stale"),
);

/** Starts a recount, or says which one is already running (one at a time). */
export const start = internalMutation({
  args: { pageSize: v.optional(v.number()) },
  returns: v.object({
    runId: v.id("membershipBackfills"),
    outcome: v.union(v.literal("started"), v.literal("running")),
  }),
  handler: async (ctx, { pageSize }) => {
    const running = await runningBackfill(ctx);
    if (running !== null) return { runId: running._id, outcome: "running" as const };
    const size = Math.max(1, Math.min(Math.floor(pageSize ?? DEFAULT_PAGE_SIZE), 500));
    const runId = await startBackfill(ctx, size, Date.now());
    await ctx.scheduler.runAfter(0, internal.membershipBackfill.step, { runId, cursor: null });
    return { runId, outcome: "started" as const };
  },
});

/** One page; schedules the next while there is more (or a recount after a concurrent change). */
export const step = internalMutation({
  args: { runId: v.id("membershipBackfills"), cursor: v.union(v.string(), v.null()) },
  returns: vStepOutcome,
  handler: async (ctx, { runId, cursor }) => {
    const outcome = await stepBackfill(ctx, runId, cursor, Date.now());
    if (outcome === "more" || outcome === "recounting") {
      const run = await ctx.db.get("membershipBackfills", runId);
      if (run !== null) {
        await ctx.scheduler.runAfter(0, internal.membershipBackfill.step, {
          runId,
          cursor: run.cursor,
        });
      }
    }
    return outcome;
  },
});

/**
 * Continues a running recount from its stored cursor — after a step failed (a deploy, a limit)
 * and the chain stopped. Safe while the chain is alive: the older of the two steps for the same
 * cursor counts the page, the other finds the run moved on and stops.
 */
export const resume = internalMutation({
  args: { runId: v.id("membershipBackfills") },
  returns: v.boolean(),
  handler: async (ctx, { runId }) => {
    const run = await ctx.db.get("membershipBackfills", runId);
    if (run === null || run.status !== "running") return false;
    await ctx.scheduler.runAfter(0, internal.membershipBackfill.step, {
      runId,
      cursor: run.cursor,
    });
    return true;
  },
});

/** The newest run: progress, and per tier the counter before and after once done. */
export const latest = internalQuery({
  args: {},
  returns: v.union(vRun, v.null()),
  handler: async (ctx) => ctx.db.query("membershipBackfills").order("desc").first(),
});
