import { PAST_DUE_SUBSCRIPTION_STATUSES } from "./actions";

/**
 * Turns an order or subscription READ from Sell.app (API or an order export) into the webhook
 * body Sell.app would have sent for its current state, so reconciliation and imports feed the one
 * path webhooks take (store → dedupe key → deriveEntitlement) instead of a second entitlement writer.
 * The event name is chosen so that, when the real webhook did arrive, both carry the same dedupe
 * key (type + id + status, + period end for subscriptions) and the synthetic copy is a duplicate.
 */

export type SyntheticEvent = { eventType: string; rawBody: string };

/** Order status → the event a delivery of that state carries. */
const ORDER_EVENT_FOR_STATUS: Record<string, string> = {
  PAID: "order.paid",
  COMPLETED: "order.completed",
  PARTIAL: "order.partial_paid",
  DISPUTING: "order.disputed",
  // Sell.app has no refund or reversal event: like a webhook, an order event carrying the status
  // revokes (docs/sellapp-webhooks.md §4, §6).
  REFUNDED: "order.completed",
  REVERSED: "order.completed",
};

/** Subscription status → event. A failed renewal arrives as subscription.renewed (§5.3). */
function subscriptionEventFor(status: string): string | undefined {
  if (status === "ACTIVE" || status === "TRIALING" || status === "RENEWED" || status === "PAID") {
    return "subscription.renewed";
  }
  if (PAST_DUE_SUBSCRIPTION_STATUSES.includes(status)) return "subscription.renewed";
  // Cancelled or run out: access to the end of the paid period, which the expiry cron ends.
  if (
    status === "CANCELLED" ||
    status === "CANCELED" ||
    status === "EXPIRED" ||
    status === "ENDED"
  ) {
    return "subscription.cancelled";
  }
  return undefined; // PENDING and unknown statuses carry no access change
}

function statusOf(data: Record<string, unknown>): string | undefined {
  return typeof data.status === "string" ? data.status.toUpperCase() : undefined;
}

function body(eventType: string, data: Record<string, unknown>): SyntheticEvent {
  return { eventType, rawBody: JSON.stringify({ event: eventType, data }) };
}

/** The delivery an order in this state implies, or null when the state changes no access. */
export function syntheticOrderEvent(order: Record<string, unknown>): SyntheticEvent | null {
  const status = statusOf(order);
  const eventType = status === undefined ? undefined : ORDER_EVENT_FOR_STATUS[status];
  return eventType === undefined ? null : body(eventType, order);
}

export function syntheticSubscriptionEvent(
  subscription: Record<string, unknown>,
): SyntheticEvent | null {
  const status = statusOf(subscription);
  const eventType = status === undefined ? undefined : subscriptionEventFor(status);
  return eventType === undefined ? null : body(eventType, subscription);
}
