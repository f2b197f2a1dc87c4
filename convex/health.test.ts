import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { failedRoleJob } from "./test.roleSync";
import { expectCode, setupRoles } from "./test.roles";

describe("health.overview", () => {
  test("refuses anonymous and non-admin callers", async () => {
    const { anonymous, noAccess, withAccess } = await setupRoles();
    await expectCode(anonymous.query(api.health.overview, {}), "UNAUTHENTICATED");
    await expectCode(noAccess.query(api.health.overview, {}), "FORBIDDEN");
    await expectCode(withAccess.query(api.health.overview, {}), "FORBIDDEN");
  });

  test("admins see heartbeats, queue counts and percentiles over the window only", async () => {
    const { t, admin, ids } = await setupRoles();
    const now = Date.now();
    await t.run(async (ctx) => {
      await ctx.db.insert("serviceHeartbeats", {
        service: "collector",
        instanceId: "c1",
        startedAt: now - 60_000,
        lastSeenAt: now - 5_000,
      });
      await ctx.db.insert("serviceHeartbeats", {
        service: "mirror",
        instanceId: "m1",
        startedAt: now - 600_000,
        lastSeenAt: now - 300_000,
      });
      for (let ms = 1; ms <= 100; ms++) {
        await ctx.db.insert("latencySamples", { hop: "committed_to_web", ms, at: now - ms * 1000 });
      }
      // Outside the 60-minute window: must not count.
      await ctx.db.insert("latencySamples", {
        hop: "committed_to_web",
        ms: 99_999,
        at: now - 2 * 3_600_000,
      });
      await ctx.db.insert("roleSyncJobs", failedRoleJob(ids.paying, now));
    });
    const health = await admin.query(api.health.overview, { windowMinutes: 60 });
    expect(health.services.map((s) => [s.service, s.healthy])).toEqual([
      ["collector", true],
      ["mirror", false],
    ]);
    expect(health.queues.roleSync.failed).toEqual({ count: 1, capped: false });
    expect(health.queues.mirror.pending).toEqual({ count: 0, capped: false });
    const web = health.latency.find((hop) => hop.hop === "committed_to_web");
    expect(web?.overall).toEqual({ count: 100, p50: 50, p95: 95, p99: 99 });
    expect(web?.buckets).toHaveLength(12);
    expect(web?.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(100);
    const bot = health.latency.find((hop) => hop.hop === "committed_to_bot");
    expect(bot?.overall).toEqual({ count: 0 });
  });
});
