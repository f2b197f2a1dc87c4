import {
  parseSellappOrderCsv,
  syntheticOrderEvent,
  syntheticSubscriptionEvent,
} from "@g3/payments";
import { createSellappClient, SELLAPP_DEFAULT_API_URL } from "@g3/sellapp-api";
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { ConvexError, type Infer, v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import {
  internalAction,
  internalMutation,
  internalQuery,
  type MutationCtx,
} from "./_generated/server";
import { writeAudit } from "./model/shared/audit";
import { optionalEnv, requireEnv } from "./model/shared/env";
import {
  applySyncSources,
  type SourceBatchResult,
  type SyncOrigin,
} from "./model/payments/sellappSyncApply";
import { importTables, vSyncKind } from "./tables/imports";
import { adminMutation, adminQuery } from "./functions";
import { appError } from "./model/shared/errors";

/**
 * Reconciliation with Sell.app and the import of existing customers (docs/cutover.md,
 * docs/reliability.md). A run reads orders and subscriptions — from the API (`reconcile`: those
 * updated since the last good run's start, less an hour; `import`: everything) or from an uploaded
 * order export (`csv`) — turns each into the webhook body its current state implies, groups them
 * by entitlement source and hands them, a few sources per mutation, to the webhook path
 * (model/payments/sellappSyncApply.ts). A dry run runs the very same mutation inside a sub-transaction that
 * is rolled back at the end; only the report survives.
 */

const SOURCES_PER_BATCH = 20;
const CHECKPOINT_SLACK_MS = 60 * 60_000;
/** A running reconcile older than this is presumed dead (actions stop at 10 minutes). */
const STALE_RUN_MS = 15 * 60_000;
const MAX_ROW_ERRORS = 50;
const CSV_MAX_BYTES = 10 * 1024 * 1024;

type SyncKind = Infer<typeof vSyncKind>;

const vRun = importTables.sellappSyncRuns.validator.extend({
  _id: v.id("sellappSyncRuns"),
  _creationTime: v.number(),
});
const vChange = importTables.sellappSyncChanges.validator.extend({
  _id: v.id("sellappSyncChanges"),
  _creationTime: v.number(),
});

async function latestRun(ctx: MutationCtx, kind: SyncKind, status: "running" | "done") {
  return ctx.db
    .query("sellappSyncRuns")
    .withIndex("by_kind_and_status", (q) => q.eq("kind", kind).eq("status", status))
    .order("desc")
    .first();
}

/** Creates a run and schedules its driver. The reconcile checkpoint is the last good run's start. */
async function createRun(
  ctx: MutationCtx,
  input: {
    kind: SyncKind;
    dryRun: boolean;
    requestedBy?: Id<"users">;
    csvStorageId?: Id<"_storage">;
  },
): Promise<Id<"sellappSyncRuns">> {
  const now = Date.now();
  let since: number | undefined;
  if (input.kind === "reconcile") {
    const running = await latestRun(ctx, "reconcile", "running");
    if (running !== null && now - running.startedAt < STALE_RUN_MS) {
      throw appError("BUSY", "A reconciliation is already running.");
    }
    const lastGood = await ctx.db
      .query("sellappSyncRuns")
      .withIndex("by_kind_and_status", (q) => q.eq("kind", "reconcile").eq("status", "done"))
      .order("desc")
      .take(20);
    const checkpoint = lastGood.find((run) => !run.dryRun);
    since = checkpoint === undefined ? undefined : checkpoint.startedAt - CHECKPOINT_SLACK_MS;
  }
  const runId = await ctx.db.insert("sellappSyncRuns", {
    kind: input.kind,
    dryRun: input.dryRun,
    status: "running",
    ...(input.requestedBy === undefined ? {} : { requestedBy: input.requestedBy }),
    ...(since === undefined ? {} : { since }),
    ...(input.csvStorageId === undefined ? {} : { csvStorageId: input.csvStorageId }),
    startedAt: now,
    ordersSeen: 0,
    subscriptionsSeen: 0,
    eventsStored: 0,
    eventsKnown: 0,
    changes: 0,
    failures: 0,
    unmappedProducts: [],
  });
  await writeAudit(ctx, {
    actorType: input.requestedBy === undefined ? "system" : "admin",
    ...(input.requestedBy === undefined ? {} : { actorUserId: input.requestedBy }),
    action: `sellapp.${input.kind}.start`,
    targetType: "sellappSyncRun",
    targetId: runId,
    details: { dryRun: input.dryRun, since: since ?? null },
  });
  await ctx.scheduler.runAfter(0, internal.sellappSync.drive, { runId });
  return runId;
}

// ---------------------------------------------------------------- admin console

export const startReconcile = adminMutation({
  args: { dryRun: v.boolean() },
  returns: v.id("sellappSyncRuns"),
  handler: async (ctx, { dryRun }) => {
    return createRun(ctx, { kind: "reconcile", dryRun, requestedBy: ctx.admin._id });
  },
});

/** The whole history from the API: the cutover import of existing customers. */
export const startImport = adminMutation({
  args: { dryRun: v.boolean() },
  returns: v.id("sellappSyncRuns"),
  handler: async (ctx, { dryRun }) => {
    return createRun(ctx, { kind: "import", dryRun, requestedBy: ctx.admin._id });
  },
});

export const generateCsvUploadUrl = adminMutation({
  args: {},
  returns: v.string(),
  handler: async (ctx) => {
    return ctx.storage.generateUploadUrl();
  },
});

/** An order export the admin uploaded (generateCsvUploadUrl), through the same path. */
export const startCsvImport = adminMutation({
  args: { storageId: v.id("_storage"), dryRun: v.boolean() },
  returns: v.id("sellappSyncRuns"),
  handler: async (ctx, { storageId, dryRun }) => {
    const file = await ctx.db.system.get("_storage", storageId);
    if (file === null) throw appError("NOT_FOUND", "Upload not found.");
    if (file.size > CSV_MAX_BYTES) {
      throw appError("BAD_REQUEST", "Export over 10 MB: split it.");
    }
    return createRun(ctx, {
      kind: "csv",
      dryRun,
      requestedBy: ctx.admin._id,
      csvStorageId: storageId,
    });
  },
});

/** The latest runs, newest first. */
export const runs = adminQuery({
  args: { kind: v.optional(vSyncKind) },
  returns: v.array(vRun),
  handler: async (ctx, { kind }) => {
    const recent = await ctx.db
      .query("sellappSyncRuns")
      .order("desc")
      .take(kind === undefined ? 20 : 60);
    return (kind === undefined ? recent : recent.filter((run) => run.kind === kind)).slice(0, 20);
  },
});

export const runChanges = adminQuery({
  args: { runId: v.id("sellappSyncRuns"), paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(vChange),
  handler: async (ctx, { runId, paginationOpts }) => {
    return ctx.db
      .query("sellappSyncChanges")
      .withIndex("by_run", (q) => q.eq("runId", runId))
      .paginate(paginationOpts);
  },
});

// ---------------------------------------------------------------- the driver

/** Cron: a reconciliation run when an API key is configured (without one there is nothing to ask). */
export const scheduledReconcile = internalMutation({
  args: {},
  returns: v.union(v.id("sellappSyncRuns"), v.null()),
  handler: async (ctx) => {
    if (optionalEnv("SELLAPP_API_KEY") === undefined) return null;
    const running = await latestRun(ctx, "reconcile", "running");
    if (running !== null && Date.now() - running.startedAt < STALE_RUN_MS) return null;
    return createRun(ctx, { kind: "reconcile", dryRun: false });
  },
});

/** The operator's way in (sellappSyncOps.start, through the CLI with the admin key). */
export const createRunInternal = internalMutation({
  args: { kind: v.union(v.literal("reconcile"), v.literal("import")), dryRun: v.boolean() },
  returns: v.id("sellappSyncRuns"),
  handler: (ctx, { kind, dryRun }): Promise<Id<"sellappSyncRuns">> =>
    createRun(ctx, { kind, dryRun }),
});

export const createCsvRunInternal = internalMutation({
  args: { storageId: v.id("_storage"), dryRun: v.boolean() },
  returns: v.id("sellappSyncRuns"),
  handler: (ctx, { storageId, dryRun }): Promise<Id<"sellappSyncRuns">> =>
    createRun(ctx, { kind: "csv", dryRun, csvStorageId: storageId }),
});

export const getRun = internalQuery({
  args: { runId: v.id("sellappSyncRuns") },
  returns: v.union(vRun, v.null()),
  handler: (ctx, { runId }) => ctx.db.get("sellappSyncRuns", runId),
});

type Grouped = Map<string, string[]>;

function add(groups: Grouped, key: string, rawBody: string) {
  const list = groups.get(key);
  if (list === undefined) groups.set(key, [rawBody]);
  else list.push(rawBody);
}

function sourceKeyOfOrder(order: Record<string, unknown>): string {
  const items = Array.isArray(order.line_items)
    ? (order.line_items as Record<string, unknown>[])
    : [];
  const subscription = items.find((item) => item.subscription_id != null)?.subscription_id;
  const id = (value: unknown) => (typeof value === "number" ? String(value) : (value as string));
  return subscription == null ? `order:${id(order.id)}` : `subscription:${id(subscription)}`;
}

function updatedAt(item: Record<string, unknown>): number | undefined {
  const raw = item.updated_at ?? item.created_at;
  if (typeof raw === "number") return raw < 1e12 ? raw * 1000 : raw;
  if (typeof raw !== "string") return undefined;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Reads the run's input and applies it in batches of whole sources. */
export const drive = internalAction({
  args: { runId: v.id("sellappSyncRuns") },
  returns: v.null(),
  handler: async (ctx, { runId }) => {
    const run: Doc<"sellappSyncRuns"> | null = await ctx.runQuery(internal.sellappSync.getRun, {
      runId,
    });
    if (run === null || run.status !== "running") return null;
    const groups: Grouped = new Map();
    const counts = { ordersSeen: 0, subscriptionsSeen: 0 };
    const rowErrors: string[] = [];
    try {
      if (run.kind === "csv") {
        if (run.csvStorageId === undefined) throw new Error("csv run without an upload");
        const blob = await ctx.storage.get(run.csvStorageId);
        if (blob === null) throw new Error("the uploaded export is gone");
        const parsed = parseSellappOrderCsv(await blob.text());
        for (const error of parsed.errors.slice(0, MAX_ROW_ERRORS)) {
          rowErrors.push(`line ${error.line}: ${error.reason}`);
        }
        for (const order of parsed.orders) {
          counts.ordersSeen++;
          const event = syntheticOrderEvent(order);
          if (event !== null) add(groups, sourceKeyOfOrder(order), event.rawBody);
        }
      } else {
        const client = createSellappClient({
          apiKey: requireEnv("SELLAPP_API_KEY"),
          baseUrl: optionalEnv("SELLAPP_API_URL") ?? SELLAPP_DEFAULT_API_URL,
          ...(optionalEnv("SELLAPP_STORE") === undefined
            ? {}
            : { store: optionalEnv("SELLAPP_STORE") }),
        });
        const fresh = (item: Record<string, unknown>) =>
          run.since === undefined || (updatedAt(item) ?? Infinity) >= run.since;
        for await (const order of client.orders()) {
          counts.ordersSeen++;
          if (!fresh(order)) continue;
          const event = syntheticOrderEvent(order);
          if (event !== null) add(groups, sourceKeyOfOrder(order), event.rawBody);
        }
        for await (const subscription of client.subscriptions()) {
          counts.subscriptionsSeen++;
          if (!fresh(subscription)) continue;
          const event = syntheticSubscriptionEvent(subscription);
          if (event !== null) add(groups, `subscription:${subscription.id}`, event.rawBody);
        }
      }
      const origin: SyncOrigin = run.kind === "csv" ? "import" : "api";
      const all = [...groups.values()].map((rawBodies) => ({ rawBodies }));
      for (let i = 0; i < all.length; i += SOURCES_PER_BATCH) {
        await ctx.runMutation(internal.sellappSync.applyBatch, {
          runId,
          origin,
          sources: all.slice(i, i + SOURCES_PER_BATCH),
        });
      }
      await ctx.runMutation(internal.sellappSync.finish, { runId, ...counts, rowErrors });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(
        JSON.stringify({ level: "error", event: "sellapp.sync.failed", runId, error: message }),
      );
      await ctx.runMutation(internal.sellappSync.finish, {
        runId,
        ...counts,
        rowErrors,
        error: message,
      });
    }
    return null;
  },
});

const vSources = v.array(v.object({ rawBodies: v.array(v.string()) }));
const vOrigin = v.union(v.literal("api"), v.literal("import"));

/** The dry run's rollback: the report leaves the sub-transaction as the error's data. */
const DRY_RUN = "dry-run-rollback";

export const applySources = internalMutation({
  args: { origin: vOrigin, sources: vSources, rollback: v.boolean() },
  returns: v.string(),
  handler: async (ctx, { origin, sources, rollback }) => {
    const result = await applySyncSources(ctx, sources, origin, Date.now());
    if (rollback) throw new ConvexError({ code: DRY_RUN, result: JSON.stringify(result) });
    return JSON.stringify(result);
  },
});

/**
 * The rollback carries the report in the ConvexError's data. Where a backend hands a nested
 * mutation's ConvexError up as a plain Error with the data serialised into the message (the
 * offline backend does), the message is read instead.
 */
function dryRunReport(error: unknown): string | undefined {
  const data: unknown =
    error instanceof ConvexError
      ? error.data
      : error instanceof Error
        ? (() => {
            try {
              return JSON.parse(error.message.slice(error.message.indexOf("{"))) as unknown;
            } catch {
              return undefined;
            }
          })()
        : undefined;
  if (typeof data !== "object" || data === null) return undefined;
  const { code, result } = data as { code?: unknown; result?: unknown };
  return code === DRY_RUN && typeof result === "string" ? result : undefined;
}

/** One batch of whole sources: applied, or (dry run) applied and rolled back; the report is kept. */
export const applyBatch = internalMutation({
  args: { runId: v.id("sellappSyncRuns"), origin: vOrigin, sources: vSources },
  returns: v.null(),
  handler: async (ctx, { runId, origin, sources }) => {
    const run = await ctx.db.get("sellappSyncRuns", runId);
    if (run === null || run.status !== "running") return null;
    let serialized: string;
    try {
      serialized = await ctx.runMutation(internal.sellappSync.applySources, {
        origin,
        sources,
        rollback: run.dryRun,
      });
    } catch (error) {
      const report = run.dryRun ? dryRunReport(error) : undefined;
      if (report === undefined) throw error;
      serialized = report;
    }
    const result = JSON.parse(serialized) as SourceBatchResult;
    for (const change of result.changes) {
      await ctx.db.insert("sellappSyncChanges", { runId, ...change });
      if (!run.dryRun) {
        await writeAudit(ctx, {
          actorType: "system",
          action: `sellapp.${run.kind}.change`,
          targetType: "sellappSyncRun",
          targetId: runId,
          reason: change.note,
          details: {
            email: change.email,
            source: change.source,
            sourceId: change.sourceId,
            tierKey: change.tierKey ?? null,
            from: change.from ?? null,
            to: change.to ?? null,
          },
        });
      }
    }
    await ctx.db.patch("sellappSyncRuns", runId, {
      eventsStored: run.eventsStored + result.stored,
      eventsKnown: run.eventsKnown + result.known,
      changes: run.changes + result.changes.length,
      failures: run.failures + result.failures.length,
      unmappedProducts: [...new Set([...run.unmappedProducts, ...result.unmapped])].slice(0, 100),
    });
    return null;
  },
});

export const finish = internalMutation({
  args: {
    runId: v.id("sellappSyncRuns"),
    ordersSeen: v.number(),
    subscriptionsSeen: v.number(),
    rowErrors: v.array(v.string()),
    error: v.optional(v.string()),
  },
  returns: v.null(),
  handler: async (ctx, { runId, error, rowErrors, ...counts }) => {
    const run: Doc<"sellappSyncRuns"> | null = await ctx.db.get("sellappSyncRuns", runId);
    if (run === null) return null;
    const status = error === undefined ? "done" : "failed";
    await ctx.db.patch("sellappSyncRuns", runId, {
      status,
      finishedAt: Date.now(),
      ...counts,
      ...(rowErrors.length === 0 ? {} : { rowErrors }),
      ...(error === undefined ? {} : { error: error.slice(0, 2000) }),
    });
    await writeAudit(ctx, {
      actorType: "system",
      action: `sellapp.${run.kind}.${status === "done" ? "finish" : "fail"}`,
      targetType: "sellappSyncRun",
      targetId: runId,
      ...(error === undefined ? {} : { reason: error.slice(0, 500) }),
      details: {
        dryRun: run.dryRun,
        ...counts,
        eventsStored: run.eventsStored,
        eventsKnown: run.eventsKnown,
        changes: run.changes,
        failures: run.failures,
      },
    });
    return null;
  },
});
