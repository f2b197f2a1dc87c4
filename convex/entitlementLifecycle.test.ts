import type { SampleKind, SampleOptions } from "@g3/payments";
import { describe, expect, test, vi } from "vitest";
import { internal } from "./_generated/api";
import { accessibleTiers, hasAccess } from "./model/payments/access";
import {
  DAY,
  deliver,
  entitlementsOf,
  HOUR,
  insertUser,
  setupPayments,
  T0,
  TIER,
} from "./test.sellapp";
import { auditByAction } from "./test.audit";

type Step = { kind: SampleKind; options: SampleOptions };

const SUB = { subscriptionId: "801" };
const purchase: Step = { kind: "order.paid", options: { ...SUB, occurredAt: T0 } };
const created: Step = {
  kind: "subscription.created",
  options: { ...SUB, occurredAt: T0 + 1000, periodEnd: T0 + 30 * DAY },
};
const renewal: Step = {
  kind: "subscription.renewed",
  options: { ...SUB, occurredAt: T0 + 30 * DAY, periodEnd: T0 + 60 * DAY },
};
const cancel: Step = {
  kind: "subscription.cancelled",
  options: { ...SUB, occurredAt: T0 + 40 * DAY, periodEnd: T0 + 60 * DAY },
};
const dispute: Step = { kind: "order.disputed", options: { ...SUB, occurredAt: T0 + 45 * DAY } };

async function finalState(steps: readonly Step[]) {
  const { t } = await setupPayments();
  for (const step of steps) {
    expect((await deliver(t, step.kind, step.options)).status).toBe(200);
  }
  const rows = await entitlementsOf(t);
  expect(rows).toHaveLength(1);
  const [row] = rows;
  return {
    status: row?.status,
    accessUntil: row?.accessUntil,
    graceUntil: row?.graceUntil,
    revokedAt: row?.revokedAt,
    reason: row?.reason,
  };
}

/** Every ordering that swaps exactly one pair of the in-order sequence. */
function pairSwaps<T>(items: readonly T[]): T[][] {
  const orders: T[][] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const order = items.slice();
      const a = order[i] as T;
      order[i] = order[j] as T;
      order[j] = a;
      orders.push(order);
    }
  }
  return orders;
}

describe("out-of-order deliveries converge (every pair swapped)", () => {
  test("purchase → created → renewal → cancel ends cancelling at the renewed period end", async () => {
    const lifecycle = [purchase, created, renewal, cancel];
    const expected = await finalState(lifecycle);
    expect(expected).toEqual({
      status: "cancelling",
      accessUntil: T0 + 60 * DAY,
      graceUntil: undefined,
      revokedAt: undefined,
      reason: undefined,
    });
    for (const order of pairSwaps(lifecycle)) {
      expect(await finalState(order)).toEqual(expected);
    }
  });

  test("purchase → created → renewal → dispute ends revoked whatever the order", async () => {
    const lifecycle = [purchase, created, renewal, dispute];
    const expected = await finalState(lifecycle);
    expect(expected).toMatchObject({
      status: "revoked",
      revokedAt: T0 + 45 * DAY,
      reason: "dispute",
    });
    for (const order of pairSwaps(lifecycle)) {
      expect(await finalState(order)).toEqual(expected);
    }
  });
});

describe("access at read time", () => {
  test("a one-off order: access until the period end, none from it on", async () => {
    const { t } = await setupPayments();
    const userId = await insertUser(t, "buyer@example.com", true);
    await deliver(t, "order.completed", { occurredAt: T0 });
    const end = T0 + 30 * DAY;
    expect(await t.run((ctx) => hasAccess(ctx, userId, TIER, end - 1))).toBe(true);
    expect(await t.run((ctx) => hasAccess(ctx, userId, TIER, end))).toBe(false);
    expect(await t.run(async (ctx) => [...(await accessibleTiers(ctx, userId, end - 1))])).toEqual([
      TIER,
    ]);
  });

  test("a failed renewal keeps access through the tier's grace, then ends", async () => {
    const { t } = await setupPayments();
    const userId = await insertUser(t, "buyer@example.com", true);
    await deliver(t, "subscription.created", { occurredAt: T0, periodEnd: T0 + 30 * DAY });
    await deliver(t, "subscription.renewal_failed", {
      occurredAt: T0 + 30 * DAY,
      periodEnd: T0 + 30 * DAY,
    });
    const [row] = await entitlementsOf(t);
    const graceEnd = T0 + 30 * DAY + 48 * HOUR;
    expect(row).toMatchObject({ status: "past_due", graceUntil: graceEnd });
    expect(await t.run((ctx) => hasAccess(ctx, userId, TIER, T0 + 31 * DAY))).toBe(true);
    expect(await t.run((ctx) => hasAccess(ctx, userId, TIER, graceEnd - 1))).toBe(true);
    expect(await t.run((ctx) => hasAccess(ctx, userId, TIER, graceEnd))).toBe(false);
  });

  test("a cancelled subscription keeps access until the period end", async () => {
    const { t } = await setupPayments();
    const userId = await insertUser(t, "buyer@example.com", true);
    await deliver(t, "subscription.created", { occurredAt: T0, periodEnd: T0 + 30 * DAY });
    await deliver(t, "subscription.cancelled", {
      occurredAt: T0 + 5 * DAY,
      periodEnd: T0 + 30 * DAY,
    });
    expect(await t.run((ctx) => hasAccess(ctx, userId, TIER, T0 + 29 * DAY))).toBe(true);
    expect(await t.run((ctx) => hasAccess(ctx, userId, TIER, T0 + 30 * DAY))).toBe(false);
  });

  test("a dispute revokes immediately", async () => {
    const { t } = await setupPayments();
    const userId = await insertUser(t, "buyer@example.com", true);
    await deliver(t, "order.completed", { occurredAt: T0 });
    expect(await t.run((ctx) => hasAccess(ctx, userId, TIER, T0 + HOUR))).toBe(true);
    await deliver(t, "order.disputed", { occurredAt: T0 + 2 * HOUR });
    expect(await t.run((ctx) => hasAccess(ctx, userId, TIER, T0 + 2 * HOUR))).toBe(false);
    const customer = await t.run((ctx) => ctx.db.query("customers").first());
    expect(customer?.disputed).toBe(true);
  });
});

describe("expiry cron", () => {
  test("marks lapsed periods and graces expired, audits each, leaves the rest", async () => {
    const { t } = await setupPayments();
    await deliver(t, "order.completed", { orderId: "1", occurredAt: T0 });
    await deliver(t, "order.completed", { orderId: "2", occurredAt: T0 + 10 * DAY });
    await deliver(t, "subscription.created", { occurredAt: T0, periodEnd: T0 + 30 * DAY });
    await deliver(t, "subscription.renewal_failed", {
      occurredAt: T0 + 30 * DAY,
      periodEnd: T0 + 30 * DAY,
    });

    const before = await t.mutation(internal.entitlements.expireLapsed, {
      now: T0 + 30 * DAY + HOUR,
    });
    expect(before.expired).toBe(1); // order 1; the subscription is in grace, order 2 runs longer
    const after = await t.mutation(internal.entitlements.expireLapsed, { now: T0 + 40 * DAY + 1 });
    expect(after.expired).toBe(2);
    const rows = await entitlementsOf(t);
    expect(rows.map((r) => r.status).sort()).toEqual(["expired", "expired", "expired"]);
    const audits = await auditByAction(t, "entitlement.expire");
    expect(audits).toHaveLength(3);
    expect(
      (await t.mutation(internal.entitlements.expireLapsed, { now: T0 + 50 * DAY })).expired,
    ).toBe(0);
  });

  test("a late renewal re-activates an expired subscription", async () => {
    const { t } = await setupPayments();
    await deliver(t, "subscription.created", { occurredAt: T0, periodEnd: T0 + 30 * DAY });
    await t.mutation(internal.entitlements.expireLapsed, { now: T0 + 31 * DAY });
    expect((await entitlementsOf(t))[0]?.status).toBe("expired");
    await deliver(t, "subscription.renewed", {
      occurredAt: T0 + 30 * DAY,
      periodEnd: T0 + 60 * DAY,
    });
    expect((await entitlementsOf(t))[0]).toMatchObject({
      status: "active",
      accessUntil: T0 + 60 * DAY,
    });
  });
});

describe("role sync hook (one place: writeEntitlement)", () => {
  test("a grant and then a dispute each enqueue a paid-role sync decided by the access gate", async () => {
    const { t } = await setupPayments();
    vi.stubEnv("DISCORD_CUSTOMER_GUILD_ID", "900000000000000001");
    await t.run(async (ctx) => {
      const tier = await ctx.db
        .query("tiers")
        .withIndex("by_key", (q) => q.eq("key", TIER))
        .unique();
      if (tier === null) throw new Error("no tier");
      await ctx.db.patch("tiers", tier._id, { discordRoleId: "900000000000000002" });
    });
    const userId = await insertUser(t, "buyer@example.com", true);
    await t.run((ctx) =>
      ctx.db.insert("discordLinks", {
        userId,
        discordUserId: "800000000000000001",
        username: "buyer",
        linkedAt: Date.now(),
      }),
    );
    const jobs = () => t.run((ctx) => ctx.db.query("roleSyncJobs").collect());

    await deliver(t, "order.completed", { occurredAt: T0 });
    expect((await jobs()).map((j) => [j.action, j.roleId, j.discordUserId])).toEqual([
      ["grant", "900000000000000002", "800000000000000001"],
    ]);
    // A duplicate delivery writes nothing, so it enqueues nothing new.
    await deliver(t, "order.completed", { occurredAt: T0 });
    expect(await jobs()).toHaveLength(1);

    await deliver(t, "order.disputed", { occurredAt: T0 + HOUR });
    const actions = (await jobs()).map((j) => j.action);
    expect(actions.at(-1)).toBe("revoke");
  });
});
