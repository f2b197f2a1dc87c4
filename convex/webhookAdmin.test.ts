import { buildSellappEvent, signSellappBody } from "@g3/payments";
import { describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import {
  DAY,
  deliver,
  entitlementsOf,
  eventsOf,
  HOUR,
  insertUser,
  post,
  PRODUCT,
  SECRET,
  settle,
  setupPayments,
  T0,
  type TestConvex,
  TIER,
} from "./test.sellapp";
import { auditByAction } from "./test.audit";
import { signedInAs } from "./test.sessions";

const UNMAPPED = "999";

describe("failure capture, retries and replay", () => {
  test("unmapped product → failed with a clear error → admin maps it → replay grants", async () => {
    const { t, admin } = await setupPayments();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await deliver(t, "order.completed", { productId: UNMAPPED, occurredAt: T0 });
    expect(response.status).toBe(200); // stored: Sell.app must not retry what we already hold
    const [failed] = await eventsOf(t);
    expect(failed).toMatchObject({
      status: "failed",
      attempts: 1,
      nextRetryAt: T0 + HOUR + 60_000,
    });
    expect(failed?.lastError).toContain(`no tier mapped for product ${UNMAPPED}`);
    expect(failed?.lastError).toContain("add one in admin");
    expect(failed?.lastErrorStack).toBeTypeOf("string");
    // Nothing half-written: the sub-transaction rolled back the customer and entitlement writes.
    expect(await entitlementsOf(t)).toEqual([]);
    expect(await t.run((ctx) => ctx.db.query("customers").collect())).toEqual([]);
    errors.mockRestore();

    await admin.mutation(api.tiers.setProductMapping, {
      sellappProductId: UNMAPPED,
      tierKey: TIER,
    });
    const failedId = failed?._id as Id<"webhookEvents">;
    const results = await admin.mutation(api.webhookAdmin.replay, {
      ids: [failedId],
      reason: "mapped",
    });
    expect(results).toEqual([{ id: failedId, status: "processed" }]);
    expect((await entitlementsOf(t))[0]).toMatchObject({ status: "active", tierKey: TIER });
    expect(await auditByAction(t, "webhook.replay")).toHaveLength(1);
    expect(await auditByAction(t, "productTier.create")).toHaveLength(1);

    // Replaying again is idempotent: no new grant.
    await admin.mutation(api.webhookAdmin.replay, { ids: [failedId, failedId] });
    expect(await entitlementsOf(t)).toHaveLength(1);
    expect(await auditByAction(t, "entitlement.grant")).toHaveLength(1);
  });

  test("automatic retries back off 1 m, 5 m, … and succeed once the mapping exists", async () => {
    const { t, admin } = await setupPayments();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await deliver(t, "order.completed", { productId: UNMAPPED, occurredAt: T0 });
    const start = Date.now();
    // Not yet due: nothing retried.
    expect(await t.mutation(internal.webhookEvents.retryDue, {})).toEqual({ retried: 0, stuck: 0 });
    vi.setSystemTime(start + 60_000);
    expect((await t.mutation(internal.webhookEvents.retryDue, {})).retried).toBe(1);
    await settle(t);
    const [second] = await eventsOf(t);
    expect(second).toMatchObject({ status: "failed", attempts: 2 });
    expect(second?.nextRetryAt).toBe(Date.now() + 5 * 60_000);

    await admin.mutation(api.tiers.setProductMapping, {
      sellappProductId: UNMAPPED,
      tierKey: TIER,
    });
    vi.setSystemTime(Date.now() + 5 * 60_000);
    expect((await t.mutation(internal.webhookEvents.retryDue, {})).retried).toBe(1);
    await settle(t);
    expect((await eventsOf(t))[0]).toMatchObject({ status: "processed", attempts: 3 });
    expect(await entitlementsOf(t)).toHaveLength(1);
    vi.restoreAllMocks();
  });

  test("after the last backoff step the event is left failed for an admin", async () => {
    const { t } = await setupPayments();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await deliver(t, "order.completed", { productId: UNMAPPED, occurredAt: T0 });
    for (let attempt = 2; attempt <= 6; attempt++) {
      const [event] = await eventsOf(t);
      vi.setSystemTime(event?.nextRetryAt ?? 0);
      await t.mutation(internal.webhookEvents.retryDue, {});
      await settle(t);
    }
    const [event] = await eventsOf(t);
    expect(event).toMatchObject({ status: "failed", attempts: 6 });
    expect(event?.nextRetryAt).toBeUndefined();
    vi.restoreAllMocks();
  });

  test("an event whose scheduled processing never ran is recovered by the retry sweep", async () => {
    const { t } = await setupPayments();
    const { rawBody } = buildSellappEvent("order.completed", { occurredAt: T0 });
    await post(t, rawBody, await signSellappBody(rawBody, SECRET)); // stored; job not run yet
    expect((await eventsOf(t))[0]?.status).toBe("received");
    vi.setSystemTime(Date.now() + 6 * 60_000);
    expect(await t.mutation(internal.webhookEvents.retryDue, {})).toEqual({ retried: 0, stuck: 1 });
    const [stuck] = await eventsOf(t);
    expect(stuck).toMatchObject({ status: "failed", attempts: 1 });
    expect(stuck?.lastError).toMatch(/did not complete/);
    await settle(t); // the original job finally runs: a failed event is still processable
    expect((await eventsOf(t))[0]?.status).toBe("processed");
    expect(await entitlementsOf(t)).toHaveLength(1);
  });

  test("rejected events cannot be replayed", async () => {
    const { t, admin } = await setupPayments();
    await post(t, '{"event":"order.paid"}', null);
    const [rejected] = await eventsOf(t);
    await expect(
      admin.mutation(api.webhookAdmin.replay, { ids: [rejected?._id as Id<"webhookEvents">] }),
    ).rejects.toThrow(/rejected/);
  });
});

describe("listing and inspection", () => {
  test("lists by status and by type, newest first, paginated; get returns the raw payload", async () => {
    const { t, admin } = await setupPayments();
    await deliver(t, "order.completed", { orderId: "1", occurredAt: T0 });
    await deliver(t, "order.completed", { orderId: "1", occurredAt: T0 }); // duplicate
    await deliver(t, "order.created", { orderId: "2", occurredAt: T0 });
    await post(t, "{}", null);

    const page1 = await admin.query(api.webhookAdmin.list, {
      paginationOpts: { numItems: 2, cursor: null },
    });
    expect(page1.page).toHaveLength(2);
    expect(page1.isDone).toBe(false);
    const page2 = await admin.query(api.webhookAdmin.list, {
      paginationOpts: { numItems: 10, cursor: page1.continueCursor },
    });
    expect(page1.page.length + page2.page.length).toBe(4);
    expect(page1.page[0]?.status).toBe("rejected"); // newest first

    const duplicates = await admin.query(api.webhookAdmin.list, {
      status: "duplicate",
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(duplicates.page.map((e) => e.eventType)).toEqual(["order.completed"]);
    const processedCompleted = await admin.query(api.webhookAdmin.list, {
      status: "processed",
      eventType: "order.completed",
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(processedCompleted.page).toHaveLength(1);
    const created = await admin.query(api.webhookAdmin.list, {
      eventType: "order.created",
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(created.page.map((e) => e.status)).toEqual(["ignored"]);

    const one = await admin.query(api.webhookAdmin.get, {
      id: processedCompleted.page[0]?.id as Id<"webhookEvents">,
    });
    expect(JSON.parse(one?.rawBody ?? "null")).toMatchObject({ event: "order.completed" });
    expect(one?.dedupeKey).toBe("order.completed|order:1|COMPLETED");
  });
});

describe("reconciliation", () => {
  test("re-derives a customer's entitlements from their stored events", async () => {
    const { t, admin } = await setupPayments();
    await deliver(t, "order.completed", { occurredAt: T0 });
    const [row] = await entitlementsOf(t);
    // Drift: someone edited the row by hand.
    await t.run((ctx) =>
      ctx.db.patch("entitlements", row?._id as Id<"entitlements">, { status: "revoked" }),
    );
    const customer = await t.run((ctx) => ctx.db.query("customers").first());
    const result = await admin.mutation(api.webhookAdmin.reconcile, {
      customerId: customer?._id as Id<"customers">,
    });
    expect(result).toEqual({ sources: 1, changed: 1, failures: [] });
    expect((await entitlementsOf(t))[0]).toMatchObject({
      status: "active",
      accessUntil: T0 + 30 * DAY,
    });
    expect(await auditByAction(t, "customer.reconcile")).toHaveLength(1);
    const again = await t.mutation(internal.webhookAdmin.reconcileInternal, {
      customerId: customer?._id as Id<"customers">,
    });
    expect(again.changed).toBe(0);
  });

  test("a source that cannot be derived is reported, the others still reconcile", async () => {
    const { t, admin } = await setupPayments();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await deliver(t, "order.completed", { orderId: "1", occurredAt: T0 });
    await deliver(t, "order.completed", { orderId: "2", productId: UNMAPPED, occurredAt: T0 });
    const customer = await t.run((ctx) => ctx.db.query("customers").first());
    await t.run(async (ctx) => {
      for (const row of await ctx.db.query("entitlements").collect())
        await ctx.db.delete("entitlements", row._id);
    });
    const result = await admin.mutation(api.webhookAdmin.reconcile, {
      customerId: customer?._id as Id<"customers">,
    });
    expect(result.changed).toBe(1);
    expect(result.failures).toEqual([
      {
        source: "order:2",
        error: expect.stringContaining(`no tier mapped for product ${UNMAPPED}`) as string,
      },
    ]);
    expect((await entitlementsOf(t)).map((row) => row.sourceId)).toEqual(["1"]);
    vi.restoreAllMocks();
  });
});

describe("manual entitlements", () => {
  test("grant, extend and revoke, each with a reason and audited; an admin revoke survives replay", async () => {
    const { t, admin } = await setupPayments();
    const userId = await insertUser(t, "vip@example.com", true);
    const found = await admin.query(api.entitlementAdmin.search, { emailPrefix: "vip@" });
    expect(found.users.map((u) => u.id)).toEqual([userId]);

    await expect(
      admin.mutation(api.entitlementAdmin.grant, { userId, tierKey: TIER, days: 7, reason: "" }),
    ).rejects.toThrow(/reason/);
    const id = await admin.mutation(api.entitlementAdmin.grant, {
      userId,
      tierKey: TIER,
      days: 7,
      reason: "giveaway winner",
    });
    const now = Date.now();
    expect((await entitlementsOf(t))[0]).toMatchObject({
      status: "active",
      accessUntil: now + 7 * DAY,
      userId,
    });
    await admin.mutation(api.entitlementAdmin.extend, {
      entitlementId: id,
      days: 3,
      reason: "support goodwill",
    });
    expect((await entitlementsOf(t))[0]?.accessUntil).toBe(now + 10 * DAY);
    await admin.mutation(api.entitlementAdmin.revoke, { entitlementId: id, reason: "abuse" });
    expect((await entitlementsOf(t))[0]).toMatchObject({ status: "revoked", adminRevoked: true });
    const log = await t.run((ctx) => ctx.db.query("auditLog").collect());
    const manual = log.filter((e) => e.targetType === "entitlement");
    expect(manual.map((e) => [e.action, e.reason, e.actorType])).toEqual([
      ["entitlement.grant", "giveaway winner", "admin"],
      ["entitlement.extend", "support goodwill", "admin"],
      ["entitlement.revoke", "abuse", "admin"],
    ]);
  });

  test("an admin revoke of a Sell.app entitlement is not undone by replaying its events", async () => {
    const { t, admin } = await setupPayments();
    await deliver(t, "order.completed", { occurredAt: T0 });
    const [row] = await entitlementsOf(t);
    await admin.mutation(api.entitlementAdmin.revoke, {
      entitlementId: row?._id as Id<"entitlements">,
      reason: "chargeback by email",
    });
    const [event] = await eventsOf(t);
    await admin.mutation(api.webhookAdmin.replay, { ids: [event?._id as Id<"webhookEvents">] });
    expect((await entitlementsOf(t))[0]?.status).toBe("revoked");
  });

  test("extending a Sell.app entitlement is refused with a clear message", async () => {
    const { t, admin } = await setupPayments();
    await deliver(t, "order.completed", { occurredAt: T0 });
    const [row] = await entitlementsOf(t);
    await expect(
      admin.mutation(api.entitlementAdmin.extend, {
        entitlementId: row?._id as Id<"entitlements">,
        days: 3,
        reason: "nice",
      }),
    ).rejects.toThrow(/Only manual entitlements/);
  });
});

describe("entitlements.mine", () => {
  test("summarises the viewer's tiers with period end and purchase URL; null when signed out", async () => {
    const { t } = await setupPayments();
    const userId = await insertUser(t, "buyer@example.com", true);
    expect(await t.query(api.entitlements.mine, {})).toBeNull();
    const viewer = await signedInAs(t, userId);
    expect(await viewer.query(api.entitlements.mine, {})).toEqual({
      emailVerified: true,
      needsEmailVerification: false,
      tiers: [
        {
          tierKey: TIER,
          name: "VIP",
          purchaseUrl: "https://shop.example.com/vip",
          hasAccess: false,
        },
      ],
    });
    await deliver(t, "order.completed", { occurredAt: T0 });
    expect((await viewer.query(api.entitlements.mine, {}))?.tiers).toEqual([
      {
        tierKey: TIER,
        name: "VIP",
        purchaseUrl: "https://shop.example.com/vip",
        hasAccess: true,
        status: "active",
        source: "order",
        accessUntil: T0 + 30 * DAY,
      },
    ]);
  });
});

describe("authorization: admin functions refuse non-admins and anonymous callers", () => {
  test("every admin query and mutation", async () => {
    const { t } = await setupPayments();
    const customerUser = await insertUser(t, "plain@example.com", true);
    await deliver(t, "order.completed", { occurredAt: T0 });
    const [event] = await eventsOf(t);
    const [row] = await entitlementsOf(t);
    const customer = await t.run((ctx) => ctx.db.query("customers").first());
    const eventId = event?._id as Id<"webhookEvents">;
    const entitlementId = row?._id as Id<"entitlements">;
    const customerId = customer?._id as Id<"customers">;
    const page = { paginationOpts: { numItems: 5, cursor: null } };
    const calls = (caller: Pick<TestConvex, "query" | "mutation">) => [
      () => caller.query(api.webhookAdmin.list, page),
      () => caller.query(api.webhookAdmin.get, { id: eventId }),
      () => caller.mutation(api.webhookAdmin.replay, { ids: [eventId] }),
      () => caller.mutation(api.webhookAdmin.reconcile, { customerId }),
      () => caller.query(api.entitlementAdmin.search, { emailPrefix: "bu" }),
      () =>
        caller.mutation(api.entitlementAdmin.grant, {
          userId: customerUser,
          tierKey: TIER,
          days: 1,
          reason: "why not",
        }),
      () =>
        caller.mutation(api.entitlementAdmin.extend, { entitlementId, days: 1, reason: "why not" }),
      () => caller.mutation(api.entitlementAdmin.revoke, { entitlementId, reason: "why not" }),
      () => caller.query(api.tiers.list, {}),
      () => caller.mutation(api.tiers.upsertTier, { key: "x", name: "X", graceHours: 1 }),
      () => caller.mutation(api.tiers.removeTier, { key: TIER }),
      () =>
        caller.mutation(api.tiers.setProductMapping, { sellappProductId: PRODUCT, tierKey: TIER }),
    ];
    for (const call of calls(t)) await expect(call()).rejects.toThrow(/Sign in/);
    const plain = await signedInAs(t, customerUser);
    for (const call of calls(plain)) await expect(call()).rejects.toThrow(/Admins only/);
    expect((await entitlementsOf(t))[0]?.status).toBe("active");
  });
});
