import { beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import { setupRoles } from "./test.roles";

const SECRET = "test-service-secret";
beforeEach(() => vi.stubEnv("CONVEX_SERVICE_SECRET", SECRET));

const beat = {
  instanceId: "tracker-1",
  startedAt: 1_000,
  active: true,
  lastTradeAt: 5_000,
  lagMs: 42,
  symbols: 3,
  openTracks: 7,
};

describe("tracker heartbeat", () => {
  test("the admin sees the last report, and a silent tracker turns unhealthy", async () => {
    const { t, admin } = await setupRoles();
    await t.mutation(api.trackerHealth.report, { secret: SECRET, ...beat });
    await t.mutation(api.trackerHealth.report, { secret: SECRET, ...beat, openTracks: 8 });
    const fresh = await admin.query(api.trackerHealth.status, {});
    expect(fresh.instances).toEqual([
      expect.objectContaining({ ...beat, openTracks: 8, healthy: true }),
    ]);
    vi.useFakeTimers({ now: Date.now() + 91_000, toFake: ["Date"] });
    const stale = await admin.query(api.trackerHealth.status, {});
    expect(stale.instances[0]?.healthy).toBe(false);
  });

  test("only the tracker reports and only admins read", async () => {
    const { t, anonymous, withAccess } = await setupRoles();
    await expect(
      t.mutation(api.trackerHealth.report, { secret: "wrong", ...beat }),
    ).rejects.toThrow();
    for (const caller of [anonymous, withAccess]) {
      await expect(caller.query(api.trackerHealth.status, {})).rejects.toThrow();
    }
  });
});
