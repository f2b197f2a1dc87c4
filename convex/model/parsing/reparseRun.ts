import { PARSER_VERSION } from "@g3/signals";
import type { Doc, Id } from "../../_generated/dataModel";
import { internal } from "../../_generated/api";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { reparseSignal } from "./reparseSignal";

/** Signals re-parsed per transaction (each a parse of ~30 µs plus a patch when it changed). */
export const REPARSE_BATCH_SIZE = 100;
/** Signals counted per transaction while learning the total. */
const COUNT_BATCH_SIZE = 500;
/** A driver that has not advanced the run for this long is presumed dead; the cron resumes it. */
export const RUN_LEASE_MS = 2 * 60_000;
/** Failed attempts in a row before the run stops as failed (an admin resumes it). */
export const MAX_RUN_FAILURES = 3;
const RETRY_BASE_MS = 30_000;
/**
 * The run covers signals created up to a minute after it starts: a creation time is the commit's
 * timestamp, not this transaction's clock, so a margin keeps a signal committed around the start
 * from being missed (re-parsing one that the deployed parser already read is a no-op).
 */
const UP_TO_MARGIN_MS = 60_000;

/** The newest run for a parser version. */
export async function latestRun(
  ctx: QueryCtx,
  parserVersion: string,
): Promise<Doc<"reparseRuns"> | null> {
  return ctx.db
    .query("reparseRuns")
    .withIndex("by_parser_version", (q) => q.eq("parserVersion", parserVersion))
    .order("desc")
    .first();
}

/** A new run of the deployed parser over every stored signal, its driver scheduled at once. */
export async function startRun(
  ctx: MutationCtx,
  startedBy: Doc<"reparseRuns">["startedBy"],
  actorUserId?: Id<"users">,
): Promise<Id<"reparseRuns">> {
  const now = Date.now();
  const runId = await ctx.db.insert("reparseRuns", {
    parserVersion: PARSER_VERSION,
    phase: "counting",
    status: "running",
    startedBy,
    ...(actorUserId === undefined ? {} : { actorUserId }),
    upTo: now + UP_TO_MARGIN_MS,
    cursor: null,
    total: 0,
    processed: 0,
    changed: 0,
    flaggedCorrections: 0,
    mirrorRequeued: 0,
    failures: 0,
    leaseUntil: now + RUN_LEASE_MS,
    startedAt: now,
    updatedAt: now,
  });
  await ctx.scheduler.runAfter(0, internal.reparse.drive, { runId });
  return runId;
}

/** Picks a run up again from its cursor (its driver died, or it failed and an admin asks). */
export async function resumeRun(ctx: MutationCtx, run: Doc<"reparseRuns">): Promise<void> {
  const now = Date.now();
  await ctx.db.patch("reparseRuns", run._id, {
    status: "running",
    failures: 0,
    leaseUntil: now + RUN_LEASE_MS,
    updatedAt: now,
  });
  await ctx.scheduler.runAfter(0, internal.reparse.drive, { runId: run._id });
}

/**
 * One transaction of a run: a page of the count, or a batch of re-parses, with the cursor and the
 * counters advanced in the same transaction (so an interrupted run resumes exactly where it
 * stopped, never re-counting or skipping a batch). Only signals created before the run started are
 * visited: later ones were parsed by this version at ingest.
 */
export async function stepRun(
  ctx: MutationCtx,
  runId: Id<"reparseRuns">,
  batchSize = REPARSE_BATCH_SIZE,
): Promise<"more" | "finished"> {
  const run = await ctx.db.get("reparseRuns", runId);
  if (run === null || run.status !== "running") return "finished";
  const now = Date.now();
  const signals = ctx.db
    .query("signals")
    .withIndex("by_creation_time", (q) => q.lte("_creationTime", run.upTo));
  const alive = { failures: 0, leaseUntil: now + RUN_LEASE_MS, updatedAt: now };
  if (run.phase === "counting") {
    const page = await signals.paginate({ cursor: run.cursor, numItems: COUNT_BATCH_SIZE });
    await ctx.db.patch("reparseRuns", run._id, {
      ...alive,
      total: run.total + page.page.length,
      ...(page.isDone
        ? { phase: "reparsing" as const, cursor: null }
        : { cursor: page.continueCursor }),
    });
    return "more";
  }
  const page = await signals.paginate({ cursor: run.cursor, numItems: batchSize });
  let changed = 0;
  let flagged = 0;
  let requeued = 0;
  for (const signal of page.page) {
    const outcome = await reparseSignal(ctx, signal, now);
    if (outcome.changed) changed += 1;
    if (outcome.flaggedCorrection) flagged += 1;
    requeued += outcome.mirrorRequeued;
  }
  await ctx.db.patch("reparseRuns", run._id, {
    ...alive,
    cursor: page.continueCursor,
    processed: run.processed + page.page.length,
    changed: run.changed + changed,
    flaggedCorrections: run.flaggedCorrections + flagged,
    mirrorRequeued: run.mirrorRequeued + requeued,
    ...(page.isDone ? { status: "done" as const, finishedAt: now } : {}),
  });
  return page.isDone ? "finished" : "more";
}

/**
 * A batch failed (its transaction rolled back, so nothing of it was written): the error is kept
 * for the console and the run retried from its cursor with backoff, or stopped as failed after
 * MAX_RUN_FAILURES in a row.
 */
export async function recordRunFailure(
  ctx: MutationCtx,
  runId: Id<"reparseRuns">,
  message: string,
): Promise<void> {
  const run = await ctx.db.get("reparseRuns", runId);
  if (run === null || run.status !== "running") return;
  const now = Date.now();
  const failures = run.failures + 1;
  const lastError = {
    lastError: message.slice(0, 500),
    lastErrorAt: now,
    failures,
    updatedAt: now,
  };
  if (failures >= MAX_RUN_FAILURES) {
    await ctx.db.patch("reparseRuns", run._id, { ...lastError, status: "failed", leaseUntil: now });
    return;
  }
  const retryAt = now + RETRY_BASE_MS * 2 ** (failures - 1);
  await ctx.db.patch("reparseRuns", run._id, { ...lastError, leaseUntil: retryAt + RUN_LEASE_MS });
  await ctx.scheduler.runAt(retryAt, internal.reparse.drive, { runId });
}
