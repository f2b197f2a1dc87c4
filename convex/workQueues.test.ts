import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { MAPPING } from "./test.ingest";
import { failedRoleJob } from "./test.roleSync";
import { expectCode, insertSignal, setupRoles, type TestConvex } from "./test.roles";

const page = { numItems: 10, cursor: null };

async function seedJobs(t: TestConvex, ids: { paying: Id<"users"> }) {
  const signalId = await insertSignal(t);
  return t.run(async (ctx) => {
    const now = Date.now();
    const mappingId = await ctx.db.insert("channelMappings", {
      ...MAPPING,
      label: "VIP",
      enabled: true,
      updatedAt: now,
    });
    const delivery = await ctx.db.insert("mirrorDeliveries", {
      signalId,
      mappingId,
      customerChannelId: "2000000000000000010",
      targetVersion: 1,
      syncedVersion: 0,
      nonce: "n1",
      status: "failed",
      attempts: 7,
      nextAttemptAt: now + 3_600_000,
      lastError: "Missing Permissions",
      errorKind: "permanent",
      updatedAt: now,
    });
    const job = await ctx.db.insert("roleSyncJobs", {
      ...failedRoleJob(ids.paying, now + 3_600_000),
      lastError: "role above bot",
      errorKind: "permanent",
    });
    const doneJob = await ctx.db.insert("roleSyncJobs", {
      userId: ids.paying,
      discordUserId: "3000000000000000002",
      guildId: "2000000000000000001",
      roleId: "1100000000000000001",
      action: "revoke",
      reason: "expired",
      status: "done",
      attempts: 1,
      nextAttemptAt: now,
    });
    return { delivery, job, doneJob };
  });
}

describe("workQueues authorization", () => {
  test("anonymous and non-admin callers are refused lists and retries", async () => {
    const { t, anonymous, noAccess, withAccess, ids } = await setupRoles();
    const { delivery, job } = await seedJobs(t, ids);
    for (const [caller, code] of [
      [anonymous, "UNAUTHENTICATED"],
      [noAccess, "FORBIDDEN"],
      [withAccess, "FORBIDDEN"],
    ] as const) {
      await expectCode(
        caller.query(api.workQueues.mirrorDeliveries, { status: "failed", paginationOpts: page }),
        code,
      );
      await expectCode(
        caller.query(api.workQueues.roleSyncJobs, { status: "failed", paginationOpts: page }),
        code,
      );
      await expectCode(caller.mutation(api.workQueues.retryMirrorDelivery, { id: delivery }), code);
      await expectCode(caller.mutation(api.workQueues.retryRoleSyncJob, { id: job }), code);
    }
    const statuses = await t.run(async (ctx) => [
      (await ctx.db.get("mirrorDeliveries", delivery))?.status,
      (await ctx.db.get("roleSyncJobs", job))?.status,
    ]);
    expect(statuses).toEqual(["failed", "failed"]);
  });
});

describe("workQueues as admin", () => {
  test("lists by status and resets failed jobs to pending, due now, audited", async () => {
    const { t, admin, ids } = await setupRoles();
    const { delivery, job, doneJob } = await seedJobs(t, ids);
    const failed = await admin.query(api.workQueues.mirrorDeliveries, {
      status: "failed",
      paginationOpts: page,
    });
    expect(failed.page.map((row) => [row._id, row.lastError])).toEqual([
      [delivery, "Missing Permissions"],
    ]);
    const roles = await admin.query(api.workQueues.roleSyncJobs, {
      status: "failed",
      paginationOpts: page,
    });
    expect(roles.page.map((row) => row._id)).toEqual([job]);

    const before = Date.now();
    await admin.mutation(api.workQueues.retryMirrorDelivery, {
      id: delivery,
      reason: "fixed perms",
    });
    await admin.mutation(api.workQueues.retryRoleSyncJob, { id: job });
    const rows = await t.run(async (ctx) => ({
      delivery: await ctx.db.get("mirrorDeliveries", delivery),
      job: await ctx.db.get("roleSyncJobs", job),
      audit: await ctx.db.query("auditLog").take(10),
    }));
    expect(rows.delivery?.status).toBe("pending");
    expect(rows.delivery?.nextAttemptAt).toBeLessThanOrEqual(Date.now());
    expect(rows.delivery?.nextAttemptAt).toBeGreaterThanOrEqual(before);
    expect(rows.job?.status).toBe("pending");
    expect(rows.audit.map((e) => [e.action, e.actorUserId, e.reason])).toEqual([
      ["mirrorDelivery.retry", ids.admin, "fixed perms"],
      ["roleSyncJob.retry", ids.admin, undefined],
    ]);

    await expectCode(admin.mutation(api.workQueues.retryRoleSyncJob, { id: doneJob }), "CONFLICT");
    await expectCode(admin.mutation(api.workQueues.retryRoleSyncJob, { id: job }), "CONFLICT");
  });
});
