/** The one shape the rest of the system sees, whatever Sell.app sent. */

export type PayloadShape = "legacy_invoice" | "v2_order" | "subscription" | "other";

export type SellappCustomer = {
  /** Lower-cased and trimmed. */
  email?: string;
  sellappCustomerId?: string;
  /** Sell.app `customer.external_id`: our user id when we set it at checkout. */
  externalId?: string;
};

export type SellappLineItem = {
  productId?: string;
  variantId?: string;
  subscriptionId?: string;
  /** Upper-cased line-item status, when the payload has one (v2). */
  status?: string;
};

/** What an order charged, in integer minor units (cents) of its currency. */
export type SellappAmount = {
  cents: number;
  /** Upper-cased ISO 4217 code, e.g. "USD". */
  currency: string;
};

export type SellappEvent = {
  eventType: string;
  /** False for event names we do not know: stored and ignored, never an error. */
  known: boolean;
  shape: PayloadShape;
  version?: string;
  orderId?: string;
  subscriptionId?: string;
  /** Upper-cased Sell.app status (order status or subscription status). */
  status?: string;
  customer: SellappCustomer;
  lineItems: SellappLineItem[];
  /** End of the paid period (subscriptions), epoch ms. Undocumented field: provisional. */
  periodEnd?: number;
  /** The `data.id` of an informational or unknown event (for dedupe), when it has one. */
  dataId?: string;
  /** When the change happened at Sell.app, epoch ms (`updated_at`, status `setAt`, …). */
  occurredAt?: number;
  /**
   * Orders only: the order's total as charged (v2 `totals.total_cents`; legacy
   * `payment.gateway.data.total.base`). Absent when the payload carries no readable total.
   */
  amount?: SellappAmount;
};
