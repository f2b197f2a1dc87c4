import { describe, expect, it } from "vitest";
import {
  actionFor,
  buildSellappEvent,
  parseSellappBody,
  parseSellappOrderCsv,
  sellappDedupeKey,
  syntheticOrderEvent,
  syntheticSubscriptionEvent,
} from "../src/index";

function reparse(rawBody: string) {
  const parsed = parseSellappBody(rawBody);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.event;
}

describe("synthetic events from API objects", () => {
  it("a paid order read from the API dedupes with the webhook that announced it", async () => {
    const webhook = buildSellappEvent("order.completed", { orderId: "1001" });
    const data = (webhook.payload as { data: Record<string, unknown> }).data;
    const synthetic = syntheticOrderEvent(data);
    expect(synthetic?.eventType).toBe("order.completed");
    const a = await sellappDedupeKey(reparse(webhook.rawBody), webhook.rawBody);
    const b = await sellappDedupeKey(reparse(synthetic?.rawBody ?? ""), synthetic?.rawBody ?? "");
    expect(b).toBe(a);
  });

  it("maps every status to the webhook action (refund revokes, pending changes nothing)", () => {
    const order = (status: string) => ({
      id: 1,
      status,
      customer: { email: "a@example.com" },
      line_items: [{ product_id: 501, status }],
    });
    const actions = ["PAID", "COMPLETED", "PARTIAL", "DISPUTING", "REFUNDED", "REVERSED"].map(
      (status) => actionFor(reparse(syntheticOrderEvent(order(status))?.rawBody ?? "")),
    );
    expect(actions).toEqual([
      { kind: "grant" },
      { kind: "grant" },
      { kind: "flag_partial_payment" },
      { kind: "revoke", reason: "dispute" },
      { kind: "revoke", reason: "refund" },
      { kind: "revoke", reason: "reversal" },
    ]);
    for (const status of ["PENDING", "VOIDED", "FAILED", "REVIEW"]) {
      expect(syntheticOrderEvent(order(status))).toBeNull();
    }
  });

  it("subscriptions: active renews, past due fails the renewal, cancelled/expired cancel", () => {
    const sub = (status: string) => ({
      id: 801,
      status,
      product_variant_id: 601,
      current_period_end: "2026-02-01T00:00:00Z",
      customer: { email: "a@example.com" },
    });
    const kinds = ["ACTIVE", "PAST_DUE", "CANCELLED", "EXPIRED"].map(
      (status) => actionFor(reparse(syntheticSubscriptionEvent(sub(status))?.rawBody ?? "")).kind,
    );
    expect(kinds).toEqual(["renew", "renewal_failed", "cancel", "cancel"]);
    expect(syntheticSubscriptionEvent(sub("PENDING"))).toBeNull();
  });
});

describe("order export CSV", () => {
  it("reads aliased headers, quotes and CRLF; reports bad rows by line", () => {
    const csv =
      "\uFEFFInvoice ID,Status,Customer Email,Product ID,Variant ID,Subscription ID,Created At\r\n" +
      '1001,completed,"Ann@Example.com",501,601,,2026-01-01T00:00:00Z\r\n' +
      '1002,PAID,"bob, jr@example.com",501,,,2026-01-02\r\n' +
      "1003,REFUNDED,carl@example.com,501,,801,not-a-date\r\n" +
      ",PAID,dee@example.com,501,,,\r\n" +
      "1005,PAID,eve@example.com,502,,,1767225600\n";
    const result = parseSellappOrderCsv(csv);
    expect(result.orders.map((o) => [o.id, o.status, o.customer.email])).toEqual([
      ["1001", "COMPLETED", "ann@example.com"],
      ["1005", "PAID", "eve@example.com"],
    ]);
    expect(result.errors).toEqual([
      { line: 3, reason: "order 1002: no valid customer email" },
      { line: 4, reason: 'order 1003: unreadable created date "not-a-date"' },
      { line: 5, reason: "no order id" },
    ]);
    const event = reparse(syntheticOrderEvent(result.orders[0] ?? {})?.rawBody ?? "");
    expect(event).toMatchObject({
      orderId: "1001",
      status: "COMPLETED",
      customer: { email: "ann@example.com" },
    });
    expect(event.lineItems).toEqual([{ productId: "501", variantId: "601" }]);
  });

  it("names missing required columns", () => {
    expect(parseSellappOrderCsv("ID,Email\n1,a@example.com\n").errors).toEqual([
      { line: 1, reason: "missing column(s): status (see docs/cutover.md)" },
    ]);
  });
});
