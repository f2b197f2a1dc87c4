import { describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import { weekStartOf } from "./model/shared/calendar";
import {
  DAY,
  deliver,
  eventsOf,
  insertUser,
  setupPayments,
  T0,
  TIER,
  type TestConvex,
} from "./test.sellapp";
import { signedInAs } from "./test.sessions";

async function members(t: TestConvex) {
  return t.run(async (ctx) =>
    (await ctx.db.query("memberCounts").collect()).map((row) => [row.tierKey, row.active]),
  );
}

async function revenue(t: TestConvex) {
  return t.run(async (ctx) =>
    (await ctx.db.query("revenueMonths").collect()).map(
      ({ month, currency, grossCents, refundedCents, payments, refunds, disputes }) => ({
        month,
        currency,
        grossCents,
        refundedCents,
        payments,
        refunds,
        disputes,
      }),
    ),
  );
}

describe("business rollups", () => {
  test("members count customers once per tier; revenue counts each order once, whatever is redelivered or replayed", async () => {
    const { t, admin } = await setupPayments();
    await deliver(t, "order.completed", {
      email: "a@example.com",
      orderId: "1",
      sellappCustomerId: "71",
    });
    expect(await members(t)).toEqual([[TIER, 1]]);
    await deliver(t, "order.paid", {
      email: "a@example.com",
      orderId: "1",
      sellappCustomerId: "71",
    });
    await deliver(t, "order.completed", {
      email: "a@example.com",
      orderId: "2",
      sellappCustomerId: "71",
    });
    expect(await members(t)).toEqual([[TIER, 1]]); // two orders, one member
    await deliver(t, "order.completed", {
      email: "b@example.com",
      orderId: "3",
      sellappCustomerId: "72",
    });
    expect(await members(t)).toEqual([[TIER, 2]]);

    await deliver(t, "order.refunded", {
      email: "a@example.com",
      orderId: "1",
      sellappCustomerId: "71",
    });
    expect(await members(t)).toEqual([[TIER, 2]]); // order 2 still holds a's access
    await deliver(t, "order.disputed", {
      email: "a@example.com",
      orderId: "2",
      sellappCustomerId: "71",
    });
    expect(await members(t)).toEqual([[TIER, 1]]);

    const expected = [
      {
        month: "2026-01",
        currency: "USD",
        grossCents: 3 * 4900,
        refundedCents: 4900,
        payments: 3,
        refunds: 1,
        disputes: 1,
      },
    ];
    expect(await revenue(t)).toEqual(expected);

    // Replaying every stored event changes nothing.
    const ids = (await eventsOf(t)).filter((e) => e.status === "processed").map((e) => e._id);
    await admin.mutation(api.webhookAdmin.replay, { ids });
    expect(await revenue(t)).toEqual(expected);
    expect(await members(t)).toEqual([[TIER, 1]]);

    const overview = await admin.query(api.business.overview, {});
    expect(overview.tiers).toEqual([{ key: TIER, name: "VIP", active: 1 }]);
    expect(overview.months).toEqual(expected);
    const thisWeek = overview.weeks.at(-1);
    expect(thisWeek).toEqual({
      weekStart: weekStartOf(Date.now()),
      joined: 2,
      lost: 1,
      active: [1],
    });
    // Before anyone joined, the tier had no members.
    expect(overview.weeks.at(-2)?.active).toEqual([0]);
    expect(overview.weeks).toHaveLength(12);
  });

  test("an order that lapses (expiry cron) counts as lost in the week it expired", async () => {
    const { t, admin } = await setupPayments();
    await deliver(t, "order.completed", { email: "a@example.com", orderId: "1", occurredAt: T0 });
    vi.setSystemTime(T0 + 31 * DAY);
    await t.mutation(internal.entitlements.expireLapsed, {});
    expect(await members(t)).toEqual([[TIER, 0]]);
    const { weeks } = await admin.query(api.business.overview, {});
    const expiredWeek = weeks.find((week) => week.weekStart === weekStartOf(T0 + 31 * DAY));
    const joinedWeek = weeks.find((week) => week.weekStart === weekStartOf(T0));
    expect(joinedWeek).toMatchObject({ joined: 1, lost: 0, active: [1] });
    expect(expiredWeek).toMatchObject({ joined: 0, lost: 1, active: [0] });
  });

  test("renewals due: active subscriptions ending within 7 days; orders ending then are 'expiring'", async () => {
    const { t, admin } = await setupPayments();
    const now = Date.now();
    await deliver(t, "subscription.created", {
      email: "s@example.com",
      subscriptionId: "801",
      occurredAt: now,
      periodEnd: now + 3 * DAY,
    });
    await deliver(t, "subscription.created", {
      email: "later@example.com",
      subscriptionId: "802",
      sellappCustomerId: "72",
      occurredAt: now,
      periodEnd: now + 20 * DAY,
    });
    await deliver(t, "order.completed", {
      email: "o@example.com",
      orderId: "5",
      sellappCustomerId: "73",
      occurredAt: now,
    });
    expect((await admin.query(api.business.overview, {})).renewalsDue).toEqual({
      subscriptions: 1,
      expiring: 0,
      capped: false,
    });
    vi.setSystemTime(now + 25 * DAY); // the order's 30 days end in 5
    expect((await admin.query(api.business.overview, {})).renewalsDue).toMatchObject({
      subscriptions: 0,
      expiring: 1,
    });
  });

  test("the overview is for admins only", async () => {
    const { t } = await setupPayments();
    const id = await insertUser(t, "member@example.com", true);
    await expect(t.query(api.business.overview, {})).rejects.toThrow(/Sign in/);
    await expect((await signedInAs(t, id)).query(api.business.overview, {})).rejects.toThrow(
      /Admins only/,
    );
  });
});
