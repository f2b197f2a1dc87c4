import { paginationOptsValidator } from "convex/server";
import { ConvexError, v } from "convex/values";
import { mutation, query } from "./_generated/server";
import { requireAdmin } from "./model/auth";
import { writeAudit } from "./model/audit";
import { vErrorKind, vWorkStatus } from "./tables/discord";

const vPage = <T extends ReturnType<typeof v.object>>(item: T) =>
  v.object({
    page: v.array(item),
    isDone: v.boolean(),
    continueCursor: v.string(),
    splitCursor: v.optional(v.union(v.string(), v.null())),
    pageStatus: v.optional(
      v.union(v.literal("SplitRecommended"), v.literal("SplitRequired"), v.null()),
    ),
  });

const vMirrorRow = v.object({
  _id: v.id("mirrorDeliveries"),
  _creationTime: v.number(),
  signalId: v.id("signals"),
  mappingId: v.id("channelMappings"),
  customerChannelId: v.string(),
  targetVersion: v.number(),
  syncedVersion: v.number(),
  customerMessageId: v.optional(v.string()),
  status: vWorkStatus,
  attempts: v.number(),
  nextAttemptAt: v.number(),
  lastError: v.optional(v.string()),
  errorKind: v.optional(vErrorKind),
  updatedAt: v.number(),
});

const vRoleRow = v.object({
  _id: v.id("roleSyncJobs"),
  _creationTime: v.number(),
  userId: v.optional(v.id("users")), // absent: a role holder with no linked account
  discordUserId: v.string(),
  guildId: v.string(),
  roleId: v.string(),
  action: v.union(v.literal("grant"), v.literal("revoke")),
  reason: v.string(),
  status: vWorkStatus,
  attempts: v.number(),
  nextAttemptAt: v.number(),
  lastError: v.optional(v.string()),
  errorKind: v.optional(vErrorKind),
  completedAt: v.optional(v.number()),
});

/** Mirror deliveries in one status, most overdue first. Admins only, read-only. */
export const mirrorDeliveries = query({
  args: { status: vWorkStatus, paginationOpts: paginationOptsValidator },
  returns: vPage(vMirrorRow),
  handler: async (ctx, { status, paginationOpts }) => {
    await requireAdmin(ctx);
    const result = await ctx.db
      .query("mirrorDeliveries")
      .withIndex("by_status_and_next", (q) => q.eq("status", status))
      .paginate(paginationOpts);
    return {
      ...result,
      page: result.page.map((row) => ({
        _id: row._id,
        _creationTime: row._creationTime,
        signalId: row.signalId,
        mappingId: row.mappingId,
        customerChannelId: row.customerChannelId,
        targetVersion: row.targetVersion,
        syncedVersion: row.syncedVersion,
        ...(row.customerMessageId === undefined
          ? {}
          : { customerMessageId: row.customerMessageId }),
        status: row.status,
        attempts: row.attempts,
        nextAttemptAt: row.nextAttemptAt,
        ...(row.lastError === undefined ? {} : { lastError: row.lastError }),
        ...(row.errorKind === undefined ? {} : { errorKind: row.errorKind }),
        updatedAt: row.updatedAt,
      })),
    };
  },
});

/** Role-sync jobs in one status, most overdue first. Admins only, read-only. */
export const roleSyncJobs = query({
  args: { status: vWorkStatus, paginationOpts: paginationOptsValidator },
  returns: vPage(vRoleRow),
  handler: async (ctx, { status, paginationOpts }) => {
    await requireAdmin(ctx);
    const result = await ctx.db
      .query("roleSyncJobs")
      .withIndex("by_status_and_next", (q) => q.eq("status", status))
      .paginate(paginationOpts);
    return {
      ...result,
      page: result.page.map((row) => ({
        _id: row._id,
        _creationTime: row._creationTime,
        ...(row.userId === undefined ? {} : { userId: row.userId }),
        discordUserId: row.discordUserId,
        guildId: row.guildId,
        roleId: row.roleId,
        action: row.action,
        reason: row.reason,
        status: row.status,
        attempts: row.attempts,
        nextAttemptAt: row.nextAttemptAt,
        ...(row.lastError === undefined ? {} : { lastError: row.lastError }),
        ...(row.errorKind === undefined ? {} : { errorKind: row.errorKind }),
        ...(row.completedAt === undefined ? {} : { completedAt: row.completedAt }),
      })),
    };
  },
});

function notFailed(): never {
  throw new ConvexError({
    code: "FAILED_PRECONDITION",
    message: "Only failed jobs can be retried; this one is not failed (anymore).",
  });
}

/** Puts a failed mirror delivery back in the queue, due now. Audited. */
export const retryMirrorDelivery = mutation({
  args: { id: v.id("mirrorDeliveries"), reason: v.optional(v.string()) },
  returns: v.null(),
  handler: async (ctx, { id, reason }) => {
    const admin = await requireAdmin(ctx);
    const row = await ctx.db.get("mirrorDeliveries", id);
    if (row === null) throw new ConvexError({ code: "NOT_FOUND", message: "No such delivery." });
    if (row.status !== "failed") notFailed();
    const now = Date.now();
    await ctx.db.patch("mirrorDeliveries", id, {
      status: "pending",
      nextAttemptAt: now,
      errorKind: undefined,
      leaseOwner: undefined,
      leaseExpiresAt: undefined,
      updatedAt: now,
    });
    const trimmed = reason?.trim().slice(0, 500);
    await writeAudit(ctx, {
      actorType: "admin",
      actorUserId: admin._id,
      action: "mirrorDelivery.retry",
      targetType: "mirrorDelivery",
      targetId: id,
      ...(trimmed ? { reason: trimmed } : {}),
      details: { attempts: row.attempts, lastError: row.lastError?.slice(0, 300) },
    });
    return null;
  },
});

/** Puts a failed role-sync job back in the queue, due now. Audited. */
export const retryRoleSyncJob = mutation({
  args: { id: v.id("roleSyncJobs"), reason: v.optional(v.string()) },
  returns: v.null(),
  handler: async (ctx, { id, reason }) => {
    const admin = await requireAdmin(ctx);
    const row = await ctx.db.get("roleSyncJobs", id);
    if (row === null) throw new ConvexError({ code: "NOT_FOUND", message: "No such job." });
    if (row.status !== "failed") notFailed();
    await ctx.db.patch("roleSyncJobs", id, {
      status: "pending",
      nextAttemptAt: Date.now(),
      errorKind: undefined,
      leaseOwner: undefined,
      leaseExpiresAt: undefined,
    });
    const trimmed = reason?.trim().slice(0, 500);
    await writeAudit(ctx, {
      actorType: "admin",
      actorUserId: admin._id,
      action: "roleSyncJob.retry",
      targetType: "roleSyncJob",
      targetId: id,
      ...(trimmed ? { reason: trimmed } : {}),
      details: { attempts: row.attempts, lastError: row.lastError?.slice(0, 300) },
    });
    return null;
  },
});
