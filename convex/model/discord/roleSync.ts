import { v, type Infer } from "convex/values";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { hasAccess } from "../payments/access";
import { writeAudit } from "../shared/audit";
import { optionalEnv } from "../shared/env";
import {
  describeError,
  failedAttemptPatch,
  holdsLease,
  isClaimable,
  type vErrorReport,
} from "../mirror/mirrorQueue";

/**
 * Paid-role sync. A job asks the bot to bring one (Discord user, paid role) pair to the state the
 * access gate decides. Level-triggered: the action is decided again from `hasAccess` when the job is
 * claimed, so a job enqueued as "grant" for a customer who lapsed meanwhile revokes. At most one
 * pending job per pair (later triggers merge into it) and never two leased at once.
 */

export type RoleAction = "grant" | "revoke";

const MAX_TIERS = 100;

export const vRoleJob = v.object({
  jobId: v.id("roleSyncJobs"),
  guildId: v.string(),
  roleId: v.string(),
  discordUserId: v.string(),
  action: v.union(v.literal("grant"), v.literal("revoke")),
  reason: v.string(),
  leaseExpiresAt: v.number(),
});
export type RoleJob = Infer<typeof vRoleJob>;

export const vRoleClaimResult = v.union(
  v.object({ status: v.literal("claimed"), job: vRoleJob }),
  v.object({ status: v.literal("busy") }),
  v.object({ status: v.literal("missing") }),
);

export const vRoleWorkItem = v.object({
  jobId: v.id("roleSyncJobs"),
  status: v.union(v.literal("pending"), v.literal("leased")),
  dueAt: v.number(),
});

/** The customer guild the paid roles live in (Convex env), or undefined when role sync is off. */
export function customerGuildId(): string | undefined {
  return optionalEnv("DISCORD_CUSTOMER_GUILD_ID");
}

/** Paid role id → the tiers that carry it. Tiers are a handful of rows. */
export async function paidRoleMap(ctx: QueryCtx): Promise<Map<string, string[]>> {
  const tiers = await ctx.db.query("tiers").take(MAX_TIERS);
  const roles = new Map<string, string[]>();
  for (const tier of tiers) {
    if (tier.discordRoleId === undefined) continue;
    roles.set(tier.discordRoleId, [...(roles.get(tier.discordRoleId) ?? []), tier.key]);
  }
  return roles;
}

/** THE decision, always through the access gate: does the user entitled to any of these tiers? */
export async function userShouldHoldRole(
  ctx: QueryCtx,
  userId: Id<"users">,
  tierKeys: readonly string[],
  now: number,
): Promise<boolean> {
  for (const tierKey of tierKeys) {
    if (await hasAccess(ctx, userId, tierKey, now)) return true;
  }
  return false;
}

/** Desired state of one Discord user for one role: only an entitled, linked user holds it. */
export async function desiredRoleAction(
  ctx: QueryCtx,
  discordUserId: string,
  tierKeys: readonly string[],
  now: number,
): Promise<{ action: RoleAction; userId?: Id<"users"> }> {
  const link = await ctx.db
    .query("discordLinks")
    .withIndex("by_discord_user", (q) => q.eq("discordUserId", discordUserId))
    .unique();
  if (link === null) return { action: "revoke" };
  const entitled = await userShouldHoldRole(ctx, link.userId, tierKeys, now);
  return { action: entitled ? "grant" : "revoke", userId: link.userId };
}

/** Adds a job, or merges into the pair's pending job (new action and reason, due now). */
export async function enqueueRoleSync(
  ctx: MutationCtx,
  job: {
    discordUserId: string;
    userId?: Id<"users">;
    guildId: string;
    roleId: string;
    action: RoleAction;
    reason: string;
  },
): Promise<Id<"roleSyncJobs">> {
  const now = Date.now();
  const pending = await ctx.db
    .query("roleSyncJobs")
    .withIndex("by_discord_user_and_role", (q) =>
      q.eq("discordUserId", job.discordUserId).eq("roleId", job.roleId).eq("status", "pending"),
    )
    .first();
  if (pending !== null) {
    await ctx.db.patch("roleSyncJobs", pending._id, {
      action: job.action,
      reason: job.reason,
      userId: job.userId,
      guildId: job.guildId,
      // A running backoff keeps its schedule; an idle job becomes due now.
      nextAttemptAt: pending.attempts > 0 ? pending.nextAttemptAt : now,
    });
    return pending._id;
  }
  return ctx.db.insert("roleSyncJobs", {
    ...(job.userId === undefined ? {} : { userId: job.userId }),
    discordUserId: job.discordUserId,
    guildId: job.guildId,
    roleId: job.roleId,
    action: job.action,
    reason: job.reason.slice(0, 200),
    status: "pending",
    attempts: 0,
    nextAttemptAt: now,
  });
}

/**
 * The hook for entitlement and link changes: enqueues a sync of every paid role for the user's
 * linked Discord account (grant or revoke, as the access gate decides now). No link: nothing to do
 * (linking later enqueues). Role sync off (no DISCORD_CUSTOMER_GUILD_ID): logged and skipped, never
 * failing the entitlement write; the periodic reconciliation repairs once it is configured.
 */
export async function enqueueRoleSyncForUser(
  ctx: MutationCtx,
  userId: Id<"users">,
  reason: string,
): Promise<number> {
  const link = await ctx.db
    .query("discordLinks")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .unique();
  if (link === null) return 0;
  return enqueueRoleSyncForDiscordUser(ctx, link.discordUserId, reason);
}

/** As above, keyed by Discord user (also for an account that was just unlinked: revokes). */
export async function enqueueRoleSyncForDiscordUser(
  ctx: MutationCtx,
  discordUserId: string,
  reason: string,
): Promise<number> {
  const guildId = customerGuildId();
  if (guildId === undefined) {
    console.warn(
      JSON.stringify({ event: "roleSync.disabled", reason: "DISCORD_CUSTOMER_GUILD_ID unset" }),
    );
    return 0;
  }
  const now = Date.now();
  let enqueued = 0;
  for (const [roleId, tierKeys] of await paidRoleMap(ctx)) {
    const desired = await desiredRoleAction(ctx, discordUserId, tierKeys, now);
    await enqueueRoleSync(ctx, {
      discordUserId,
      ...(desired.userId === undefined ? {} : { userId: desired.userId }),
      guildId,
      roleId,
      action: desired.action,
      reason,
    });
    enqueued++;
  }
  return enqueued;
}

export async function listRoleWork(
  ctx: QueryCtx,
  limit: number,
): Promise<Infer<typeof vRoleWorkItem>[]> {
  const pending = await ctx.db
    .query("roleSyncJobs")
    .withIndex("by_status_and_next", (q) => q.eq("status", "pending"))
    .take(limit);
  const leased = await ctx.db
    .query("roleSyncJobs")
    .withIndex("by_status_and_next", (q) => q.eq("status", "leased"))
    .take(limit);
  return [...pending, ...leased].map((row) => ({
    jobId: row._id,
    status: row.status === "leased" ? ("leased" as const) : ("pending" as const),
    dueAt: row.nextAttemptAt,
  }));
}

export async function claimRoleJob(
  ctx: MutationCtx,
  args: { jobId: Id<"roleSyncJobs">; owner: string; leaseMs: number },
): Promise<Infer<typeof vRoleClaimResult>> {
  const row = await ctx.db.get("roleSyncJobs", args.jobId);
  if (row === null) return { status: "missing" };
  const now = Date.now();
  if (!isClaimable(row, args.owner, now)) return { status: "busy" };
  if (await anotherLeaseRunning(ctx, row, now)) return { status: "busy" };
  const tierKeys = (await paidRoleMap(ctx)).get(row.roleId) ?? [];
  const desired = await desiredRoleAction(ctx, row.discordUserId, tierKeys, now);
  const leaseExpiresAt = now + args.leaseMs;
  await ctx.db.patch("roleSyncJobs", row._id, {
    status: "leased",
    action: desired.action,
    userId: desired.userId,
    leaseOwner: args.owner,
    leaseExpiresAt,
    nextAttemptAt: leaseExpiresAt,
  });
  return {
    status: "claimed",
    job: {
      jobId: row._id,
      guildId: row.guildId,
      roleId: row.roleId,
      discordUserId: row.discordUserId,
      action: desired.action,
      reason: row.reason,
      leaseExpiresAt,
    },
  };
}

/** Discord applied the change: done, and the grant or revoke goes to the audit log. */
export async function completeRoleJob(
  ctx: MutationCtx,
  args: { jobId: Id<"roleSyncJobs">; owner: string; outcome: "applied" | "not_a_member" },
): Promise<boolean> {
  const row = await ctx.db.get("roleSyncJobs", args.jobId);
  if (row === null || !holdsLease(row, args.owner)) return false;
  const now = Date.now();
  await ctx.db.patch("roleSyncJobs", row._id, {
    status: "done",
    completedAt: now,
    leaseOwner: undefined,
    leaseExpiresAt: undefined,
    lastError: undefined,
    errorKind: undefined,
  });
  await writeAudit(ctx, {
    actorType: "mirror",
    action: `role.${row.action}`,
    targetType: "discordUser",
    targetId: row.discordUserId,
    reason: row.reason,
    details: {
      roleId: row.roleId,
      guildId: row.guildId,
      jobId: row._id,
      outcome: args.outcome,
      ...(row.userId === undefined ? {} : { userId: row.userId }),
    },
  });
  return true;
}

export async function failRoleJob(
  ctx: MutationCtx,
  args: { jobId: Id<"roleSyncJobs">; owner: string; error: Infer<typeof vErrorReport> },
): Promise<boolean> {
  const row = await ctx.db.get("roleSyncJobs", args.jobId);
  if (row === null || !holdsLease(row, args.owner)) return false;
  const permanent = args.error.kind === "permanent";
  await ctx.db.patch(
    "roleSyncJobs",
    row._id,
    failedAttemptPatch(row.attempts, args.error, Date.now(), Math.random()),
  );
  if (permanent) {
    await writeAudit(ctx, {
      actorType: "mirror",
      action: `role.${row.action}_failed`,
      targetType: "discordUser",
      targetId: row.discordUserId,
      reason: describeError(args.error),
      details: { roleId: row.roleId, jobId: row._id },
    });
  }
  return true;
}

export async function releaseRoleLeases(
  ctx: MutationCtx,
  args: { owner: string; jobIds: Id<"roleSyncJobs">[] },
): Promise<number> {
  let released = 0;
  for (const jobId of args.jobIds) {
    const row = await ctx.db.get("roleSyncJobs", jobId);
    if (row === null || !holdsLease(row, args.owner)) continue;
    await ctx.db.patch("roleSyncJobs", row._id, {
      status: "pending",
      nextAttemptAt: Date.now(),
      leaseOwner: undefined,
      leaseExpiresAt: undefined,
    });
    released++;
  }
  return released;
}

async function anotherLeaseRunning(
  ctx: QueryCtx,
  row: Doc<"roleSyncJobs">,
  now: number,
): Promise<boolean> {
  const leased = await ctx.db
    .query("roleSyncJobs")
    .withIndex("by_discord_user_and_role", (q) =>
      q.eq("discordUserId", row.discordUserId).eq("roleId", row.roleId).eq("status", "leased"),
    )
    .take(10);
  return leased.some((other) => other._id !== row._id && (other.leaseExpiresAt ?? 0) > now);
}
