/**
 * Sell.app event names. The public webhook guide lists 12; the SDK's `allowed_notifications` enum
 * lists 25 (a superset). See docs/sellapp-webhooks.md §4 in this package.
 */
export const ORDER_EVENT_TYPES = [
  "order.created",
  "order.completed",
  "order.paid",
  "order.manual_payment_completed",
  "order.partial_paid",
  "order.disputed",
] as const;

/** `charge.*` payloads are undocumented; we read them as order/invoice objects (provisional). */
export const CHARGE_EVENT_TYPES = [
  "charge.created",
  "charge.completed",
  "charge.partial_paid",
  "charge.disputed",
  "charge.review",
] as const;

export const SUBSCRIPTION_EVENT_TYPES = [
  "subscription.created",
  "subscription.renewed",
  "subscription.cancelled",
] as const;

/** Known events that never touch access: stored and marked ignored. */
export const INFORMATIONAL_EVENT_TYPES = [
  "cash_app.payment_requires_attention",
  "feedback.created",
  "product.created",
  "product.updated",
  "product.trashed",
  "ticket_message.created",
  "variant.created",
  "variant.updated",
  "variant.sold_out",
  "booking.cancelled",
  "booking.rescheduled",
] as const;

export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];
export type ChargeEventType = (typeof CHARGE_EVENT_TYPES)[number];
export type SubscriptionEventType = (typeof SUBSCRIPTION_EVENT_TYPES)[number];
export type KnownEventType =
  | OrderEventType
  | ChargeEventType
  | SubscriptionEventType
  | (typeof INFORMATIONAL_EVENT_TYPES)[number];

export const KNOWN_EVENT_TYPES: readonly KnownEventType[] = [
  ...ORDER_EVENT_TYPES,
  ...CHARGE_EVENT_TYPES,
  ...SUBSCRIPTION_EVENT_TYPES,
  ...INFORMATIONAL_EVENT_TYPES,
];

export type EventCategory = "order" | "subscription" | "informational" | "unknown";

export function eventCategory(eventType: string): EventCategory {
  if ((ORDER_EVENT_TYPES as readonly string[]).includes(eventType)) return "order";
  if ((CHARGE_EVENT_TYPES as readonly string[]).includes(eventType)) return "order";
  if ((SUBSCRIPTION_EVENT_TYPES as readonly string[]).includes(eventType)) return "subscription";
  if ((INFORMATIONAL_EVENT_TYPES as readonly string[]).includes(eventType)) return "informational";
  return "unknown";
}
