import { RESTJSONErrorCodes, type Client, type Guild } from "discord.js";
import type { Id } from "./convex-api.js";
import { classifyDiscordError, errorReport } from "./discord-errors.js";
import type { Logger } from "./logger.js";
import type { MirrorApi } from "./mirror-api.js";
import type { ClaimedRoleJob } from "./work-types.js";
import { WorkScheduler, type RunOutcome, type SchedulerItem } from "./work-scheduler.js";

export type RoleWorkerOptions = {
  api: MirrorApi;
  client: Client;
  guildId: string;
  logger: Logger;
  reconcileEveryMs: number;
  leaseMs?: number;
  maxConcurrent?: number;
};

const SNAPSHOT_LIMIT = 100;
const MEMBER_PAGE = 1000;

/**
 * Executes paid-role jobs (grant → add the role, revoke → remove it) and runs the periodic
 * reconciliation: it reports the members holding each paid role and Convex enqueues the fixes.
 */
export class RoleWorker {
  private readonly scheduler: WorkScheduler;
  private unsubscribe: (() => void) | undefined;
  private reconcileTimer: NodeJS.Timeout | undefined;
  private reconciling: Promise<void> | undefined;
  private readonly leaseMs: number;
  lastReconcile: { at: number; grants: number; revokes: number } | undefined;

  constructor(private readonly options: RoleWorkerOptions) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.scheduler = new WorkScheduler({
      owner: options.api.owner,
      maxConcurrent: options.maxConcurrent ?? 2,
      run: (item) => this.run(item),
      onError: (error, item) =>
        options.logger.error(
          { event: "roles.worker_error", jobId: item.id, error: String(error) },
          "role job crashed",
        ),
    });
  }

  start(): void {
    this.unsubscribe = this.options.api.onRoleWork(
      SNAPSHOT_LIMIT,
      (items) =>
        this.scheduler.update(
          items.map((item) => ({
            id: item.jobId,
            group: item.jobId,
            dueAt: item.dueAt,
            status: item.status,
          })),
        ),
      (error) =>
        this.options.logger.error(
          { event: "roles.subscription_error", error: error.message },
          "role subscription failed",
        ),
    );
    this.reconcileTimer = setInterval(
      () => void this.reconcileNow(),
      this.options.reconcileEveryMs,
    );
    this.reconcileTimer.unref();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    if (this.reconcileTimer !== undefined) clearInterval(this.reconcileTimer);
    await this.scheduler.drain();
    await this.reconciling;
  }

  get inFlight(): number {
    return this.scheduler.size;
  }

  /** Compares every paid role's holders with entitlements (Convex decides; the bot reports). */
  reconcileNow(): Promise<void> {
    this.reconciling ??= this.reconcile().finally(() => {
      this.reconciling = undefined;
    });
    return this.reconciling;
  }

  /** Role positions for the heartbeat: the admin console warns when a paid role is above the bot. */
  async hierarchy(): Promise<{
    botHighestRolePosition?: number;
    paidRoles: { roleId: string; position?: number }[];
  }> {
    const guild = this.options.client.guilds.cache.get(this.options.guildId);
    const { roles } = await this.options.api.paidRoles();
    const me = guild?.members.me ?? undefined;
    return {
      ...(me === undefined ? {} : { botHighestRolePosition: me.roles.highest.position }),
      paidRoles: roles.map(({ roleId }) => {
        const position = guild?.roles.cache.get(roleId)?.position;
        return position === undefined ? { roleId } : { roleId, position };
      }),
    };
  }

  private async run(item: SchedulerItem): Promise<RunOutcome> {
    const claim = await this.options.api.claimRole(item.id as Id<"roleSyncJobs">, this.leaseMs);
    if (claim.status !== "claimed") return "busy";
    await this.execute(claim.job);
    return "ran";
  }

  private async execute(job: ClaimedRoleJob): Promise<void> {
    const log = this.options.logger.child({
      jobId: job.jobId,
      roleId: job.roleId,
      action: job.action,
    });
    try {
      const guild = await this.guild(job.guildId);
      const change = {
        user: job.discordUserId,
        role: job.roleId,
        reason: job.reason.slice(0, 200),
      };
      if (job.action === "grant") await guild.members.addRole(change);
      else await guild.members.removeRole(change);
      await this.options.api.completeRole(job, "applied");
      log.info(
        { event: `roles.${job.action}`, discordUserId: job.discordUserId },
        `role ${job.action} applied`,
      );
    } catch (error) {
      const failure = classifyDiscordError(error);
      if (failure.code === RESTJSONErrorCodes.UnknownMember) {
        // Not in the guild: nothing to revoke; a grant is applied when they join through linking.
        await this.options.api.completeRole(job, "not_a_member");
        log.info(
          { event: "roles.not_a_member", discordUserId: job.discordUserId },
          "member not in the guild",
        );
        return;
      }
      const permanent = failure.kind !== "transient";
      await this.options.api.failRole(job, errorReport(failure));
      log[permanent ? "error" : "warn"](
        { event: "roles.job_failed", code: failure.code, error: failure.message },
        permanent ? "role job failed permanently" : "role job failed, will retry",
      );
    }
  }

  private async reconcile(): Promise<void> {
    const { guildId, roles } = await this.options.api.paidRoles();
    if (guildId !== this.options.guildId) {
      this.options.logger.warn(
        { event: "roles.guild_mismatch", convexGuildId: guildId, botGuildId: this.options.guildId },
        "Convex DISCORD_CUSTOMER_GUILD_ID differs from the bot's; skipping reconciliation",
      );
      return;
    }
    const guild = await this.guild(guildId);
    const holdersByRole = await this.holders(
      guild,
      roles.map((role) => role.roleId),
    );
    let grants = 0;
    let revokes = 0;
    for (const { roleId } of roles) {
      const holders = holdersByRole.get(roleId) ?? [];
      let cursor: string | null = null;
      for (;;) {
        const page: { continueCursor: string; isDone: boolean; grants: number; revokes: number } =
          await this.options.api.reconcileRoles({ guildId, roleId, holders, cursor });
        grants += page.grants;
        revokes += page.revokes;
        if (page.isDone) break;
        cursor = page.continueCursor;
      }
    }
    this.lastReconcile = { at: Date.now(), grants, revokes };
    this.options.logger.info(
      { event: "roles.reconciled", roles: roles.length, grants, revokes },
      "roles reconciled",
    );
  }

  /** Members holding each role, from the REST member list (paged, not cached). */
  private async holders(guild: Guild, roleIds: string[]): Promise<Map<string, string[]>> {
    const wanted = new Set(roleIds);
    const holders = new Map<string, string[]>(roleIds.map((roleId) => [roleId, []]));
    let after: string | undefined;
    for (;;) {
      const page = await guild.members.list({
        limit: MEMBER_PAGE,
        cache: false,
        ...(after === undefined ? {} : { after }),
      });
      for (const member of page.values()) {
        for (const roleId of member.roles.cache.keys()) {
          if (wanted.has(roleId)) holders.get(roleId)?.push(member.id);
        }
      }
      if (page.size < MEMBER_PAGE) return holders;
      after = page.lastKey();
    }
  }

  private async guild(guildId: string): Promise<Guild> {
    return (
      this.options.client.guilds.cache.get(guildId) ??
      (await this.options.client.guilds.fetch(guildId))
    );
  }
}
