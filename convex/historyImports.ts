import { v } from "convex/values";
import type { Doc } from "./_generated/dataModel";
import { internalMutation, type MutationCtx } from "./_generated/server";
import { adminMutation, adminQuery } from "./functions";
import { writeAudit } from "./model/shared/audit";
import type { Viewer } from "./model/auth/auth";
import { appError } from "./model/shared/errors";
import {
  activeImportOf,
  type AdminTransition,
  getImport,
  MAX_LISTED_IMPORTS,
  transition,
} from "./model/ingest/historyImport";
import { importProgress } from "./model/ingest/historyImportProgress";
import { findIngestMapping } from "./model/ingest/ingestMapping";
import { isSnowflake } from "./model/ingest/ingestSnowflake";
import { importTables } from "./tables/imports";

/**
 * The admin console's side of signal-history imports (docs/cutover.md): request an import of a
 * mapped source channel's whole Discord history, watch it live, pause, resume or cancel it. The
 * collector runs it (historyImportJobs.ts). Every call is admin-only and audited.
 */

const vImportRow = importTables.historyImports.validator.extend({
  _id: v.id("historyImports"),
  _creationTime: v.number(),
  channelLabel: v.optional(v.string()),
  requestedByEmail: v.optional(v.string()),
  progress: v.object({
    fraction: v.number(),
    perSecond: v.optional(v.number()),
    etaMs: v.optional(v.number()),
    reachedAt: v.optional(v.number()),
  }),
});

/** Queues an import of the channel; `requestedBy` absent = an operator on the command line. */
async function requestImport(
  ctx: MutationCtx,
  sourceChannelId: string,
  requestedBy: Viewer | null,
) {
  if (!isSnowflake(sourceChannelId)) {
    throw appError("BAD_REQUEST", "That is not a Discord channel id.");
  }
  if ((await findIngestMapping(ctx, sourceChannelId)) === null) {
    throw appError(
      "UNMAPPED_CHANNEL",
      "Map the channel (and enable the mapping) before importing its history.",
    );
  }
  const active = await activeImportOf(ctx, sourceChannelId);
  if (active !== null) {
    throw appError(
      "BUSY",
      `This channel already has an import (${active.state}); resume or cancel it.`,
    );
  }
  const importId = await ctx.db.insert("historyImports", {
    sourceChannelId,
    ...(requestedBy === null ? {} : { requestedBy: requestedBy._id }),
    state: "queued",
    pages: 0,
    imported: 0,
    skipped: 0,
    failed: 0,
  });
  await writeAudit(ctx, {
    actorType: requestedBy === null ? "system" : "admin",
    ...(requestedBy === null ? {} : { actorUserId: requestedBy._id }),
    action: "history.import.request",
    targetType: "historyImport",
    targetId: importId,
    details: { sourceChannelId },
  });
  return importId;
}

export const request = adminMutation({
  args: { sourceChannelId: v.string() },
  returns: v.id("historyImports"),
  handler: (ctx, { sourceChannelId }) => requestImport(ctx, sourceChannelId, ctx.admin),
});

/**
 * The same from the command line with the deployment's admin key (docs/cutover.md):
 * `npx convex run historyImports:requestFromCli '{"sourceChannelId":"…"}'`.
 */
export const requestFromCli = internalMutation({
  args: { sourceChannelId: v.string() },
  returns: v.id("historyImports"),
  handler: (ctx, { sourceChannelId }) => requestImport(ctx, sourceChannelId, null),
});

async function adminTransition(
  ctx: MutationCtx,
  admin: Viewer,
  importId: Doc<"historyImports">["_id"],
  action: AdminTransition,
) {
  const job = await getImport(ctx, importId);
  const state = await transition(ctx, job, action);
  await writeAudit(ctx, {
    actorType: "admin",
    actorUserId: admin._id,
    action: `history.import.${action}`,
    targetType: "historyImport",
    targetId: importId,
    details: { sourceChannelId: job.sourceChannelId, from: job.state, to: state },
  });
  return state;
}

const vTransitionResult = importTables.historyImports.validator.fields.state;

/** Stops at the collector's next page (what it has in hand is still written and counted). */
export const pause = adminMutation({
  args: { importId: v.id("historyImports") },
  returns: vTransitionResult,
  handler: (ctx, { importId }) => adminTransition(ctx, ctx.admin, importId, "pause"),
});

/** Queued again from where it stopped: any collector picks it up. */
export const resume = adminMutation({
  args: { importId: v.id("historyImports") },
  returns: vTransitionResult,
  handler: (ctx, { importId }) => adminTransition(ctx, ctx.admin, importId, "resume"),
});

/** Ends the import for good; what it imported stays (it is ordinary history). */
export const cancel = adminMutation({
  args: { importId: v.id("historyImports") },
  returns: vTransitionResult,
  handler: (ctx, { importId }) => adminTransition(ctx, ctx.admin, importId, "cancel"),
});

/** The latest imports, newest first, with live progress (the console subscribes). */
export const list = adminQuery({
  args: {},
  returns: v.array(vImportRow),
  handler: async (ctx) => {
    const rows = await ctx.db.query("historyImports").order("desc").take(MAX_LISTED_IMPORTS);
    const emails = new Map<string, string | undefined>();
    const labels = new Map<string, string | undefined>();
    const result = [];
    for (const row of rows) {
      const by = row.requestedBy;
      if (by !== undefined && !emails.has(by)) {
        emails.set(by, (await ctx.db.get("users", by))?.email);
      }
      if (!labels.has(row.sourceChannelId)) {
        labels.set(row.sourceChannelId, (await findIngestMapping(ctx, row.sourceChannelId))?.label);
      }
      const email = by === undefined ? undefined : emails.get(by);
      const label = labels.get(row.sourceChannelId);
      result.push({
        ...row,
        ...(email === undefined ? {} : { requestedByEmail: email }),
        ...(label === undefined ? {} : { channelLabel: label }),
        progress: importProgress(row),
      });
    }
    return result;
  },
});
