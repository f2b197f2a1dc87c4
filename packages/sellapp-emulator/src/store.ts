/**
 * The emulated store: customers, orders and subscriptions in Sell.app's v2 shapes
 * (packages/payments/docs/sellapp-webhooks.md §5.2, §5.3), and the webhook deliveries each change
 * would cause. Changes are explicit calls (a test or the control API says "this order is now
 * REFUNDED"); nothing happens on a timer.
 */

export type OrderStatus =
  | "PENDING"
  | "PAID"
  | "COMPLETED"
  | "PARTIAL"
  | "DISPUTING"
  | "REFUNDED"
  | "REVERSED"
  | "VOIDED"
  | "FAILED"
  | "REVIEW";
export type SubscriptionStatus = "ACTIVE" | "PAST_DUE" | "CANCELLED" | "EXPIRED" | "PENDING";

export type Customer = { id: number; email: string; external_id?: string };

export type Order = {
  id: number;
  status: OrderStatus;
  created_at: string;
  updated_at: string;
  customer: Customer & { country: string };
  totals: { currency: string; total_cents: number; total_usd_cents: number };
  line_items: {
    id: number;
    product_id: number;
    product_variant_id: number;
    product_title: string;
    quantity: number;
    status: OrderStatus;
    total_cents: number;
    subscription_id: number | null;
  }[];
};

export type Subscription = {
  id: number;
  status: SubscriptionStatus;
  product_id: number;
  product_variant_id: number;
  created_at: string;
  updated_at: string;
  current_period_end: string;
  customer: Customer;
};

export type DeliveryStatus = "pending" | "succeeded" | "failed" | "lost";
export type Delivery = {
  id: number;
  event: string;
  /** The exact bytes Sell.app would sign and send. */
  body: string;
  status: DeliveryStatus;
  attempts: number;
  responseStatus?: number;
};

/** Webhook event for an order reaching a status; none for statuses Sell.app sends nothing for. */
const ORDER_EVENT: Partial<Record<OrderStatus, string>> = {
  PENDING: "order.created",
  PAID: "order.paid",
  COMPLETED: "order.completed",
  PARTIAL: "order.partial_paid",
  DISPUTING: "order.disputed",
  // REFUNDED, REVERSED, VOIDED, FAILED, REVIEW: Sell.app documents no event (§6) — only the API shows them.
};

const SUBSCRIPTION_EVENT: Record<SubscriptionStatus, string | undefined> = {
  ACTIVE: "subscription.renewed",
  PAST_DUE: "subscription.renewed",
  CANCELLED: "subscription.cancelled",
  EXPIRED: undefined,
  PENDING: "subscription.created",
};

const iso = (ms: number) => new Date(ms).toISOString();

export type NewOrder = {
  email: string;
  productId: number;
  variantId: number;
  status: OrderStatus;
  at: number;
  subscriptionId?: number;
  externalId?: string;
};

export type NewSubscription = {
  email: string;
  productId: number;
  variantId: number;
  status: SubscriptionStatus;
  at: number;
  periodEnd: number;
};

export class SellappStore {
  readonly storeId = 4242;
  private nextId = { customer: 700, order: 1000, subscription: 800, delivery: 1, item: 1 };
  readonly customers = new Map<string, Customer>();
  readonly orders = new Map<number, Order>();
  readonly subscriptions = new Map<number, Subscription>();
  readonly deliveries: Delivery[] = [];

  reset(): void {
    this.customers.clear();
    this.orders.clear();
    this.subscriptions.clear();
    this.deliveries.length = 0;
    this.nextId = { customer: 700, order: 1000, subscription: 800, delivery: 1, item: 1 };
  }

  customer(email: string, externalId?: string): Customer {
    const key = email.trim().toLowerCase();
    let found = this.customers.get(key);
    if (found === undefined) {
      found = { id: ++this.nextId.customer, email: key };
      this.customers.set(key, found);
    }
    if (externalId !== undefined) found.external_id = externalId;
    return found;
  }

  createOrder(input: NewOrder): Order {
    const customer = this.customer(input.email, input.externalId);
    const id = ++this.nextId.order;
    const order: Order = {
      id,
      status: input.status,
      created_at: iso(input.at),
      updated_at: iso(input.at),
      customer: { ...customer, country: "NL" },
      totals: { currency: "USD", total_cents: 4900, total_usd_cents: 4900 },
      line_items: [
        {
          id: ++this.nextId.item,
          product_id: input.productId,
          product_variant_id: input.variantId,
          product_title: `Product ${input.productId}`,
          quantity: 1,
          status: input.status,
          total_cents: 4900,
          subscription_id: input.subscriptionId ?? null,
        },
      ],
    };
    this.orders.set(id, order);
    this.recordOrderEvent(order);
    return order;
  }

  setOrderStatus(orderId: number, status: OrderStatus, at: number): Order {
    const order = this.orders.get(orderId);
    if (order === undefined) throw new Error(`no order ${orderId}`);
    order.status = status;
    order.updated_at = iso(at);
    for (const item of order.line_items) item.status = status;
    this.recordOrderEvent(order);
    return order;
  }

  createSubscription(input: NewSubscription): Subscription {
    const customer = this.customer(input.email);
    const id = ++this.nextId.subscription;
    const subscription: Subscription = {
      id,
      status: input.status,
      product_id: input.productId,
      product_variant_id: input.variantId,
      created_at: iso(input.at),
      updated_at: iso(input.at),
      current_period_end: iso(input.periodEnd),
      customer: { ...customer },
    };
    this.subscriptions.set(id, subscription);
    this.record("subscription.created", subscription);
    return subscription;
  }

  /** A renewal (ACTIVE with a later period end), a failed renewal (PAST_DUE), a cancellation, an expiry. */
  updateSubscription(
    id: number,
    change: { status: SubscriptionStatus; at: number; periodEnd?: number },
  ): Subscription {
    const subscription = this.subscriptions.get(id);
    if (subscription === undefined) throw new Error(`no subscription ${id}`);
    subscription.status = change.status;
    subscription.updated_at = iso(change.at);
    if (change.periodEnd !== undefined) subscription.current_period_end = iso(change.periodEnd);
    const event = SUBSCRIPTION_EVENT[change.status];
    if (event !== undefined) this.record(event, subscription);
    return subscription;
  }

  /** Newest first, as Sell.app lists them. */
  list<T extends { id: number }>(items: Map<number, T>, page: number, limit: number) {
    const all = [...items.values()].sort((a, b) => b.id - a.id);
    const lastPage = Math.max(1, Math.ceil(all.length / limit));
    const data = all.slice((page - 1) * limit, page * limit);
    return {
      data,
      meta: {
        current_page: page,
        last_page: lastPage,
        per_page: limit,
        total: all.length,
        from: data.length === 0 ? null : (page - 1) * limit + 1,
        to: data.length === 0 ? null : (page - 1) * limit + data.length,
      },
    };
  }

  private recordOrderEvent(order: Order): void {
    const event = ORDER_EVENT[order.status];
    if (event !== undefined) this.record(event, order);
  }

  private record(event: string, data: Order | Subscription): void {
    this.deliveries.push({
      id: this.nextId.delivery++,
      event,
      body: JSON.stringify({ event, data, store: this.storeId }),
      status: "pending",
      attempts: 0,
    });
  }
}
