import { beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { SECRET, track } from "./test.outcomes";
import { insertSignal, setupRoles, type TestConvex } from "./test.roles";
beforeEach(() => vi.stubEnv("CONVEX_SERVICE_SECRET", SECRET));

async function closed(t: TestConvex, r: number, closedAt: number): Promise<Id<"signals">> {
  const signalId = await insertSignal(t, { pair: "SOL/USDT", side: "short" });
  await track(t, signalId, closedAt - 60_000, "SOLUSDT");
  await t.mutation(api.tracker.recordProgress, {
    secret: SECRET,
    owner: "tr",
    updates: [
      {
        signalId,
        signalVersion: 1,
        status: r < 0 ? "stopped" : "targets_done",
        state: "{}",
        checkedThrough: closedAt,
        targetsHit: 0,
        result: { r, pct: r },
        closedAt,
        events: [{ seq: 0, type: "entry_filled", at: closedAt - 30_000, price: 97, index: 1 }],
        claims: [],
      },
    ],
  });
  return signalId;
}

describe("outcome review (admin console)", () => {
  test("lists losers deleted after their stop, not winners or losers deleted before", async () => {
    const { t, admin } = await setupRoles();
    const tidied = await closed(t, -1, 10_000);
    const deletedWinner = await closed(t, 2, 11_000);
    const deletedEarly = await closed(t, -1, 12_000);
    await closed(t, -1, 13_000); // a loser left in place
    await t.run(async (ctx) => {
      await ctx.db.patch("signals", tidied, { deletedAt: 20_000 });
      await ctx.db.patch("signals", deletedWinner, { deletedAt: 20_000 });
      await ctx.db.patch("signals", deletedEarly, { deletedAt: 11_500 }); // before the stop
    });
    const rows = await admin.query(api.outcomeReview.deletedLosers, {});
    expect(rows.map((r) => r.signalId)).toEqual([tidied]);
    expect(rows[0]).toMatchObject({ pair: "SOL/USDT", status: "stopped", deletedAt: 20_000 });
  });

  test("a signal's edit history and outcome events for admins", async () => {
    const { t, admin } = await setupRoles();
    const signalId = await closed(t, -1, 10_000);
    const history = await admin.query(api.outcomeReview.signalHistory, { signalId });
    expect(history?.revisions.map((r) => r.change)).toEqual(["create"]);
    expect(history?.events.map((e) => e.type)).toEqual(["entry_filled"]);
  });

  test("refuses everyone else", async () => {
    const { t, anonymous, noAccess, withAccess } = await setupRoles();
    const signalId = await closed(t, -1, 10_000);
    for (const caller of [anonymous, noAccess, withAccess]) {
      await expect(caller.query(api.outcomeReview.deletedLosers, {})).rejects.toThrow();
      await expect(caller.query(api.outcomeReview.signalHistory, { signalId })).rejects.toThrow();
    }
  });
});
