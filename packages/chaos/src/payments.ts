import { DEMO_PRODUCT_ID } from "@g3/dev-stack";
import {
  SELLAPP_SIGNATURE_HEADER,
  buildSellappEvent,
  deriveEntitlement,
  hasLapsed,
  parseSellappBody,
  sellappDedupeKey,
  signSellappBody,
  toReducerEvent,
  type DerivedEntitlement,
  type ReducerEvent,
  type SampleKind,
} from "@g3/payments";

/** A Sell.app delivery the soak sends (and re-sends until it is acknowledged, as Sell.app does). */
export type Delivery = {
  seq: number;
  customer: number;
  kind: SampleKind;
  /** "order:<id>" or "subscription:<id>": the entitlement source this event belongs to. */
  source: string;
  rawBody: string;
  attempts: number;
  /** The stored event id from the 200 answer; undefined until acknowledged. */
  ackedId?: string;
  duplicate?: boolean;
  /** Sent again on purpose after its acknowledgement (Sell.app's at-least-once delivery). */
  redelivery?: boolean;
};

/** The variant @g3/payments' samples carry by default (subscription payloads name only it). */
export const DEMO_VARIANT_ID = "601";

/** The demo tier the soak sells: the same settings `seedDemoWorld` configures. */
export const TIER = { orderAccessMs: 30 * 24 * 60 * 60 * 1000, graceMs: 72 * 60 * 60 * 1000 };
const SUBSCRIPTION_PERIOD_MS = 30 * 24 * 60 * 60 * 1000;

export function buildDelivery(
  seq: number,
  customer: { index: number; email: string },
  kind: SampleKind,
  ids: { orderId?: string; subscriptionId?: string },
  occurredAt: number,
): Delivery {
  const sample = buildSellappEvent(kind, {
    email: customer.email,
    productId: DEMO_PRODUCT_ID,
    occurredAt,
    ...(ids.orderId === undefined ? {} : { orderId: ids.orderId }),
    ...(ids.subscriptionId === undefined ? {} : { subscriptionId: ids.subscriptionId }),
  });
  const source =
    ids.subscriptionId === undefined
      ? `order:${ids.orderId ?? ""}`
      : `subscription:${ids.subscriptionId}`;
  return { seq, customer: customer.index, kind, source, rawBody: sample.rawBody, attempts: 0 };
}

/** POSTs a signed delivery; true once the backend acknowledged it with a 200 and an event id. */
export async function sendDelivery(
  siteUrl: string,
  secret: string,
  delivery: Delivery,
): Promise<boolean> {
  delivery.attempts += 1;
  try {
    const response = await fetch(`${siteUrl}/webhooks/sellapp`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        [SELLAPP_SIGNATURE_HEADER]: await signSellappBody(delivery.rawBody, secret),
      },
      body: delivery.rawBody,
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status !== 200) return false;
    const body = (await response.json()) as { id?: string; duplicate?: boolean };
    if (typeof body.id !== "string") return false;
    delivery.ackedId = body.id;
    delivery.duplicate = body.duplicate === true;
    return true;
  } catch {
    return false; // backend down or partitioned: Sell.app retries later, so do we
  }
}

export type ExpectedAccess = { hasAccess: boolean; status?: string; accessUntil?: number };

/**
 * What the payment history implies for one customer at `now`: each source's entitlement from
 * @g3/payments' reducer over the acknowledged events of that source, then the tier's best one by
 * the account page's rule (access first, then the latest end).
 */
export async function expectedAccess(
  deliveries: readonly Delivery[],
  now: number,
): Promise<ExpectedAccess> {
  const bySource = new Map<string, ReducerEvent[]>();
  for (const delivery of deliveries) {
    if (delivery.ackedId === undefined) continue;
    const parsed = parseSellappBody(delivery.rawBody);
    if (!parsed.ok) throw new Error(`the soak built an unparsable delivery: ${parsed.reason}`);
    const key = await sellappDedupeKey(parsed.event, delivery.rawBody);
    const events = bySource.get(delivery.source) ?? [];
    events.push(toReducerEvent(parsed.event, key, now));
    bySource.set(delivery.source, events);
  }
  let best: DerivedEntitlement | null = null;
  const grants = (e: DerivedEntitlement) =>
    (e.status === "active" || e.status === "cancelling" || e.status === "past_due") &&
    !hasLapsed(e, now);
  for (const [source, events] of bySource) {
    const derived = deriveEntitlement(events, {
      source: source.startsWith("order:") ? "order" : "subscription",
      orderAccessMs: TIER.orderAccessMs,
      subscriptionPeriodMs: SUBSCRIPTION_PERIOD_MS,
      graceMs: TIER.graceMs,
      now,
    });
    if (derived === null) continue;
    if (
      best === null ||
      (grants(derived) !== grants(best)
        ? grants(derived)
        : (derived.accessUntil ?? Infinity) > (best.accessUntil ?? Infinity))
    ) {
      best = derived;
    }
  }
  if (best === null) return { hasAccess: false };
  return {
    hasAccess: grants(best),
    status: best.status,
    ...(best.accessUntil === undefined ? {} : { accessUntil: best.accessUntil }),
  };
}
