import { PARSER_VERSION } from "@g3/signals";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { internalAction, internalMutation } from "./_generated/server";
import { writeAdminAudit } from "./model/shared/audit";
import {
  latestRun,
  recordRunFailure,
  resumeRun,
  startRun,
  stepRun,
} from "./model/parsing/reparseRun";
import { parsingTables } from "./tables/parsing";
import { adminMutation, adminQuery } from "./functions";

/** Batches one driver runs before handing over to a fresh one (actions have a time limit). */
const STEPS_PER_DRIVE = 50;

const vRun = parsingTables.reparseRuns.validator.extend({
  _id: v.id("reparseRuns"),
  _creationTime: v.number(),
});

/** The deployed parser version and its newest re-parse run, for the admin console. */
export const status = adminQuery({
  args: {},
  returns: v.object({ parserVersion: v.string(), run: v.union(vRun, v.null()) }),
  handler: async (ctx) => {
    return { parserVersion: PARSER_VERSION, run: await latestRun(ctx, PARSER_VERSION) };
  },
});

/**
 * The admin's button: resumes the current version's run if it stopped (failed, or its driver
 * died), leaves a running one alone, and otherwise starts a new run over every stored signal.
 * Audited.
 */
export const start = adminMutation({
  args: {},
  returns: v.object({
    runId: v.id("reparseRuns"),
    outcome: v.union(v.literal("started"), v.literal("resumed"), v.literal("running")),
  }),
  handler: async (ctx) => {
    const run = await latestRun(ctx, PARSER_VERSION);
    if (run !== null && run.status === "running" && run.leaseUntil > Date.now()) {
      return { runId: run._id, outcome: "running" as const };
    }
    let result: { runId: Id<"reparseRuns">; outcome: "started" | "resumed" };
    if (run !== null && run.status !== "done") {
      await resumeRun(ctx, run);
      result = { runId: run._id, outcome: "resumed" };
    } else {
      result = { runId: await startRun(ctx, "admin", ctx.admin._id), outcome: "started" };
    }
    await writeAdminAudit(ctx, {
      action: "parser.reparse",
      targetType: "reparseRun",
      targetId: result.runId,
      details: { parserVersion: PARSER_VERSION, outcome: result.outcome },
    });
    return result;
  },
});

/**
 * The deploy-time check (a cron): a parser version no run has covered yet starts one; a run whose
 * driver stopped advancing (a restart, a deploy mid-run) is resumed from its cursor. A failed run
 * waits for an admin: its error is on the console.
 */
export const ensureCurrent = internalMutation({
  args: {},
  returns: v.union(v.literal("started"), v.literal("resumed"), v.literal("current")),
  handler: async (ctx) => {
    const run = await latestRun(ctx, PARSER_VERSION);
    if (run === null) {
      await startRun(ctx, "deploy_check");
      return "started" as const;
    }
    if (run.status === "running" && run.leaseUntil <= Date.now()) {
      await resumeRun(ctx, run);
      return "resumed" as const;
    }
    return "current" as const;
  },
});

/** Runs batches one transaction at a time; a failed batch is recorded and retried later. */
export const drive = internalAction({
  args: { runId: v.id("reparseRuns") },
  returns: v.null(),
  handler: async (ctx, { runId }) => {
    for (let step = 0; step < STEPS_PER_DRIVE; step += 1) {
      let next: "more" | "finished";
      try {
        next = await ctx.runMutation(internal.reparse.step, { runId });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await ctx.runMutation(internal.reparse.recordFailure, { runId, message });
        return null;
      }
      if (next === "finished") return null;
    }
    await ctx.scheduler.runAfter(0, internal.reparse.drive, { runId });
    return null;
  },
});

export const step = internalMutation({
  args: { runId: v.id("reparseRuns"), batchSize: v.optional(v.number()) },
  returns: v.union(v.literal("more"), v.literal("finished")),
  handler: async (ctx, { runId, batchSize }) => stepRun(ctx, runId, batchSize),
});

export const recordFailure = internalMutation({
  args: { runId: v.id("reparseRuns"), message: v.string() },
  returns: v.null(),
  handler: async (ctx, { runId, message }) => {
    await recordRunFailure(ctx, runId, message);
    return null;
  },
});
