import { defineTable } from "convex/server";
import { v } from "convex/values";

/** Where a Sell.app sync run reads from: the API since a checkpoint, the API's whole history, or an order export. */
export const vSyncKind = v.union(v.literal("reconcile"), v.literal("import"), v.literal("csv"));
export const vSyncStatus = v.union(v.literal("running"), v.literal("done"), v.literal("failed"));

/** A history import's life: queued → running ⇄ paused → done | failed | cancelled. */
export const vHistoryImportState = v.union(
  v.literal("queued"),
  v.literal("running"),
  v.literal("paused"),
  v.literal("done"),
  v.literal("failed"),
  v.literal("cancelled"),
);

export const importTables = {
  /**
   * One import of a source channel's whole Discord history (convex/historyImports.ts for the
   * console, convex/historyImportJobs.ts for the collector that runs it). The collector holding
   * the lease pages the channel backwards from `cursor` and commits the cursor after each page,
   * so a crash resumes there; an expired lease lets another instance take over.
   */
  historyImports: defineTable({
    sourceChannelId: v.string(),
    requestedBy: v.optional(v.id("users")), // absent: an operator with the admin key (CLI)
    state: vHistoryImportState,
    /** The oldest message id imported so far (absent: nothing yet; start from the newest). */
    cursor: v.optional(v.string()),
    /** The newest message id of the first page: with the channel's own id, the time span to cover. */
    newestMessageId: v.optional(v.string()),
    pages: v.number(),
    /** Messages this import created. */
    imported: v.number(),
    /** Messages already stored (live ingestion had them, or a resumed page), or not user content. */
    skipped: v.number(),
    failed: v.number(),
    leaseOwner: v.optional(v.string()),
    leaseExpiresAt: v.optional(v.number()),
    error: v.optional(v.string()),
    startedAt: v.optional(v.number()),
    lastPageAt: v.optional(v.number()),
    finishedAt: v.optional(v.number()),
  })
    // The collector's claim: queued jobs and running ones whose lease ran out.
    .index("by_state_and_lease", ["state", "leaseExpiresAt"])
    // One active import per channel.
    .index("by_channel_and_state", ["sourceChannelId", "state"]),

  /**
   * One reconciliation or customer import (convex/sellappSync.ts): what it read, what it stored,
   * what changed. A dry run goes through the same code and is rolled back; only this record stays.
   */
  sellappSyncRuns: defineTable({
    kind: vSyncKind,
    dryRun: v.boolean(),
    status: vSyncStatus,
    requestedBy: v.optional(v.id("users")), // absent: the cron
    /** Orders and subscriptions updated before this were not looked at (reconcile checkpoint). */
    since: v.optional(v.number()),
    /** The uploaded order export (csv runs). */
    csvStorageId: v.optional(v.id("_storage")),
    startedAt: v.number(),
    finishedAt: v.optional(v.number()),
    ordersSeen: v.number(),
    subscriptionsSeen: v.number(),
    /** Events stored by this run (its synthetic copies no webhook had delivered). */
    eventsStored: v.number(),
    /** Already known: a webhook (or an earlier run) had stored the same dedupe key. */
    eventsKnown: v.number(),
    changes: v.number(),
    failures: v.number(),
    /** Products (and variants) that map to no tier: their orders grant nothing until mapped. */
    unmappedProducts: v.array(v.string()),
    /** CSV rows refused, with line numbers (first few). */
    rowErrors: v.optional(v.array(v.string())),
    error: v.optional(v.string()),
  }).index("by_kind_and_status", ["kind", "status"]),

  /** What one run changed (or, dry, would change), one row per source × tier. */
  sellappSyncChanges: defineTable({
    runId: v.id("sellappSyncRuns"),
    email: v.string(),
    source: v.string(), // "order" | "subscription"
    sourceId: v.string(),
    tierKey: v.optional(v.string()),
    from: v.optional(v.string()), // entitlement status before; absent = no row
    to: v.optional(v.string()),
    accessUntil: v.optional(v.number()),
    /** No verified user holds the email yet: access waits for their sign-up. */
    pending: v.boolean(),
    note: v.string(),
  }).index("by_run", ["runId"]),
};
