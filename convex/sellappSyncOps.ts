import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { internalAction, internalMutation, internalQuery } from "./_generated/server";
import { entitlementGrantsAccess } from "./model/payments/access";
import { normalizeEmail } from "./model/payments/customers";
import { importTables } from "./tables/imports";

/**
 * Operator tools for the cutover runbook (docs/cutover.md), run with the deployment's admin key:
 * `npx convex run sellappSyncOps:start '{"kind":"import","dryRun":true}'`, then `runSummary`,
 * `tierCounts` before and after, `accessOf` for spot checks, `startCsv` for an order export.
 * Internal only.
 */

const MAX_CHANGES = 1000;
const MAX_ROWS_PER_STATUS = 20_000;

export const start = internalMutation({
  args: { kind: v.union(v.literal("reconcile"), v.literal("import")), dryRun: v.boolean() },
  returns: v.id("sellappSyncRuns"),
  handler: (ctx, args): Promise<Id<"sellappSyncRuns">> =>
    ctx.runMutation(internal.sellappSync.createRunInternal, args),
});

/** An order export from the command line: `npx convex run sellappSyncOps:startCsv "$(jq -Rs '{csv: ., dryRun: true}' orders.csv)"`. */
export const startCsv = internalAction({
  args: { csv: v.string(), dryRun: v.boolean() },
  returns: v.id("sellappSyncRuns"),
  handler: async (ctx, { csv, dryRun }): Promise<Id<"sellappSyncRuns">> => {
    const storageId = await ctx.storage.store(new Blob([csv], { type: "text/csv" }));
    return ctx.runMutation(internal.sellappSync.createCsvRunInternal, { storageId, dryRun });
  },
});

export const runSummary = internalQuery({
  args: { runId: v.id("sellappSyncRuns") },
  returns: v.union(
    v.null(),
    v.object({
      run: importTables.sellappSyncRuns.validator.extend({
        _id: v.id("sellappSyncRuns"),
        _creationTime: v.number(),
      }),
      changes: v.array(importTables.sellappSyncChanges.validator),
    }),
  ),
  handler: async (ctx, { runId }) => {
    const run = await ctx.db.get("sellappSyncRuns", runId);
    if (run === null) return null;
    const rows = await ctx.db
      .query("sellappSyncChanges")
      .withIndex("by_run", (q) => q.eq("runId", runId))
      .take(MAX_CHANGES);
    return { run, changes: rows.map(({ _id, _creationTime, ...change }) => change) };
  },
});

/** Who can read each tier right now, attached to a user or pending a sign-up: before/after checks. */
export const tierCounts = internalQuery({
  args: {},
  returns: v.array(
    v.object({
      tierKey: v.string(),
      withAccess: v.number(),
      pending: v.number(),
      truncated: v.boolean(),
    }),
  ),
  handler: async (ctx) => {
    const now = Date.now();
    const counts = new Map<string, { withAccess: number; pending: number; truncated: boolean }>();
    for (const status of ["active", "cancelling", "past_due"] as const) {
      const rows = await ctx.db
        .query("entitlements")
        .withIndex("by_status_and_access_until", (q) => q.eq("status", status))
        .take(MAX_ROWS_PER_STATUS);
      for (const row of rows) {
        const entry = counts.get(row.tierKey) ?? { withAccess: 0, pending: 0, truncated: false };
        if (rows.length === MAX_ROWS_PER_STATUS) entry.truncated = true;
        if (entitlementGrantsAccess(row, now)) {
          if (row.userId === undefined) entry.pending++;
          else entry.withAccess++;
        }
        counts.set(row.tierKey, entry);
      }
    }
    return [...counts.entries()]
      .map(([tierKey, entry]) => ({ tierKey, ...entry }))
      .sort((a, b) => a.tierKey.localeCompare(b.tierKey));
  },
});

/** One customer's entitlements by the email they paid with. */
export const accessOf = internalQuery({
  args: { email: v.string() },
  returns: v.array(
    v.object({
      tierKey: v.string(),
      source: v.string(),
      sourceId: v.string(),
      status: v.string(),
      accessUntil: v.optional(v.number()),
      graceUntil: v.optional(v.number()),
      hasAccess: v.boolean(),
      pending: v.boolean(),
    }),
  ),
  handler: async (ctx, { email }) => {
    const customers = await ctx.db
      .query("customers")
      .withIndex("by_email", (q) => q.eq("email", normalizeEmail(email)))
      .take(20);
    const now = Date.now();
    const result = [];
    for (const customer of customers) {
      const rows = await ctx.db
        .query("entitlements")
        .withIndex("by_customer", (q) => q.eq("customerId", customer._id))
        .take(100);
      for (const row of rows) {
        result.push({
          tierKey: row.tierKey,
          source: row.source,
          sourceId: row.sourceId,
          status: row.status,
          ...(row.accessUntil === undefined ? {} : { accessUntil: row.accessUntil }),
          ...(row.graceUntil === undefined ? {} : { graceUntil: row.graceUntil }),
          hasAccess: entitlementGrantsAccess(row, now),
          pending: row.userId === undefined,
        });
      }
    }
    return result;
  },
});
