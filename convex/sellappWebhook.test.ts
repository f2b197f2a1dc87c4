import { buildSellappEvent, type SampleKind, signSellappBody } from "@g3/payments";
import { describe, expect, test, vi } from "vitest";
import {
  DAY,
  deliver,
  entitlementsOf,
  eventsOf,
  post,
  PREVIOUS_SECRET,
  SECRET,
  setupPayments,
  T0,
  TIER,
} from "./test.sellapp";
import { auditByAction } from "./test.audit";

/** What each order kind leaves behind, on either shape. */
const ORDER_OUTCOMES: Record<string, { event: string; entitlement: string | null; flag?: string }> =
  {
    "order.created": { event: "ignored", entitlement: null },
    "order.completed": { event: "processed", entitlement: "active" },
    "order.paid": { event: "processed", entitlement: "active" },
    "order.manual_payment_completed": { event: "processed", entitlement: "active" },
    "order.partial_paid": { event: "processed", entitlement: null, flag: "partial_payment" },
    "order.disputed": { event: "processed", entitlement: "revoked" },
    "order.refunded": { event: "processed", entitlement: "revoked" },
    "order.reversed": { event: "processed", entitlement: "revoked" },
    "charge.disputed": { event: "processed", entitlement: "revoked" },
    "charge.partial_paid": { event: "processed", entitlement: null, flag: "partial_payment" },
  };

describe("POST /webhooks/sellapp: each event kind on both order shapes", () => {
  for (const shape of ["v2", "legacy"] as const) {
    for (const [kind, outcome] of Object.entries(ORDER_OUTCOMES)) {
      test(`${kind} (${shape}) → event ${outcome.event}, entitlement ${String(outcome.entitlement)}`, async () => {
        const { t } = await setupPayments();
        const response = await deliver(t, kind as SampleKind, { shape, occurredAt: T0 });
        expect(response.status).toBe(200);
        expect(response.body.ok).toBe(true);
        const [event] = await eventsOf(t);
        expect(event).toMatchObject({
          status: outcome.event,
          verification: "valid",
          orderId: "1001",
        });
        const entitlements = await entitlementsOf(t);
        if (outcome.entitlement === null) {
          expect(entitlements).toEqual([]);
        } else {
          expect(entitlements).toHaveLength(1);
          expect(entitlements[0]).toMatchObject({
            status: outcome.entitlement,
            tierKey: TIER,
            source: "order",
            sourceId: "1001",
          });
        }
        const customers = await t.run((ctx) => ctx.db.query("customers").collect());
        if (outcome.event !== "ignored") {
          expect(customers).toHaveLength(1);
          expect(customers[0]?.email).toBe("buyer@example.com");
          expect(customers[0]?.flags ?? []).toEqual(
            outcome.flag === undefined ? [] : [outcome.flag],
          );
        }
        if (outcome.entitlement === "active") {
          expect(entitlements[0]?.accessUntil).toBe(T0 + 30 * DAY);
        }
      });
    }
  }

  const SUBSCRIPTION_OUTCOMES: Record<string, string | null> = {
    "subscription.created": "active",
    "subscription.renewed": "active",
    // Without any payment on record a failed renewal or a cancellation grants nothing.
    "subscription.renewal_failed": null,
    "subscription.cancelled": null,
  };
  for (const [kind, status] of Object.entries(SUBSCRIPTION_OUTCOMES)) {
    test(`${kind} (subscription object) → entitlement ${String(status)}`, async () => {
      const { t } = await setupPayments();
      const response = await deliver(t, kind as SampleKind, {
        occurredAt: T0,
        periodEnd: T0 + 30 * DAY,
      });
      expect(response.status).toBe(200);
      const entitlements = await entitlementsOf(t);
      if (status === null) expect(entitlements).toEqual([]);
      else
        expect(entitlements[0]).toMatchObject({ status, source: "subscription", sourceId: "801" });
      const subscriptions = await t.run((ctx) => ctx.db.query("subscriptions").collect());
      expect(subscriptions[0]).toMatchObject({ sellappSubscriptionId: "801", tierKey: TIER });
    });
  }

  test("a partial payment flags the customer in the audit log", async () => {
    const { t } = await setupPayments();
    await deliver(t, "order.partial_paid", { occurredAt: T0 });
    const audit = await auditByAction(t, "customer.flag");
    expect(audit).toHaveLength(1);
    expect(audit[0]?.reason).toBe("partial_payment");
  });

  test("an unknown event type is stored (200) and ignored", async () => {
    const { t } = await setupPayments();
    const response = await deliver(t, "unknown");
    expect(response.status).toBe(200);
    const [event] = await eventsOf(t);
    expect(event).toMatchObject({ eventType: "store.something_new", status: "ignored" });
    expect(await entitlementsOf(t)).toEqual([]);
  });

  test("an informational event (product.created) is stored and ignored", async () => {
    const { t } = await setupPayments();
    expect((await deliver(t, "product.created")).status).toBe(200);
    expect((await eventsOf(t))[0]?.status).toBe("ignored");
  });
});

describe("idempotency", () => {
  test("the same event delivered three times is applied once; the repeats are duplicates", async () => {
    const { t } = await setupPayments();
    const responses = [];
    for (let i = 0; i < 3; i++)
      responses.push(await deliver(t, "order.completed", { occurredAt: T0 }));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(responses.map((r) => r.body.duplicate ?? false)).toEqual([false, true, true]);
    const events = await eventsOf(t);
    expect(events.map((e) => e.status)).toEqual(["processed", "duplicate", "duplicate"]);
    expect(events[1]?.duplicateOf).toBe(events[0]?._id);
    expect(await entitlementsOf(t)).toHaveLength(1);
    const grants = await auditByAction(t, "entitlement.grant");
    expect(grants).toHaveLength(1);
  });

  test("order.paid and order.completed for one order make one entitlement", async () => {
    const { t } = await setupPayments();
    await deliver(t, "order.paid", { occurredAt: T0 });
    await deliver(t, "order.completed", { occurredAt: T0 + 1000, shape: "legacy" });
    const entitlements = await entitlementsOf(t);
    expect(entitlements).toHaveLength(1);
    expect(entitlements[0]?.accessUntil).toBe(T0 + 1000 + 30 * DAY);
  });
});

describe("rejections are recorded and change nothing", () => {
  test("a bad signature → 401, recorded as rejected (invalid)", async () => {
    const { t } = await setupPayments();
    const { rawBody } = buildSellappEvent("order.completed");
    const response = await post(
      t,
      rawBody,
      await signSellappBody(rawBody, "not-the-secret-at-all-0000"),
    );
    expect(response.status).toBe(401);
    const [event] = await eventsOf(t);
    expect(event).toMatchObject({
      status: "rejected",
      verification: "invalid",
      eventType: "order.completed",
    });
    expect(event?.dedupeKey).toBeUndefined();
    expect(await entitlementsOf(t)).toEqual([]);
  });

  test("a signature over re-serialised JSON is rejected", async () => {
    const { t } = await setupPayments();
    const { rawBody, payload } = buildSellappEvent("order.completed");
    const response = await post(
      t,
      rawBody,
      await signSellappBody(JSON.stringify(payload, null, 1), SECRET),
    );
    expect(response.status).toBe(401);
  });

  test("a missing signature → 401, recorded as rejected (missing)", async () => {
    const { t } = await setupPayments();
    const response = await post(t, buildSellappEvent("order.completed").rawBody, null);
    expect(response).toMatchObject({
      status: 401,
      body: { ok: false, error: "missing signature header" },
    });
    expect((await eventsOf(t))[0]).toMatchObject({ status: "rejected", verification: "missing" });
    expect(await entitlementsOf(t)).toEqual([]);
  });

  test("malformed JSON → 400 with the reason, raw body kept", async () => {
    const { t } = await setupPayments();
    const rawBody = '{"event":"order.completed","data":';
    const response = await post(t, rawBody, await signSellappBody(rawBody, SECRET));
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/^malformed JSON/);
    expect((await eventsOf(t))[0]).toMatchObject({
      status: "rejected",
      verification: "valid",
      rawBody,
    });
  });

  test("a missing required field → 400 naming the field", async () => {
    const { t } = await setupPayments();
    const { payload } = buildSellappEvent("order.paid");
    delete (payload.data as { customer: Record<string, unknown> }).customer.email;
    const rawBody = JSON.stringify(payload);
    const response = await post(t, rawBody, await signSellappBody(rawBody, SECRET));
    expect(response).toMatchObject({
      status: 400,
      body: { ok: false, error: "missing required field data.customer.email" },
    });
    expect((await eventsOf(t))[0]).toMatchObject({
      status: "rejected",
      rejectReason: "missing required field data.customer.email",
    });
  });

  test("an oversized body → 413, recorded as an excerpt", async () => {
    const { t } = await setupPayments();
    vi.stubEnv("SELLAPP_WEBHOOK_MAX_BYTES", "1024");
    const { payload } = buildSellappEvent("order.paid");
    const rawBody = JSON.stringify({ ...payload, padding: "x".repeat(40_000) });
    const response = await post(t, rawBody, await signSellappBody(rawBody, SECRET));
    expect(response.status).toBe(413);
    const [event] = await eventsOf(t);
    expect(event).toMatchObject({ status: "rejected", bodyBytes: rawBody.length });
    expect(event?.rawBody).toBeUndefined(); // unverified: never the body
    expect(event?.bodyExcerpt).toBe(rawBody.slice(0, 512));
    expect(event?.rejectReason).toMatch(/exceeds the 1024-byte cap/);
    expect(await entitlementsOf(t)).toEqual([]);
  });

  test("the default cap is 256 KiB; an oversized body keeps its first 512 bytes", async () => {
    const { t } = await setupPayments();
    const { payload } = buildSellappEvent("order.paid");
    const rawBody = JSON.stringify({ ...payload, padding: "y".repeat(300 * 1024) });
    const response = await post(t, rawBody, await signSellappBody(rawBody, SECRET));
    expect(response.status).toBe(413);
    const [event] = await eventsOf(t);
    expect(event?.bodyBytes).toBe(rawBody.length);
    expect(event?.rawBody).toBeUndefined();
    expect(event?.bodyExcerpt).toBe(rawBody.slice(0, 512));
    expect(event?.rejectReason).toMatch(/exceeds the 262144-byte cap/);
  });

  test("a body just under the cap is accepted", async () => {
    const { t } = await setupPayments();
    vi.stubEnv("SELLAPP_WEBHOOK_MAX_BYTES", "4096");
    const { payload } = buildSellappEvent("order.paid");
    const base = JSON.stringify({ ...payload, padding: "" });
    const rawBody = JSON.stringify({ ...payload, padding: "z".repeat(4096 - base.length) });
    expect(rawBody.length).toBe(4096);
    expect((await post(t, rawBody, await signSellappBody(rawBody, SECRET))).status).toBe(200);
  });

  test("no secret configured → 500, still recorded, nothing applied", async () => {
    const { t } = await setupPayments();
    vi.stubEnv("SELLAPP_WEBHOOK_SECRET", "");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { rawBody } = buildSellappEvent("order.paid");
    const response = await post(t, rawBody, await signSellappBody(rawBody, SECRET));
    expect(response.status).toBe(500);
    expect(response.body.error).toMatch(/SELLAPP_WEBHOOK_SECRET is not set/);
    expect((await eventsOf(t))[0]).toMatchObject({ status: "rejected", verification: "unchecked" });
    expect(errors).toHaveBeenCalled();
    expect(JSON.stringify(errors.mock.calls)).not.toContain(SECRET);
    errors.mockRestore();
    expect(await entitlementsOf(t)).toEqual([]);
  });

  test("the stored headers never include anything but the listed ones", async () => {
    const { t } = await setupPayments();
    const { rawBody } = buildSellappEvent("order.paid");
    const signature = await signSellappBody(rawBody, SECRET);
    await t.fetch("/webhooks/sellapp", {
      method: "POST",
      headers: { signature, authorization: "Bearer top-secret", cookie: "a=b" },
      body: rawBody,
    });
    const [event] = await eventsOf(t);
    expect(Object.keys(event?.headers ?? {}).sort()).toEqual(["content-type", "signature"]);
  });
});

describe("secret rotation", () => {
  test("during the window both secrets verify; after it only the current one", async () => {
    const { t } = await setupPayments();
    vi.stubEnv("SELLAPP_WEBHOOK_SECRET_PREVIOUS", PREVIOUS_SECRET);
    expect((await deliver(t, "order.paid", { orderId: "1" }, PREVIOUS_SECRET)).status).toBe(200);
    expect((await deliver(t, "order.paid", { orderId: "2" }, SECRET)).status).toBe(200);
    vi.stubEnv("SELLAPP_WEBHOOK_SECRET_PREVIOUS", "");
    expect((await deliver(t, "order.paid", { orderId: "3" }, PREVIOUS_SECRET)).status).toBe(401);
  });
});
