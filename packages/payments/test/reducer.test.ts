import { describe, expect, test } from "vitest";
import {
  buildSellappEvent,
  deriveEntitlement,
  hasLapsed,
  parseSellappBody,
  type ReducerConfig,
  type ReducerEvent,
  type SampleKind,
  type SampleOptions,
  sellappDedupeKey,
  toReducerEvent,
} from "../src/index";

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 1);

const subscriptionConfig: ReducerConfig = {
  source: "subscription",
  subscriptionPeriodMs: 30 * DAY,
  graceMs: 48 * HOUR,
};
const orderConfig: ReducerConfig = {
  source: "order",
  orderAccessMs: 30 * DAY,
  subscriptionPeriodMs: 30 * DAY,
  graceMs: 48 * HOUR,
};

/** Full pure pipeline: sample bytes → parse → dedupe key → reducer input. */
async function delivered(kind: SampleKind, options: SampleOptions): Promise<ReducerEvent> {
  const { rawBody } = buildSellappEvent(kind, options);
  const parsed = parseSellappBody(rawBody);
  if (!parsed.ok) throw new Error(parsed.reason);
  return toReducerEvent(parsed.event, await sellappDedupeKey(parsed.event, rawBody), 0);
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
      item,
      ...rest,
    ]),
  );
}

const purchase = () =>
  delivered("subscription.created", { occurredAt: T0, periodEnd: T0 + 30 * DAY });
const renewal = () =>
  delivered("subscription.renewed", { occurredAt: T0 + 30 * DAY, periodEnd: T0 + 60 * DAY });
const secondRenewal = () =>
  delivered("subscription.renewed", { occurredAt: T0 + 60 * DAY, periodEnd: T0 + 90 * DAY });
const cancel = () =>
  delivered("subscription.cancelled", { occurredAt: T0 + 40 * DAY, periodEnd: T0 + 60 * DAY });
const failedRenewal = () =>
  delivered("subscription.renewal_failed", { occurredAt: T0 + 60 * DAY, periodEnd: T0 + 60 * DAY });
const dispute = () =>
  delivered("order.disputed", { occurredAt: T0 + 45 * DAY, subscriptionId: "801" });

function expectConverges(
  events: readonly ReducerEvent[],
  config: ReducerConfig,
  expected: ReturnType<typeof deriveEntitlement>,
) {
  const inOrder = deriveEntitlement(events, config);
  expect(inOrder).toEqual(expected);
  for (const order of permutations(events)) {
    expect(deriveEntitlement(order, config)).toEqual(inOrder);
    // Every event delivered twice (at-least-once) changes nothing either.
    expect(deriveEntitlement([...order, ...order.slice().reverse()], config)).toEqual(inOrder);
  }
}

describe("deriveEntitlement: subscription lifecycle, every delivery order", () => {
  test("purchase → renewal → cancel ends cancelling with access to the renewed period end", async () => {
    expectConverges([await purchase(), await renewal(), await cancel()], subscriptionConfig, {
      status: "cancelling",
      accessUntil: T0 + 60 * DAY,
      paidAt: T0,
      cancelAtPeriodEnd: true,
    });
  });

  test("a cancellation carries the paid period end: access runs to it even when the payment we know of was earlier (an import sees the last order and the cancelled subscription)", async () => {
    // The subscription was paid up to day 72 (say by a renewal Sell.app never delivered, or one
    // older than the import's window); we hold its first payment and the cancellation.
    const cancelledLater = await delivered("subscription.cancelled", {
      occurredAt: T0 + 50 * DAY,
      periodEnd: T0 + 72 * DAY,
    });
    expectConverges([await purchase(), cancelledLater], subscriptionConfig, {
      status: "cancelling",
      accessUntil: T0 + 72 * DAY,
      paidAt: T0,
      cancelAtPeriodEnd: true,
    });
    // A cancellation alone (never paid) grants nothing.
    expect(deriveEntitlement([cancelledLater], subscriptionConfig)).toBeNull();
  });

  test("purchase → renewal → dispute ends revoked (a dispute before the payment too)", async () => {
    expectConverges([await purchase(), await renewal(), await dispute()], subscriptionConfig, {
      status: "revoked",
      accessUntil: T0 + 60 * DAY,
      revokedAt: T0 + 45 * DAY,
      revokeReason: "dispute",
      paidAt: T0,
      cancelAtPeriodEnd: false,
    });
  });

  test("purchase → renewal → failed renewal ends past_due with grace past the period end", async () => {
    expectConverges(
      [await purchase(), await renewal(), await failedRenewal()],
      subscriptionConfig,
      {
        status: "past_due",
        accessUntil: T0 + 60 * DAY,
        graceUntil: T0 + 60 * DAY + 48 * HOUR,
        paidAt: T0,
        cancelAtPeriodEnd: false,
      },
    );
  });

  test("a renewal after a failed renewal clears past_due and extends", async () => {
    const lateRenewal = await delivered("subscription.renewed", {
      occurredAt: T0 + 61 * DAY,
      periodEnd: T0 + 91 * DAY,
    });
    expectConverges(
      [await purchase(), await renewal(), await failedRenewal(), lateRenewal],
      subscriptionConfig,
      { status: "active", accessUntil: T0 + 91 * DAY, paidAt: T0, cancelAtPeriodEnd: false },
    );
  });

  test("all six lifecycle events in all 720 orders converge on revoked", async () => {
    const events = [
      await purchase(),
      await renewal(),
      await cancel(),
      await dispute(),
      await secondRenewal(),
      await failedRenewal(),
    ];
    const first = deriveEntitlement(events, subscriptionConfig);
    expect(first?.status).toBe("revoked");
    for (const order of permutations(events)) {
      expect(deriveEntitlement(order, subscriptionConfig)).toEqual(first);
    }
  });

  test("a renewal delivered before the creation still ends with the renewed period", async () => {
    const result = deriveEntitlement([await renewal(), await purchase()], subscriptionConfig);
    expect(result).toMatchObject({ status: "active", accessUntil: T0 + 60 * DAY });
  });

  test("a subscription created in a non-active status only links; no access", async () => {
    const pending = await delivered("subscription.created", { occurredAt: T0, status: "PENDING" });
    expect(deriveEntitlement([pending], subscriptionConfig)).toBeNull();
  });

  test("a renewal payload without a period end gets the configured period", async () => {
    const { rawBody } = buildSellappEvent("subscription.renewed", { occurredAt: T0 });
    const payload = JSON.parse(rawBody) as { data: Record<string, unknown> };
    delete payload.data.current_period_end;
    const body = JSON.stringify(payload);
    const parsed = parseSellappBody(body);
    if (!parsed.ok) throw new Error(parsed.reason);
    const event = toReducerEvent(parsed.event, await sellappDedupeKey(parsed.event, body), 0);
    expect(deriveEntitlement([event], subscriptionConfig)?.accessUntil).toBe(T0 + 30 * DAY);
  });
});

describe("deriveEntitlement: one-off orders", () => {
  test("created → paid → completed → refunded in any order ends revoked (refund)", async () => {
    const events = await Promise.all([
      delivered("order.created", { occurredAt: T0 }),
      delivered("order.paid", { occurredAt: T0 + 1000 }),
      delivered("order.completed", { occurredAt: T0 + 2000 }),
      delivered("order.refunded", { occurredAt: T0 + 5 * DAY }),
    ]);
    expectConverges(events, orderConfig, {
      status: "revoked",
      accessUntil: T0 + 2000 + 30 * DAY,
      revokedAt: T0 + 5 * DAY,
      revokeReason: "refund",
      paidAt: T0 + 1000,
      cancelAtPeriodEnd: false,
    });
  });

  test("paid + completed grants orderAccessDays from the payment; no end without it", async () => {
    const events = await Promise.all([
      delivered("order.paid", { occurredAt: T0 }),
      delivered("order.completed", { occurredAt: T0 + 1000 }),
    ]);
    expectConverges(events, orderConfig, {
      status: "active",
      accessUntil: T0 + 1000 + 30 * DAY,
      paidAt: T0,
      cancelAtPeriodEnd: false,
    });
    const unbounded = deriveEntitlement(events, { ...orderConfig, orderAccessMs: undefined });
    expect(unbounded).toEqual({ status: "active", paidAt: T0, cancelAtPeriodEnd: false });
  });

  test("a partial payment grants nothing", async () => {
    expect(
      deriveEntitlement([await delivered("order.partial_paid", { occurredAt: T0 })], orderConfig),
    ).toBeNull();
  });

  test("a dispute without any payment still ends revoked", async () => {
    expect(
      deriveEntitlement([await delivered("order.disputed", { occurredAt: T0 })], orderConfig),
    ).toMatchObject({
      status: "revoked",
      revokeReason: "dispute",
    });
  });

  test("the strongest revocation reason wins: dispute over refund over reversal", async () => {
    const events = await Promise.all([
      delivered("order.paid", { occurredAt: T0 }),
      delivered("order.reversed", { occurredAt: T0 + 1 }),
      delivered("order.refunded", { occurredAt: T0 + 2 }),
      delivered("order.disputed", { occurredAt: T0 + 3 }),
    ]);
    for (const order of permutations(events)) {
      expect(deriveEntitlement(order, orderConfig)).toMatchObject({
        status: "revoked",
        revokedAt: T0 + 1,
        revokeReason: "dispute",
      });
    }
  });
});

describe("expiry at a given time", () => {
  test("active until the period end, expired from it on", async () => {
    const events = [await purchase()];
    const end = T0 + 30 * DAY;
    expect(deriveEntitlement(events, { ...subscriptionConfig, now: end - 1 })?.status).toBe(
      "active",
    );
    expect(deriveEntitlement(events, { ...subscriptionConfig, now: end })?.status).toBe("expired");
  });

  test("past_due keeps access until the grace ends", () => {
    const graceUntil = T0 + 10;
    expect(hasLapsed({ status: "past_due", accessUntil: T0, graceUntil }, graceUntil - 1)).toBe(
      false,
    );
    expect(hasLapsed({ status: "past_due", accessUntil: T0, graceUntil }, graceUntil)).toBe(true);
    expect(hasLapsed({ status: "revoked" }, T0)).toBe(false);
    expect(hasLapsed({ status: "active" }, T0)).toBe(false);
  });
});
