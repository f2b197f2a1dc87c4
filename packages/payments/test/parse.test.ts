import { describe, expect, test } from "vitest";
import {
  actionFor,
  buildSellappEvent,
  parseSellappBody,
  SAMPLE_KINDS,
  type SampleKind,
  sellappDedupeKey,
  sourceOf,
} from "../src/index";

const ORDER_KINDS = SAMPLE_KINDS.filter(
  (kind) => kind.startsWith("order.") || kind.startsWith("charge."),
);

const EXPECTED_ACTION: Record<SampleKind, string> = {
  "order.created": "ignore",
  "order.completed": "grant",
  "order.paid": "grant",
  "order.manual_payment_completed": "grant",
  "order.partial_paid": "flag_partial_payment",
  "order.disputed": "revoke:dispute",
  "order.refunded": "revoke:refund",
  "order.reversed": "revoke:reversal",
  "charge.disputed": "revoke:dispute",
  "charge.partial_paid": "flag_partial_payment",
  "subscription.created": "grant",
  "subscription.renewed": "renew",
  "subscription.renewal_failed": "renewal_failed",
  "subscription.cancelled": "cancel",
  "product.created": "ignore",
  unknown: "ignore",
};

function describeAction(kind: SampleKind, shape: "v2" | "legacy"): string {
  const parsed = parseSellappBody(buildSellappEvent(kind, { shape }).rawBody);
  if (!parsed.ok) throw new Error(parsed.reason);
  const action = actionFor(parsed.event);
  return action.kind === "revoke" ? `revoke:${action.reason}` : action.kind;
}

describe("parseSellappBody on both order shapes", () => {
  for (const shape of ["v2", "legacy"] as const) {
    for (const kind of ORDER_KINDS) {
      test(`${kind} (${shape}) normalizes the order, customer and line items`, () => {
        const delivery = buildSellappEvent(kind, {
          shape,
          email: "Buyer@Example.COM",
          orderId: "42",
          productId: "7",
          variantId: "8",
          sellappCustomerId: "9",
          externalId: "user_1",
          occurredAt: Date.UTC(2026, 1, 1),
        });
        const parsed = parseSellappBody(delivery.rawBody);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.event).toMatchObject({
          eventType: delivery.event,
          known: true,
          shape: shape === "v2" ? "v2_order" : "legacy_invoice",
          orderId: "42",
          customer: { email: "buyer@example.com", sellappCustomerId: "9", externalId: "user_1" },
          lineItems: [{ productId: "7", variantId: "8" }],
          occurredAt: Date.UTC(2026, 1, 1),
        });
        expect(parsed.event.subscriptionId).toBeUndefined();
        expect(describeAction(kind, shape)).toBe(EXPECTED_ACTION[kind]);
      });
    }
  }

  test("an order that belongs to a subscription is attributed to that subscription", () => {
    for (const shape of ["v2", "legacy"] as const) {
      const parsed = parseSellappBody(
        buildSellappEvent("order.paid", { shape, subscriptionId: "77" }).rawBody,
      );
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(parsed.event.subscriptionId).toBe("77");
      expect(sourceOf(parsed.event)).toEqual({ source: "subscription", sourceId: "77" });
    }
  });
});

describe("parseSellappBody on the subscription object", () => {
  for (const kind of SAMPLE_KINDS.filter((k) => k.startsWith("subscription."))) {
    test(`${kind} reads the subscription, its customer and period end`, () => {
      const delivery = buildSellappEvent(kind, {
        subscriptionId: "55",
        variantId: "8",
        externalId: "user_2",
        occurredAt: Date.UTC(2026, 2, 1),
        periodEnd: Date.UTC(2026, 3, 1),
      });
      const parsed = parseSellappBody(delivery.rawBody);
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(parsed.event).toMatchObject({
        eventType: delivery.event,
        shape: "subscription",
        subscriptionId: "55",
        customer: { email: "buyer@example.com", externalId: "user_2" },
        lineItems: [{ variantId: "8", subscriptionId: "55" }],
        periodEnd: Date.UTC(2026, 3, 1),
        occurredAt: Date.UTC(2026, 2, 1),
      });
      expect(describeAction(kind, "v2")).toBe(EXPECTED_ACTION[kind]);
    });
  }
});

describe("parse errors name the field", () => {
  test("malformed JSON", () => {
    const parsed = parseSellappBody("{not json");
    expect(parsed).toMatchObject({ ok: false, kind: "malformed_json" });
  });

  test("missing event name", () => {
    const parsed = parseSellappBody(JSON.stringify({ data: {} }));
    expect(parsed).toEqual({
      ok: false,
      kind: "invalid_payload",
      reason: "missing required field body.event",
    });
  });

  test("missing order id (v2)", () => {
    const { payload } = buildSellappEvent("order.paid");
    const data = { ...(payload.data as Record<string, unknown>) };
    delete data.id;
    const parsed = parseSellappBody(JSON.stringify({ ...payload, data }));
    expect(parsed).toEqual({
      ok: false,
      kind: "invalid_payload",
      reason: "missing required field data.id",
    });
  });

  test("missing customer email (v2 and legacy)", () => {
    const v2 = buildSellappEvent("order.paid").payload;
    const v2Data = v2.data as { customer: Record<string, unknown> };
    delete v2Data.customer.email;
    expect(parseSellappBody(JSON.stringify(v2))).toMatchObject({
      ok: false,
      reason: "missing required field data.customer.email",
    });
    const legacy = buildSellappEvent("order.completed", { shape: "legacy" }).payload;
    const legacyData = legacy.data as {
      customer_information: Record<string, unknown>;
      payment: { gateway: { data: Record<string, unknown> } };
    };
    delete legacyData.customer_information.email;
    delete legacyData.payment.gateway.data.customer_email;
    expect(parseSellappBody(JSON.stringify(legacy))).toMatchObject({
      ok: false,
      reason: "missing required field data.customer_information.email",
    });
  });

  test("missing legacy status and missing subscription id", () => {
    const legacy = buildSellappEvent("order.completed", { shape: "legacy" }).payload;
    (legacy.data as Record<string, unknown>).status = { history: [] };
    expect(parseSellappBody(JSON.stringify(legacy))).toMatchObject({
      ok: false,
      reason: "missing required field data.status.status",
    });
    const sub = buildSellappEvent("subscription.renewed").payload;
    delete (sub.data as Record<string, unknown>).id;
    expect(parseSellappBody(JSON.stringify(sub))).toMatchObject({
      ok: false,
      reason: "missing required field data.id",
    });
  });

  test("data that is not an object", () => {
    expect(parseSellappBody(JSON.stringify({ event: "order.paid", data: 3 }))).toMatchObject({
      ok: false,
      reason: "missing required field data (an object)",
    });
  });
});

describe("unknown and informational events", () => {
  test("an unknown event type is recognised as unknown, not an error", () => {
    const parsed = parseSellappBody(buildSellappEvent("unknown").rawBody);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.event).toMatchObject({
      eventType: "store.something_new",
      known: false,
      dataId: "9001",
    });
    expect(actionFor(parsed.event)).toEqual({ kind: "ignore" });
  });

  test("a known informational event is known and ignored", () => {
    const parsed = parseSellappBody(buildSellappEvent("product.created").rawBody);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.event.known).toBe(true);
    expect(actionFor(parsed.event)).toEqual({ kind: "ignore" });
  });

  test("the envelope version is recorded", () => {
    const parsed = parseSellappBody(
      buildSellappEvent("order.paid", { version: "2025-01" }).rawBody,
    );
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.event.version).toBe("2025-01");
  });
});

describe("sellappDedupeKey", () => {
  async function keyOf(rawBody: string) {
    const parsed = parseSellappBody(rawBody);
    if (!parsed.ok) throw new Error(parsed.reason);
    return sellappDedupeKey(parsed.event, rawBody);
  }

  test("is type + order id + status, equal across shapes and redeliveries", async () => {
    const v2 = await keyOf(buildSellappEvent("order.paid", { orderId: "5" }).rawBody);
    const legacy = await keyOf(
      buildSellappEvent("order.paid", { orderId: "5", shape: "legacy" }).rawBody,
    );
    expect(v2).toBe("order.paid|order:5|PAID");
    expect(legacy).toBe(v2);
    expect(await keyOf(buildSellappEvent("order.refunded", { orderId: "5" }).rawBody)).toBe(
      "order.completed|order:5|REFUNDED",
    );
  });

  test("distinguishes successive renewals of one subscription by period end", async () => {
    const first = await keyOf(
      buildSellappEvent("subscription.renewed", { periodEnd: 1_000_000_000_000 }).rawBody,
    );
    const second = await keyOf(
      buildSellappEvent("subscription.renewed", { periodEnd: 2_000_000_000_000 }).rawBody,
    );
    expect(first).not.toBe(second);
  });

  test("falls back to a body hash when there is no id", async () => {
    const body = JSON.stringify({ event: "store.ping", data: {} });
    expect(await keyOf(body)).toMatch(/^store\.ping\|body:[0-9a-f]{64}$/);
  });
});
