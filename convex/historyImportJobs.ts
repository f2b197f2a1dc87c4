import { v } from "convex/values";
import { internalQuery } from "./_generated/server";
import { serviceMutation } from "./functions";
import { writeAudit } from "./model/shared/audit";
import {
  getImport,
  nextClaimable,
  olderCursor,
  requireLeaseHolder,
} from "./model/ingest/historyImport";
import { isSnowflake } from "./model/ingest/ingestSnowflake";
import { appError } from "./model/shared/errors";
import { vHistoryImportState } from "./tables/imports";

/**
 * The collector's side of signal-history imports: claim a job under a lease, commit each page's
 * progress (cursor and counts) and finish. The messages themselves go through ingest.upsertMessage
 * (origin "history"), the same idempotent path as live ones. Public for the bot, checked with
 * CONVEX_SERVICE_SECRET by the serviceMutation builder.
 */

const MIN_LEASE_MS = 5_000;
const MAX_LEASE_MS = 10 * 60_000;
const MAX_ERROR_CHARS = 2000;

function checkLease(leaseMs: number): void {
  if (!Number.isFinite(leaseMs) || leaseMs < MIN_LEASE_MS || leaseMs > MAX_LEASE_MS) {
    throw appError("BAD_REQUEST", "leaseMs must be 5 s to 10 min.");
  }
}

const vClaimed = v.union(
  v.null(),
  v.object({
    importId: v.id("historyImports"),
    sourceChannelId: v.string(),
    cursor: v.optional(v.string()),
  }),
);

/** The next queued import, or a running one whose holder's lease ran out, now held by `owner`. */
export const claim = serviceMutation({
  args: { owner: v.string(), leaseMs: v.number() },
  returns: vClaimed,
  handler: async (ctx, { owner, leaseMs }) => {
    checkLease(leaseMs);
    const now = Date.now();
    const job = await nextClaimable(ctx, now, owner);
    if (job === null) return null;
    await ctx.db.patch("historyImports", job._id, {
      state: "running",
      leaseOwner: owner,
      leaseExpiresAt: now + leaseMs,
      ...(job.startedAt === undefined ? { startedAt: now } : {}),
    });
    if (job.leaseOwner !== undefined && job.leaseOwner !== owner) {
      await writeAudit(ctx, {
        actorType: "collector",
        action: "history.import.takeover",
        targetType: "historyImport",
        targetId: job._id,
        details: { from: job.leaseOwner, to: owner, cursor: job.cursor ?? null },
      });
    }
    return {
      importId: job._id,
      sourceChannelId: job.sourceChannelId,
      ...(job.cursor === undefined ? {} : { cursor: job.cursor }),
    };
  },
});

/**
 * One page written: moves the cursor back to its oldest message, adds its counts and renews the
 * lease. The answer's state tells the collector whether to go on ("running") or stop (an admin
 * paused or cancelled it meanwhile; the lease is then released).
 */
export const commitPage = serviceMutation({
  args: {
    importId: v.id("historyImports"),
    owner: v.string(),
    leaseMs: v.number(),
    oldestMessageId: v.string(),
    newestMessageId: v.string(),
    imported: v.number(),
    skipped: v.number(),
    failed: v.number(),
  },
  returns: vHistoryImportState,
  handler: async (ctx, args) => {
    checkLease(args.leaseMs);
    if (!isSnowflake(args.oldestMessageId) || !isSnowflake(args.newestMessageId)) {
      throw appError("BAD_REQUEST", "Message ids must be snowflakes.");
    }
    const job = await getImport(ctx, args.importId);
    requireLeaseHolder(job, args.owner);
    const now = Date.now();
    const stillRunning = job.state === "running";
    await ctx.db.patch("historyImports", job._id, {
      cursor: olderCursor(job.cursor, args.oldestMessageId),
      newestMessageId: job.newestMessageId ?? args.newestMessageId,
      pages: job.pages + 1,
      imported: job.imported + args.imported,
      skipped: job.skipped + args.skipped,
      failed: job.failed + args.failed,
      lastPageAt: now,
      ...(stillRunning
        ? { leaseExpiresAt: now + args.leaseMs }
        : { leaseOwner: undefined, leaseExpiresAt: undefined }),
    });
    return job.state;
  },
});

/** The channel's beginning was reached (done) or the import cannot go on (failed). */
export const finish = serviceMutation({
  args: {
    importId: v.id("historyImports"),
    owner: v.string(),
    error: v.optional(v.string()),
  },
  returns: vHistoryImportState,
  handler: async (ctx, { importId, owner, error }) => {
    const job = await getImport(ctx, importId);
    requireLeaseHolder(job, owner);
    if (job.state !== "running") return job.state; // paused or cancelled meanwhile: theirs stands
    const state = error === undefined ? "done" : "failed";
    await ctx.db.patch("historyImports", importId, {
      state,
      finishedAt: Date.now(),
      leaseOwner: undefined,
      leaseExpiresAt: undefined,
      ...(error === undefined ? {} : { error: error.slice(0, MAX_ERROR_CHARS) }),
    });
    await writeAudit(ctx, {
      actorType: "collector",
      action: `history.import.${state}`,
      targetType: "historyImport",
      targetId: importId,
      ...(error === undefined ? {} : { reason: error.slice(0, 500) }),
      details: {
        sourceChannelId: job.sourceChannelId,
        pages: job.pages,
        imported: job.imported,
        skipped: job.skipped,
        failed: job.failed,
      },
    });
    return state;
  },
});

/**
 * A collector stopping gracefully hands its import back: queued again from its cursor, for any
 * instance to claim at its next poll, instead of held until the lease runs out. The page in hand
 * was not committed, so the next holder re-reads it. Only the holder can let go; from anyone else,
 * or once the import has ended, it changes nothing (a stop that races the last page is harmless).
 * Paused meanwhile: it stays paused, only the lease goes.
 */
export const release = serviceMutation({
  args: { importId: v.id("historyImports"), owner: v.string() },
  returns: vHistoryImportState,
  handler: async (ctx, { importId, owner }) => {
    const job = await getImport(ctx, importId);
    if (job.leaseOwner !== owner) return job.state;
    const state = job.state === "running" ? "queued" : job.state;
    await ctx.db.patch("historyImports", importId, {
      state,
      leaseOwner: undefined,
      leaseExpiresAt: undefined,
    });
    await writeAudit(ctx, {
      actorType: "collector",
      action: "history.import.release",
      targetType: "historyImport",
      targetId: importId,
      details: { owner, from: job.state, to: state, cursor: job.cursor ?? null, pages: job.pages },
    });
    return state;
  },
});

const MAX_COUNTED = 16_000;

/**
 * How many signals a channel holds (operator check after an import: `npx convex run
 * historyImportJobs:channelCounts '{"sourceChannelId":"…"}'`). Counts at most 16,000 (one transaction's read budget).
 */
export const channelCounts = internalQuery({
  args: { sourceChannelId: v.string() },
  returns: v.object({
    total: v.number(),
    live: v.number(),
    tombstoned: v.number(),
    distinctMessages: v.number(),
    oldestSourceAt: v.optional(v.number()),
    truncated: v.boolean(),
  }),
  handler: async (ctx, { sourceChannelId }) => {
    const rows = await ctx.db
      .query("signals")
      .withIndex("by_channel_and_source_at", (q) => q.eq("sourceChannelId", sourceChannelId))
      .take(MAX_COUNTED);
    const ids = new Set(rows.map((row) => row.sourceMessageId));
    const tombstoned = rows.filter((row) => row.deletedAt !== undefined).length;
    return {
      total: rows.length,
      live: rows.length - tombstoned,
      tombstoned,
      distinctMessages: ids.size,
      ...(rows[0] === undefined ? {} : { oldestSourceAt: rows[0].sourceAt }),
      truncated: rows.length === MAX_COUNTED,
    };
  },
});
