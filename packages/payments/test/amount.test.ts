import { describe, expect, test } from "vitest";
import {
  buildSellappEvent,
  majorToCents,
  parseSellappBody,
  parseSellappPayload,
} from "../src/index";

function parsed(payload: unknown) {
  const result = parseSellappPayload(payload);
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

describe("order amounts (for the business overview's revenue)", () => {
  test("v2 reads totals.total_cents and the currency; legacy reads payment.gateway.data.total", () => {
    for (const shape of ["v2", "legacy"] as const) {
      const result = parseSellappBody(buildSellappEvent("order.completed", { shape }).rawBody);
      expect(result.ok && result.event.amount, shape).toEqual({ cents: 4900, currency: "USD" });
    }
  });

  test("a subscription object carries no amount", () => {
    const result = parseSellappBody(buildSellappEvent("subscription.renewed").rawBody);
    expect(result.ok && result.event.amount).toBeUndefined();
  });

  test("an unreadable total leaves the amount out and never fails the event", () => {
    const { payload } = buildSellappEvent("order.completed");
    const data = payload.data as Record<string, unknown>;
    for (const totals of [
      { currency: "USD", total_cents: -5 },
      { currency: "US DOLLAR", total_cents: 100 },
      { currency: "usd", total_cents: 12.5 },
      "4900",
      null,
    ]) {
      const event = parsed({ ...payload, data: { ...data, totals } });
      expect(event.amount, JSON.stringify(totals)).toBeUndefined();
      expect(event.orderId).toBe("1001");
    }
    const event = parsed({
      ...payload,
      data: { ...data, totals: { currency: "eur", total_cents: 1 } },
    });
    expect(event.amount).toEqual({ cents: 1, currency: "EUR" });
  });

  test("legacy major-unit strings and numbers become exact cents", () => {
    expect(majorToCents("49.00")).toBe(4900);
    expect(majorToCents("49.5")).toBe(4950);
    expect(majorToCents("0.07")).toBe(7);
    expect(majorToCents(19.99)).toBe(1999);
    expect(majorToCents(0.1 + 0.2)).toBe(30);
    const { payload } = buildSellappEvent("order.completed", { shape: "legacy" });
    const data = payload.data as { payment: { gateway: { data: Record<string, unknown> } } };
    const withTotal = (total: unknown) => ({
      ...payload,
      data: {
        ...data,
        payment: {
          ...data.payment,
          gateway: { ...data.payment.gateway, data: { ...data.payment.gateway.data, total } },
        },
      },
    });
    expect(parsed(withTotal({ base: "12.3", currency: "gbp" })).amount).toEqual({
      cents: 1230,
      currency: "GBP",
    });
    expect(parsed(withTotal({ base: "1,000.00", currency: "USD" })).amount).toBeUndefined();
  });
});
