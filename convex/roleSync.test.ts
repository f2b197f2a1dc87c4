import { describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { enqueueRoleSyncForUser } from "./model/discord/roleSync";
import {
  grantAccess,
  GUILD,
  linkDiscord,
  ROLE,
  SECRET,
  setupMirror,
  type Setup,
} from "./test.mirror";

const BOT = "mirror-a";
const PAYING_DISCORD = "3000000000000000001";
const FREE_DISCORD = "3000000000000000002";
const STRANGER = "3000000000000000003";

async function jobs(s: Setup) {
  return s.t.run(async (ctx) =>
    (await ctx.db.query("roleSyncJobs").take(100)).map((job) => ({
      discordUserId: job.discordUserId,
      action: job.action,
      status: job.status,
      roleId: job.roleId,
      guildId: job.guildId,
    })),
  );
}

async function runJob(s: Setup, jobId: Id<"roleSyncJobs">) {
  const claim = await s.t.mutation(api.roleSync.claim, { secret: SECRET, owner: BOT, jobId });
  if (claim.status !== "claimed") throw new Error(`expected a claim, got ${claim.status}`);
  await s.t.mutation(api.roleSync.complete, {
    secret: SECRET,
    owner: BOT,
    jobId,
    outcome: "applied",
  });
  return claim.job;
}

describe("enqueueing", () => {
  test("an entitlement change of a linked user enqueues the action the access gate decides", async () => {
    const s = await setupMirror();
    await s.t.run(async (ctx) => {
      await linkDiscord(ctx, s.ids.paying, PAYING_DISCORD);
      await linkDiscord(ctx, s.ids.customer, FREE_DISCORD);
      await grantAccess(ctx, s.ids.paying);
      await enqueueRoleSyncForUser(ctx, s.ids.paying, "entitlement.grant");
      await enqueueRoleSyncForUser(ctx, s.ids.customer, "entitlement.revoke");
    });
    expect(await jobs(s)).toEqual([
      {
        discordUserId: PAYING_DISCORD,
        action: "grant",
        status: "pending",
        roleId: ROLE,
        guildId: GUILD,
      },
      {
        discordUserId: FREE_DISCORD,
        action: "revoke",
        status: "pending",
        roleId: ROLE,
        guildId: GUILD,
      },
    ]);
  });

  test("repeated triggers merge into one pending job per member and role", async () => {
    const s = await setupMirror();
    await s.t.run(async (ctx) => {
      await linkDiscord(ctx, s.ids.paying, PAYING_DISCORD);
      await grantAccess(ctx, s.ids.paying);
      for (let i = 0; i < 3; i++) await enqueueRoleSyncForUser(ctx, s.ids.paying, `event ${i}`);
    });
    expect(await jobs(s)).toHaveLength(1);
  });

  test("no link: nothing to enqueue; no customer guild configured: skipped, never throws", async () => {
    const s = await setupMirror();
    await s.t.run(async (ctx) => {
      await grantAccess(ctx, s.ids.paying);
      expect(await enqueueRoleSyncForUser(ctx, s.ids.paying, "x")).toBe(0);
    });
    vi.stubEnv("DISCORD_CUSTOMER_GUILD_ID", "");
    await s.t.run(async (ctx) => {
      await linkDiscord(ctx, s.ids.paying, PAYING_DISCORD);
      expect(await enqueueRoleSyncForUser(ctx, s.ids.paying, "x")).toBe(0);
    });
    expect(await jobs(s)).toEqual([]);
  });

  test("unlink enqueues a revoke for the unlinked account", async () => {
    const s = await setupMirror();
    await s.t.run(async (ctx) => {
      await linkDiscord(ctx, s.ids.paying, PAYING_DISCORD);
      await grantAccess(ctx, s.ids.paying);
    });
    expect(await s.as(s.ids.paying).mutation(api.discordLink.unlink, {})).toBe(true);
    expect(await jobs(s)).toMatchObject([{ discordUserId: PAYING_DISCORD, action: "revoke" }]);
    expect(await s.as(s.ids.paying).query(api.discordLink.mine, {})).toBeNull();
    expect(await s.as(s.ids.paying).mutation(api.discordLink.unlink, {})).toBe(false);
  });
});

describe("execution", () => {
  test("the action is re-decided at claim time, and every executed change is audited", async () => {
    const s = await setupMirror();
    const entitlementId = await s.t.run(async (ctx) => {
      await linkDiscord(ctx, s.ids.paying, PAYING_DISCORD);
      const id = await grantAccess(ctx, s.ids.paying);
      await enqueueRoleSyncForUser(ctx, s.ids.paying, "entitlement.grant");
      // The customer disputes the payment before the bot gets to the job.
      await ctx.db.patch("entitlements", id, { status: "revoked", revokedAt: Date.now() });
      return id;
    });
    expect(entitlementId).toBeDefined();
    const jobId = (await s.t.query(api.roleSync.work, { secret: SECRET }))[0]?.jobId;
    if (jobId === undefined) throw new Error("no job");
    const job = await runJob(s, jobId);
    expect(job).toMatchObject({
      action: "revoke",
      discordUserId: PAYING_DISCORD,
      roleId: ROLE,
      guildId: GUILD,
    });
    const audit = await s.t.run((ctx) => ctx.db.query("auditLog").take(10));
    expect(audit.map((entry) => [entry.action, entry.actorType, entry.targetId])).toEqual([
      ["role.revoke", "mirror", PAYING_DISCORD],
    ]);
    expect(await s.t.query(api.roleSync.work, { secret: SECRET })).toEqual([]);
  });

  test("an expired entitlement yields a revoke (period end enforced at claim)", async () => {
    const s = await setupMirror();
    await s.t.run(async (ctx) => {
      await linkDiscord(ctx, s.ids.paying, PAYING_DISCORD);
      await grantAccess(ctx, s.ids.paying, { accessUntil: Date.now() - 1 });
      await enqueueRoleSyncForUser(ctx, s.ids.paying, "expiry");
    });
    const jobId = (await s.t.query(api.roleSync.work, { secret: SECRET }))[0]?.jobId;
    if (jobId === undefined) throw new Error("no job");
    expect((await runJob(s, jobId)).action).toBe("revoke");
  });

  test("never two leases for one member and role; transient failures back off; permanent parks", async () => {
    const s = await setupMirror();
    const [first, second] = await s.t.run(async (ctx) => {
      await linkDiscord(ctx, s.ids.paying, PAYING_DISCORD);
      await grantAccess(ctx, s.ids.paying);
      await enqueueRoleSyncForUser(ctx, s.ids.paying, "one");
      const jobs = await ctx.db.query("roleSyncJobs").take(10);
      const firstId = jobs[0]?._id;
      if (firstId === undefined) throw new Error("no job");
      await ctx.db.patch("roleSyncJobs", firstId, {
        status: "leased",
        leaseOwner: "other",
        leaseExpiresAt: Date.now() + 60_000,
      });
      await enqueueRoleSyncForUser(ctx, s.ids.paying, "two");
      const all = await ctx.db.query("roleSyncJobs").take(10);
      return all.map((job) => job._id);
    });
    if (first === undefined || second === undefined) throw new Error("expected two jobs");
    expect(
      await s.t.mutation(api.roleSync.claim, { secret: SECRET, owner: BOT, jobId: second }),
    ).toEqual({
      status: "busy",
    });
    await s.t.run((ctx) => ctx.db.patch("roleSyncJobs", first, { status: "done" }));
    const claim = await s.t.mutation(api.roleSync.claim, {
      secret: SECRET,
      owner: BOT,
      jobId: second,
    });
    expect(claim.status).toBe("claimed");
    await s.t.mutation(api.roleSync.fail, {
      secret: SECRET,
      owner: BOT,
      jobId: second,
      error: { kind: "transient", message: "500", code: 500 },
    });
    const retried = await s.t.run((ctx) => ctx.db.get("roleSyncJobs", second));
    expect(retried).toMatchObject({ status: "pending", attempts: 1, errorKind: "transient" });
    expect(retried?.nextAttemptAt ?? 0).toBeGreaterThan(Date.now());
    await s.t.run((ctx) => ctx.db.patch("roleSyncJobs", second, { nextAttemptAt: 0 }));
    await s.t.mutation(api.roleSync.claim, { secret: SECRET, owner: BOT, jobId: second });
    await s.t.mutation(api.roleSync.fail, {
      secret: SECRET,
      owner: BOT,
      jobId: second,
      error: { kind: "permanent", message: "Missing Permissions", code: 50013 },
    });
    expect(await s.t.run((ctx) => ctx.db.get("roleSyncJobs", second))).toMatchObject({
      status: "failed",
      errorKind: "permanent",
      lastError: "[50013] Missing Permissions",
    });
    const audit = await s.t.run((ctx) => ctx.db.query("auditLog").take(10));
    expect(audit.map((entry) => entry.action)).toEqual(["role.grant_failed"]);
  });
});

describe("reconciliation", () => {
  async function reconcile(s: Setup, holders: string[]) {
    let cursor: string | null = null;
    const totals = { grants: 0, revokes: 0, pages: 0 };
    for (;;) {
      const page: { grants: number; revokes: number; isDone: boolean; continueCursor: string } =
        await s.t.mutation(api.roleSync.reconcileRoles, {
          secret: SECRET,
          guildId: GUILD,
          roleId: ROLE,
          holders,
          cursor,
        });
      totals.grants += page.grants;
      totals.revokes += page.revokes;
      totals.pages++;
      if (page.isDone) return totals;
      cursor = page.continueCursor;
    }
  }

  test("grants to entitled members missing the role, revokes from holders not entitled or not linked", async () => {
    const s = await setupMirror();
    await s.t.run(async (ctx) => {
      await linkDiscord(ctx, s.ids.paying, PAYING_DISCORD); // entitled, role removed by a moderator
      await grantAccess(ctx, s.ids.paying);
      await linkDiscord(ctx, s.ids.customer, FREE_DISCORD); // lapsed, still holds the role
    });
    const totals = await reconcile(s, [FREE_DISCORD, STRANGER]);
    expect(totals).toMatchObject({ grants: 1, revokes: 2 });
    const byUser = Object.fromEntries(
      (await jobs(s)).map((job) => [job.discordUserId, job.action]),
    );
    expect(byUser).toEqual({
      [PAYING_DISCORD]: "grant",
      [FREE_DISCORD]: "revoke",
      [STRANGER]: "revoke",
    });
    // A second pass while the jobs are open adds nothing.
    expect(await reconcile(s, [FREE_DISCORD, STRANGER])).toMatchObject({ grants: 0, revokes: 0 });
  });

  test("a converged guild produces no work", async () => {
    const s = await setupMirror();
    await s.t.run(async (ctx) => {
      await linkDiscord(ctx, s.ids.paying, PAYING_DISCORD);
      await grantAccess(ctx, s.ids.paying);
      await linkDiscord(ctx, s.ids.customer, FREE_DISCORD);
    });
    expect(await reconcile(s, [PAYING_DISCORD])).toMatchObject({ grants: 0, revokes: 0 });
    expect(await jobs(s)).toEqual([]);
  });

  test("pages through many links and holders", async () => {
    const s = await setupMirror();
    const holders: string[] = [];
    await s.t.run(async (ctx) => {
      for (let i = 0; i < 150; i++) {
        const userId = await ctx.db.insert("users", { email: `u${i}@example.com` });
        const discordUserId = String(4000000000000000000n + BigInt(i));
        await linkDiscord(ctx, userId, discordUserId);
        if (i % 2 === 0) await grantAccess(ctx, userId);
        else holders.push(discordUserId); // odd: not entitled but holding the role
      }
    });
    for (let i = 0; i < 250; i++) holders.push(String(5000000000000000000n + BigInt(i)));
    const totals = await reconcile(s, holders);
    expect(totals.pages).toBeGreaterThan(1);
    expect(totals).toMatchObject({ grants: 75, revokes: 75 + 250 });
  });

  test("refuses another guild, a role that is not a paid role, and a forged cursor", async () => {
    const s = await setupMirror();
    const base = { secret: SECRET, guildId: GUILD, roleId: ROLE, holders: [], cursor: null };
    await expect(
      s.t.mutation(api.roleSync.reconcileRoles, { ...base, guildId: "9" }),
    ).rejects.toThrow(/not the customer guild/);
    await expect(
      s.t.mutation(api.roleSync.reconcileRoles, { ...base, roleId: "9" }),
    ).rejects.toThrow(/not the paid role/);
    await expect(
      s.t.mutation(api.roleSync.reconcileRoles, { ...base, cursor: "{bad" }),
    ).rejects.toThrow(/Invalid reconciliation cursor/);
  });
});

describe("admin", () => {
  test("re-sync one user and everyone; both audited", async () => {
    const s = await setupMirror();
    await s.t.run(async (ctx) => {
      await linkDiscord(ctx, s.ids.paying, PAYING_DISCORD);
      await grantAccess(ctx, s.ids.paying);
      await linkDiscord(ctx, s.ids.customer, FREE_DISCORD);
    });
    const admin = s.as(s.ids.admin);
    expect(await admin.mutation(api.roleSync.resyncUser, { userId: s.ids.paying })).toBe(1);
    vi.useFakeTimers();
    await admin.mutation(api.roleSync.resyncAll, {});
    await s.t.finishAllScheduledFunctions(() => vi.runAllTimers());
    vi.useRealTimers();
    const byUser = Object.fromEntries(
      (await jobs(s)).map((job) => [job.discordUserId, job.action]),
    );
    expect(byUser).toEqual({ [PAYING_DISCORD]: "grant", [FREE_DISCORD]: "revoke" });
    const audit = await s.t.run((ctx) => ctx.db.query("auditLog").take(10));
    expect(audit.map((entry) => entry.action)).toEqual(["role.resync", "role.resync_all"]);
  });

  test("hierarchy status: unknown without a heartbeat, misordered when the paid role is above", async () => {
    const s = await setupMirror();
    const admin = s.as(s.ids.admin);
    expect((await admin.query(api.roleSync.hierarchyStatus, {})).state).toBe("unknown");
    const beat = async (botHighestRolePosition: number, position: number) =>
      s.t.mutation(api.mirror.heartbeat, {
        secret: SECRET,
        instanceId: BOT,
        startedAt: Date.now(),
        details: {
          guildId: GUILD,
          gatewayReady: true,
          inFlight: 0,
          botHighestRolePosition,
          paidRoles: [{ roleId: ROLE, position }],
        },
      });
    await beat(3, 5);
    const bad = await admin.query(api.roleSync.hierarchyStatus, {});
    expect(bad).toMatchObject({
      state: "misordered",
      botHighestRolePosition: 3,
      roles: [{ roleId: ROLE, tierKeys: ["vip"], position: 5, manageable: false }],
    });
    expect(bad.message).toMatch(/drag the bot's role above/);
    await beat(6, 5);
    expect((await admin.query(api.roleSync.hierarchyStatus, {})).state).toBe("ok");
  });

  test("admin functions refuse anonymous callers and customers", async () => {
    const s = await setupMirror();
    for (const caller of [s.t, s.as(s.ids.customer), s.as(s.ids.paying)]) {
      await expect(
        caller.mutation(api.roleSync.resyncUser, { userId: s.ids.paying }),
      ).rejects.toThrow(/Sign in|Admins only/);
      await expect(caller.mutation(api.roleSync.resyncAll, {})).rejects.toThrow(
        /Sign in|Admins only/,
      );
      await expect(caller.query(api.roleSync.hierarchyStatus, {})).rejects.toThrow(
        /Sign in|Admins only/,
      );
    }
  });

  test("service functions refuse a wrong secret, even from an admin", async () => {
    const s = await setupMirror();
    const jobId = await s.t.run(async (ctx) =>
      ctx.db.insert("roleSyncJobs", {
        discordUserId: STRANGER,
        guildId: GUILD,
        roleId: ROLE,
        action: "revoke",
        reason: "x",
        status: "pending",
        attempts: 0,
        nextAttemptAt: 0,
      }),
    );
    const secret = "nope";
    for (const caller of [s.t, s.as(s.ids.admin)]) {
      const calls = [
        () => caller.query(api.roleSync.work, { secret }),
        () => caller.query(api.roleSync.paidRoles, { secret }),
        () => caller.mutation(api.roleSync.claim, { secret, owner: BOT, jobId }),
        () =>
          caller.mutation(api.roleSync.complete, { secret, owner: BOT, jobId, outcome: "applied" }),
        () =>
          caller.mutation(api.roleSync.fail, {
            secret,
            owner: BOT,
            jobId,
            error: { kind: "transient", message: "x" },
          }),
        () => caller.mutation(api.roleSync.release, { secret, owner: BOT, jobIds: [jobId] }),
        () =>
          caller.mutation(api.roleSync.reconcileRoles, {
            secret,
            guildId: GUILD,
            roleId: ROLE,
            holders: [],
            cursor: null,
          }),
      ];
      for (const call of calls) await expect(call()).rejects.toThrow(/Invalid service secret/);
    }
    expect(await s.t.query(api.roleSync.paidRoles, { secret: SECRET })).toEqual({
      guildId: GUILD,
      roles: [{ roleId: ROLE, tierKeys: ["vip"] }],
    });
    await expect(
      s.t.mutation(internal.roleSync.resyncPage, {
        paginationOpts: { numItems: 10, cursor: null },
      }),
    ).resolves.toBeNull();
  });
});

describe("entitlement writes", () => {
  test("an admin grant and revoke (through the one entitlement writer) enqueue grant, then revoke", async () => {
    const s = await setupMirror();
    await s.t.run((ctx) => linkDiscord(ctx, s.ids.paying, PAYING_DISCORD));
    const admin = s.as(s.ids.admin);
    const entitlementId = await admin.mutation(api.entitlementAdmin.grant, {
      userId: s.ids.paying,
      tierKey: "vip",
      days: 30,
      reason: "comp",
    });
    expect(await jobs(s)).toMatchObject([{ discordUserId: PAYING_DISCORD, action: "grant" }]);
    await admin.mutation(api.entitlementAdmin.revoke, { entitlementId, reason: "dispute" });
    // Merged into the same pending job, now a revoke.
    expect(await jobs(s)).toMatchObject([{ discordUserId: PAYING_DISCORD, action: "revoke" }]);
  });
});
