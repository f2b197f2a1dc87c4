import { describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { MAX_PASSES } from "./model/business/membershipBackfill";
import { DAY, deliver, HOUR, setupPayments, TIER, type TestConvex } from "./test.sellapp";

type LegacyRow = { tierKey: string; status: "active" | "cancelling" | "past_due" | "expired" };

/** Customers and entitlements as rows written before the counters existed: no memberCounts. */
async function insertLegacyCustomers(t: TestConvex, customers: LegacyRow[][]) {
  await t.run(async (ctx) => {
    for (const [i, rows] of customers.entries()) {
      const customerId = await ctx.db.insert("customers", { email: `legacy${i}@example.com` });
      for (const [j, row] of rows.entries()) {
        await ctx.db.insert("entitlements", {
          customerId,
          tierKey: row.tierKey,
          source: "order",
          sourceId: `legacy-${i}-${j}`,
          status: row.status,
          updatedAt: 0,
        });
      }
    }
  });
}

async function counters(t: TestConvex) {
  return t.run(async (ctx) =>
    Object.fromEntries(
      (await ctx.db.query("memberCounts").collect()).map((row) => [row.tierKey, row.active]),
    ),
  );
}

async function runToEnd(t: TestConvex) {
  await t.finishAllScheduledFunctions(() => vi.runAllTimers());
  const run = await t.query(internal.membershipBackfill.latest, {});
  if (run === null) throw new Error("no backfill run");
  return run;
}

const LEGACY: LegacyRow[][] = [
  [{ tierKey: TIER, status: "active" }],
  // An order and a renewal of the same tier: one member.
  [
    { tierKey: TIER, status: "active" },
    { tierKey: TIER, status: "past_due" },
  ],
  [{ tierKey: TIER, status: "cancelling" }],
  [{ tierKey: TIER, status: "expired" }], // lapsed: not a member
  [
    { tierKey: "pro", status: "active" },
    { tierKey: TIER, status: "expired" },
  ],
  [],
];

describe("membership counter backfill", () => {
  test("members from before the counters are counted once per customer and tier, over many pages, and a re-run changes nothing", async () => {
    const { t, admin } = await setupPayments();
    await insertLegacyCustomers(t, LEGACY);
    // A member who joined through the writer after the counters existed is already counted.
    await deliver(t, "order.completed", { email: "new@example.com", orderId: "9" });
    vi.advanceTimersByTime(1000);
    // The hole: the overview shows only the member the writer saw.
    expect((await admin.query(api.business.overview, {})).tiers).toEqual([
      { key: TIER, name: "VIP", active: 1 },
    ]);

    const { outcome } = await t.mutation(internal.membershipBackfill.start, { pageSize: 2 });
    expect(outcome).toBe("started");
    const run = await runToEnd(t);
    expect(run).toMatchObject({ status: "done", pass: 1, customersSeen: 7 });
    expect(await counters(t)).toEqual({ [TIER]: 4, pro: 1 });
    expect(run.applied).toEqual(
      expect.arrayContaining([
        { tierKey: TIER, before: 1, after: 4 },
        { tierKey: "pro", before: 0, after: 1 },
      ]),
    );
    expect((await admin.query(api.business.overview, {})).tiers).toEqual([
      { key: TIER, name: "VIP", active: 4 },
    ]);

    vi.advanceTimersByTime(HOUR);
    await t.mutation(internal.membershipBackfill.start, { pageSize: 3 });
    const again = await runToEnd(t);
    expect(again.status).toBe("done");
    expect(again._id).not.toBe(run._id);
    expect(await counters(t)).toEqual({ [TIER]: 4, pro: 1 });
    // After the backfill the writer's increments and decrements land on the true count.
    await deliver(t, "order.refunded", { email: "new@example.com", orderId: "9" });
    expect(await counters(t)).toEqual({ [TIER]: 3, pro: 1 });
  });

  test("a membership change during the pass makes it recount instead of writing a stale number", async () => {
    const { t } = await setupPayments();
    await insertLegacyCustomers(t, LEGACY);
    const { runId } = await t.mutation(internal.membershipBackfill.start, { pageSize: 2 });
    // Drive the chain by hand: count the first page, then a customer who was already counted
    // loses access through the writer before the pass ends.
    expect(await t.mutation(internal.membershipBackfill.step, { runId, cursor: null })).toBe(
      "more",
    );
    vi.advanceTimersByTime(1000);
    await t.run(async (ctx) => {
      const customer = await ctx.db
        .query("customers")
        .withIndex("by_email", (q) => q.eq("email", "legacy0@example.com"))
        .unique();
      if (customer === null) throw new Error("legacy0 missing");
      // The counters exist (a new member arrived) and then legacy0's access ends via the writer.
      await ctx.db.insert("memberCounts", { tierKey: TIER, active: 0, updatedAt: Date.now() });
      const [row] = await ctx.db
        .query("entitlements")
        .withIndex("by_customer", (q) => q.eq("customerId", customer._id))
        .take(1);
      if (row === undefined) throw new Error("legacy0 has no entitlement");
      await ctx.db.patch("entitlements", row._id, { status: "revoked" });
    });
    vi.advanceTimersByTime(1000);
    const run = await runToEnd(t);
    expect(run).toMatchObject({ status: "done", pass: 2 });
    // legacy0 is no longer a member: 2 in the tier (pass 1 counted legacy0 and would write 3).
    expect(await counters(t)).toEqual({ [TIER]: 2, pro: 1 });
  });

  test("gives up after MAX_PASSES passes that each saw a change, leaving the counters alone", async () => {
    const { t } = await setupPayments();
    await insertLegacyCustomers(t, LEGACY);
    // A counter stamped after every pass's start stands for a membership change in each pass.
    await t.run(async (ctx) => {
      await ctx.db.insert("memberCounts", {
        tierKey: TIER,
        active: 7,
        updatedAt: Date.now() + DAY,
      });
    });
    await t.mutation(internal.membershipBackfill.start, { pageSize: 4 });
    expect(await runToEnd(t)).toMatchObject({ status: "failed", pass: MAX_PASSES });
    expect(await counters(t)).toEqual({ [TIER]: 7 });
  });

  test("one run at a time, and a duplicate step for a page already counted changes nothing", async () => {
    const { t } = await setupPayments();
    await insertLegacyCustomers(t, LEGACY);
    const first = await t.mutation(internal.membershipBackfill.start, { pageSize: 2 });
    const second = await t.mutation(internal.membershipBackfill.start, {});
    expect(second).toEqual({ runId: first.runId, outcome: "running" });
    const runId: Id<"membershipBackfills"> = first.runId;
    expect(await t.mutation(internal.membershipBackfill.step, { runId, cursor: null })).toBe(
      "more",
    );
    // The chain's own step for that cursor (scheduled by start) finds the run moved on.
    expect(await t.mutation(internal.membershipBackfill.step, { runId, cursor: null })).toBe(
      "stale",
    );
    // A resume while the chain is alive continues from the stored cursor, never re-counting.
    expect(await t.mutation(internal.membershipBackfill.resume, { runId })).toBe(true);
    const run = await runToEnd(t);
    expect(run).toMatchObject({ status: "done", customersSeen: 6 });
    expect(await counters(t)).toEqual({ [TIER]: 3, pro: 1 });
  });
});
