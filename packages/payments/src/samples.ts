/**
 * Sample Sell.app deliveries for every event kind, in both order shapes (docs/sellapp-webhooks.md: legacy invoice §5.1 and v2
 * order §5.2; subscription events use the subscription object §5.3). Used by tests and the dev
 * sender. Field values are plausible, not captured from Sell.app: see the provisional notes.
 */

import { ORDER_EVENT_TYPES } from "./eventTypes";

export const SAMPLE_KINDS = [
  // Every order event, then the order states Sell.app reports without an event of their own.
  ...ORDER_EVENT_TYPES,
  "order.refunded",
  "order.reversed",
  "charge.disputed",
  "charge.partial_paid",
  "subscription.created",
  "subscription.renewed",
  "subscription.renewal_failed",
  "subscription.cancelled",
  "product.created",
  "unknown",
] as const;

export type SampleKind = (typeof SAMPLE_KINDS)[number];
export type OrderShape = "v2" | "legacy";

export type SampleOptions = {
  email?: string;
  shape?: OrderShape;
  orderId?: string;
  subscriptionId?: string;
  productId?: string;
  variantId?: string;
  sellappCustomerId?: string;
  externalId?: string;
  /** When the change happened (epoch ms); default 2026-01-01T00:00:00Z. */
  occurredAt?: number;
  /** Subscription period end (epoch ms); default occurredAt + 30 days. */
  periodEnd?: number;
  /** Overrides the status the kind implies. */
  status?: string;
  /** Envelope `version` (format unconfirmed); omitted by default. */
  version?: string;
};

export type SampleDelivery = {
  kind: SampleKind;
  /** The `event` name Sell.app would send. */
  event: string;
  payload: Record<string, unknown>;
  /** The exact bytes to sign and send. */
  rawBody: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_TIME = Date.UTC(2026, 0, 1);

/** Event name and status each sample kind sends. Refunds and reversals have no event of their own. */
const ORDER_KINDS: Partial<Record<SampleKind, { event: string; status: string }>> = {
  "order.created": { event: "order.created", status: "PENDING" },
  "order.completed": { event: "order.completed", status: "COMPLETED" },
  "order.paid": { event: "order.paid", status: "PAID" },
  "order.manual_payment_completed": {
    event: "order.manual_payment_completed",
    status: "COMPLETED",
  },
  "order.partial_paid": { event: "order.partial_paid", status: "PARTIAL" },
  "order.disputed": { event: "order.disputed", status: "DISPUTING" },
  "order.refunded": { event: "order.completed", status: "REFUNDED" },
  "order.reversed": { event: "order.completed", status: "REVERSED" },
  "charge.disputed": { event: "charge.disputed", status: "DISPUTING" },
  "charge.partial_paid": { event: "charge.partial_paid", status: "PARTIAL" },
};

const SUBSCRIPTION_KINDS: Partial<Record<SampleKind, { event: string; status: string }>> = {
  "subscription.created": { event: "subscription.created", status: "ACTIVE" },
  "subscription.renewed": { event: "subscription.renewed", status: "ACTIVE" },
  "subscription.renewal_failed": { event: "subscription.renewed", status: "PAST_DUE" },
  "subscription.cancelled": { event: "subscription.cancelled", status: "CANCELLED" },
};

/** Options with the ids and email every order body needs filled in. */
type FilledOptions = Required<
  Pick<SampleOptions, "email" | "orderId" | "productId" | "variantId" | "sellappCustomerId">
> &
  SampleOptions;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function v2Order(o: FilledOptions, status: string, at: number) {
  return {
    id: Number(o.orderId),
    status,
    timeline: [{ status, created_at: iso(at) }],
    coupon_id: null,
    created_at: iso(at - 60_000),
    updated_at: iso(at),
    customer: {
      id: Number(o.sellappCustomerId),
      email: o.email,
      country: "NL",
      location: "Amsterdam",
      proxied: false,
      ...(o.externalId === undefined ? {} : { external_id: o.externalId }),
    },
    payment: { method: "ETH_USDT", transaction_id: `tx_${o.orderId}`, has_checkout_url: false },
    totals: { currency: "USD", subtotal_cents: 4900, total_cents: 4900, total_usd_cents: 4900 },
    line_items: [
      {
        id: Number(o.orderId) * 10,
        product_id: Number(o.productId),
        product_variant_id: Number(o.variantId),
        product_title: "G3netic VIP",
        variant_title: "Monthly",
        quantity: 1,
        status,
        currency: "USD",
        total_cents: 4900,
        subscription_id: o.subscriptionId === undefined ? null : Number(o.subscriptionId),
        created_at: iso(at - 60_000),
      },
    ],
  };
}

function legacyInvoice(o: FilledOptions, status: string, at: number) {
  const stamp = { status, setAt: iso(at), updatedAt: iso(at) };
  return {
    id: Number(o.orderId),
    store_id: 4242,
    coupon_id: null,
    subscription_id: o.subscriptionId === undefined ? null : Number(o.subscriptionId),
    webhooks: [],
    feedback: null,
    created_at: iso(at - 60_000),
    updated_at: iso(at),
    status: {
      status: stamp,
      history: [{ status: "PENDING", setAt: iso(at - 60_000), updatedAt: iso(at - 60_000) }, stamp],
    },
    payment: {
      gateway: {
        type: "STRIPE",
        data: {
          customer_email: o.email,
          transaction_id: `pi_${o.orderId}`,
          total: { base: "49.00", currency: "USD" },
        },
      },
      expires_at: iso(at + DAY_MS),
    },
    customer_information: {
      id: Number(o.sellappCustomerId),
      email: o.email,
      ip: "203.0.113.7",
      country: "NL",
      ...(o.externalId === undefined ? {} : { external_id: o.externalId }),
    },
    product_variants: [
      { id: Number(o.variantId), product_id: Number(o.productId), product_title: "G3netic VIP" },
    ],
  };
}

/** Builds one delivery. Deterministic: the same options give the same bytes. */
export function buildSellappEvent(kind: SampleKind, options: SampleOptions = {}): SampleDelivery {
  const o = {
    ...options,
    email: options.email ?? "buyer@example.com",
    orderId: options.orderId ?? "1001",
    productId: options.productId ?? "501",
    variantId: options.variantId ?? "601",
    sellappCustomerId: options.sellappCustomerId ?? "701",
  };
  const at = options.occurredAt ?? DEFAULT_TIME;
  const withVersion = (payload: Record<string, unknown>) =>
    options.version === undefined ? payload : { ...payload, version: options.version };

  let event: string;
  let data: Record<string, unknown>;
  const orderKind = ORDER_KINDS[kind];
  const subscriptionKind = SUBSCRIPTION_KINDS[kind];
  if (orderKind !== undefined) {
    event = orderKind.event;
    const status = options.status ?? orderKind.status;
    data =
      (options.shape ?? "v2") === "legacy" ? legacyInvoice(o, status, at) : v2Order(o, status, at);
  } else if (subscriptionKind !== undefined) {
    event = subscriptionKind.event;
    const subscriptionId = options.subscriptionId ?? "801";
    data = {
      id: Number(subscriptionId),
      status: options.status ?? subscriptionKind.status,
      provider_subscription_id: `sub_${subscriptionId}`,
      provider_customer_id: `cus_${o.sellappCustomerId}`,
      product_variant_id: Number(o.variantId),
      customer: {
        id: Number(o.sellappCustomerId),
        email: o.email,
        external_id: options.externalId ?? null,
        name: "Sample Buyer",
        locale: "en",
        metadata: {},
      },
      created_at: iso(at - 60_000),
      updated_at: iso(at),
      current_period_end: iso(options.periodEnd ?? at + 30 * DAY_MS),
    };
  } else if (kind === "product.created") {
    event = "product.created";
    data = { id: Number(o.productId), title: "G3netic VIP", created_at: iso(at) };
  } else {
    event = "store.something_new";
    data = { id: 9001, note: "an event type we do not know yet", created_at: iso(at) };
  }
  const payload = withVersion({ event, data, store: 4242 });
  return { kind, event, payload, rawBody: JSON.stringify(payload) };
}

/** One delivery of every kind (order kinds in the requested shape). */
export function samplePayloads(options: SampleOptions = {}): Record<SampleKind, SampleDelivery> {
  return Object.fromEntries(
    SAMPLE_KINDS.map((kind) => [kind, buildSellappEvent(kind, options)]),
  ) as Record<SampleKind, SampleDelivery>;
}

export function isSampleKind(value: string): value is SampleKind {
  return (SAMPLE_KINDS as readonly string[]).includes(value);
}
