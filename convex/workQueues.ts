import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import { type MutationCtx } from "./_generated/server";
import { writeAudit } from "./model/shared/audit";
import { pickPresent } from "./model/shared/pickPresent";
import { discordTables, vWorkStatus } from "./tables/discord";
import { adminMutation, adminQuery } from "./functions";
import { appError } from "./model/shared/errors";

/** What the console shows of a mirror delivery: no lease, nonce or crash-recovery bookkeeping. */
const MIRROR_ROW_FIELDS = [
  "_id",
  "_creationTime",
  "signalId",
  "mappingId",
  "customerChannelId",
  "targetVersion",
  "syncedVersion",
  "customerMessageId",
  "status",
  "attempts",
  "nextAttemptAt",
  "lastError",
  "errorKind",
  "updatedAt",
] as const;
const vMirrorRow = discordTables.mirrorDeliveries.validator
  .extend({ _id: v.id("mirrorDeliveries"), _creationTime: v.number() })
  .pick(...MIRROR_ROW_FIELDS);

/** What the console shows of a role-sync job: everything but the lease. */
const vRoleRow = discordTables.roleSyncJobs.validator
  .omit("leaseOwner", "leaseExpiresAt")
  .extend({ _id: v.id("roleSyncJobs"), _creationTime: v.number() });

/** Mirror deliveries in one status, most overdue first. Admins only, read-only. */
export const mirrorDeliveries = adminQuery({
  args: { status: vWorkStatus, paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(vMirrorRow),
  handler: async (ctx, { status, paginationOpts }) => {
    const result = await ctx.db
      .query("mirrorDeliveries")
      .withIndex("by_status_and_next", (q) => q.eq("status", status))
      .paginate(paginationOpts);
    return {
      ...result,
      page: result.page.map((row) => pickPresent(row, MIRROR_ROW_FIELDS)),
    };
  },
});

/** Role-sync jobs in one status, most overdue first. Admins only, read-only. */
export const roleSyncJobs = adminQuery({
  args: { status: vWorkStatus, paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(vRoleRow),
  handler: async (ctx, { status, paginationOpts }) => {
    const result = await ctx.db
      .query("roleSyncJobs")
      .withIndex("by_status_and_next", (q) => q.eq("status", status))
      .paginate(paginationOpts);
    return {
      ...result,
      page: result.page.map(({ leaseOwner: _owner, leaseExpiresAt: _expires, ...row }) => row),
    };
  },
});

function notFailed(): never {
  throw appError("CONFLICT", "Only failed jobs can be retried; this one is not failed (anymore).");
}

/** One audit row per retry: the admin's reason and the failure being retried. */
async function auditRetry(
  ctx: MutationCtx,
  adminId: Id<"users">,
  targetType: "mirrorDelivery" | "roleSyncJob",
  targetId: string,
  reason: string | undefined,
  failed: { attempts: number; lastError?: string },
) {
  const trimmed = reason?.trim().slice(0, 500);
  await writeAudit(ctx, {
    actorType: "admin",
    actorUserId: adminId,
    action: `${targetType}.retry`,
    targetType,
    targetId,
    ...(trimmed ? { reason: trimmed } : {}),
    details: { attempts: failed.attempts, lastError: failed.lastError?.slice(0, 300) },
  });
}

/** Puts a failed mirror delivery back in the queue, due now. Audited. */
export const retryMirrorDelivery = adminMutation({
  args: { id: v.id("mirrorDeliveries"), reason: v.optional(v.string()) },
  returns: v.null(),
  handler: async (ctx, { id, reason }) => {
    const row = await ctx.db.get("mirrorDeliveries", id);
    if (row === null) throw appError("NOT_FOUND", "No such delivery.");
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
    await auditRetry(ctx, ctx.admin._id, "mirrorDelivery", id, reason, row);
    return null;
  },
});

/** Puts a failed role-sync job back in the queue, due now. Audited. */
export const retryRoleSyncJob = adminMutation({
  args: { id: v.id("roleSyncJobs"), reason: v.optional(v.string()) },
  returns: v.null(),
  handler: async (ctx, { id, reason }) => {
    const row = await ctx.db.get("roleSyncJobs", id);
    if (row === null) throw appError("NOT_FOUND", "No such job.");
    if (row.status !== "failed") notFailed();
    await ctx.db.patch("roleSyncJobs", id, {
      status: "pending",
      nextAttemptAt: Date.now(),
      errorKind: undefined,
      leaseOwner: undefined,
      leaseExpiresAt: undefined,
    });
    await auditRetry(ctx, ctx.admin._id, "roleSyncJob", id, reason, row);
    return null;
  },
});
