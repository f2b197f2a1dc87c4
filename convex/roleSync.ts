import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation } from "./_generated/server";
import { writeAdminAudit } from "./model/shared/audit";
import { roleHierarchyStatus, vRoleHierarchyStatus } from "./model/mirror/mirrorHealth";
import { clampLeaseMs, clampLimit, MAX_BATCH_IDS, vErrorReport } from "./model/mirror/mirrorQueue";
import {
  claimRoleJob,
  completeRoleJob,
  customerGuildId,
  enqueueRoleSyncForUser,
  failRoleJob,
  listRoleWork,
  paidRoleMap,
  releaseRoleLeases,
  vRoleClaimResult,
  vRoleWorkItem,
} from "./model/discord/roleSync";
import { reconcileRolePage, vReconcileResult } from "./model/discord/roleSyncReconcile";
import { adminMutation, adminQuery, serviceMutation, serviceQuery } from "./functions";
import { appError } from "./model/shared/errors";

// Paid-role sync. Service functions (the mirror bot) check CONVEX_SERVICE_SECRET; admin functions
// check the signed-in admin. Every decision goes through the access gate (model/payments/access.ts).

/** Open jobs in due order plus leases in expiry order; the bot subscribes with onUpdate. */
export const work = serviceQuery({
  args: { limit: v.optional(v.number()) },
  returns: v.array(vRoleWorkItem),
  handler: async (ctx, { limit }) => {
    return listRoleWork(ctx, clampLimit(limit));
  },
});

/** The customer guild and its paid roles, for the bot's reconciliation and hierarchy report. */
export const paidRoles = serviceQuery({
  args: {},
  returns: v.object({
    guildId: v.union(v.string(), v.null()),
    roles: v.array(v.object({ roleId: v.string(), tierKeys: v.array(v.string()) })),
  }),
  handler: async (ctx) => {
    const roles = [...(await paidRoleMap(ctx)).entries()].map(([roleId, tierKeys]) => ({
      roleId,
      tierKeys,
    }));
    return { guildId: customerGuildId() ?? null, roles };
  },
});

export const claim = serviceMutation({
  args: {
    owner: v.string(),
    jobId: v.id("roleSyncJobs"),
    leaseMs: v.optional(v.number()),
  },
  returns: vRoleClaimResult,
  handler: async (ctx, { owner, jobId, leaseMs }) => {
    return claimRoleJob(ctx, { jobId, owner, leaseMs: clampLeaseMs(leaseMs) });
  },
});

export const complete = serviceMutation({
  args: {
    owner: v.string(),
    jobId: v.id("roleSyncJobs"),
    outcome: v.union(v.literal("applied"), v.literal("not_a_member")),
  },
  returns: v.boolean(),
  handler: async (ctx, { owner, jobId, outcome }) => {
    return completeRoleJob(ctx, { jobId, owner, outcome });
  },
});

export const fail = serviceMutation({
  args: { owner: v.string(), jobId: v.id("roleSyncJobs"), error: vErrorReport },
  returns: v.boolean(),
  handler: async (ctx, { owner, jobId, error }) => {
    return failRoleJob(ctx, { jobId, owner, error });
  },
});

export const release = serviceMutation({
  args: { owner: v.string(), jobIds: v.array(v.id("roleSyncJobs")) },
  returns: v.number(),
  handler: async (ctx, { owner, jobIds }) => {
    if (jobIds.length > MAX_BATCH_IDS) {
      throw appError("BAD_REQUEST", `At most ${MAX_BATCH_IDS} ids.`);
    }
    return releaseRoleLeases(ctx, { owner, jobIds });
  },
});

/**
 * One page of the periodic reconciliation: `holders` are the members that hold `roleId` now (the
 * bot fetched them). Call with cursor null, then with `continueCursor` until `isDone`.
 */
export const reconcileRoles = serviceMutation({
  args: {
    guildId: v.string(),
    roleId: v.string(),
    holders: v.array(v.string()),
    cursor: v.union(v.string(), v.null()),
  },
  returns: vReconcileResult,
  handler: async (ctx, { ...args }) => {
    return reconcileRolePage(ctx, args);
  },
});

/** Admin: re-sync one user's paid roles now. */
export const resyncUser = adminMutation({
  args: { userId: v.id("users") },
  returns: v.number(),
  handler: async (ctx, { userId }) => {
    const enqueued = await enqueueRoleSyncForUser(ctx, userId, "admin re-sync");
    await writeAdminAudit(ctx, {
      action: "role.resync",
      targetType: "user",
      targetId: userId,
      details: { jobs: enqueued },
    });
    return enqueued;
  },
});

/** Admin: re-sync every linked account (in scheduled pages of 100). */
export const resyncAll = adminMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    await ctx.scheduler.runAfter(0, internal.roleSync.resyncPage, {
      paginationOpts: { numItems: 100, cursor: null },
    });
    await writeAdminAudit(ctx, {
      action: "role.resync_all",
      targetType: "guild",
      targetId: customerGuildId() ?? "unconfigured",
    });
    return null;
  },
});

export const resyncPage = internalMutation({
  args: { paginationOpts: paginationOptsValidator },
  returns: v.null(),
  handler: async (ctx, { paginationOpts }) => {
    const page = await ctx.db.query("discordLinks").paginate(paginationOpts);
    for (const link of page.page) {
      await enqueueRoleSyncForUser(ctx, link.userId, "admin re-sync (all)");
    }
    if (!page.isDone) {
      await ctx.scheduler.runAfter(0, internal.roleSync.resyncPage, {
        paginationOpts: { numItems: paginationOpts.numItems, cursor: page.continueCursor },
      });
    }
    return null;
  },
});

/** Admin console warning: does the bot's highest role sit above every paid role? */
export const hierarchyStatus = adminQuery({
  args: {},
  returns: vRoleHierarchyStatus,
  handler: async (ctx) => {
    return roleHierarchyStatus(ctx, await paidRoleMap(ctx), Date.now());
  },
});
