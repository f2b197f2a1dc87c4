import type { SellappEvent } from "./event";

/**
 * What an event asks of the entitlement engine (this package's docs/sellapp-webhooks.md §4, plus
 * refunds and reversals, which Sell.app only reports as an order or line-item status REFUNDED /
 * REVERSED, §6).
 */
export type EntitlementAction =
  | { kind: "grant" } // paid: access from now
  | { kind: "renew" } // subscription renewed: push the period end forward
  | { kind: "link" } // subscription created but not (yet) active: remember the link, no access
  | { kind: "cancel" } // subscription cancelled: access until the end of the paid period
  | { kind: "renewal_failed" } // subscription past due: access until the grace ends
  | { kind: "revoke"; reason: RevokeReason } // dispute, refund, reversal: access ends now
  | { kind: "flag_partial_payment" } // underpayment: no access, flag the customer for an admin
  | { kind: "ignore" }; // stored, no access change

export type RevokeReason = "dispute" | "refund" | "reversal";

/** Order statuses that mean "paid". */
export const PAID_ORDER_STATUSES: readonly string[] = ["PAID", "COMPLETED"];
/** Subscription statuses that mean "paid and running" (Sell.app's set is undocumented). */
export const ACTIVE_SUBSCRIPTION_STATUSES: readonly string[] = [
  "ACTIVE",
  "TRIALING",
  "RENEWED",
  "PAID",
];
/** Subscription statuses that mean a renewal payment failed. */
export const PAST_DUE_SUBSCRIPTION_STATUSES: readonly string[] = [
  "PAST_DUE",
  "UNPAID",
  "FAILED",
  "PAYMENT_FAILED",
];
const GRANT_EVENTS: readonly string[] = [
  "order.completed",
  "order.paid",
  "order.manual_payment_completed",
];

/** Revocation carried by a status (order or any line item), whatever the event name says. */
function revocationFromStatus(event: SellappEvent): RevokeReason | undefined {
  const statuses = [event.status, ...event.lineItems.map((item) => item.status)];
  if (statuses.includes("DISPUTING")) return "dispute";
  if (statuses.includes("REFUNDED")) return "refund";
  if (statuses.includes("REVERSED")) return "reversal";
  return undefined;
}

export function actionFor(event: SellappEvent): EntitlementAction {
  const type = event.eventType;
  if (type === "order.disputed" || type === "charge.disputed") {
    return { kind: "revoke", reason: "dispute" };
  }
  if (event.shape === "legacy_invoice" || event.shape === "v2_order") {
    const revocation = revocationFromStatus(event);
    if (revocation !== undefined) return { kind: "revoke", reason: revocation };
  }
  if (type === "order.partial_paid" || type === "charge.partial_paid") {
    return { kind: "flag_partial_payment" };
  }
  if (GRANT_EVENTS.includes(type)) {
    // A "paid" event whose order is still PARTIAL is an underpayment, not a payment.
    if (event.status === "PARTIAL") return { kind: "flag_partial_payment" };
    return { kind: "grant" };
  }
  if (type === "subscription.created") {
    return event.status !== undefined && ACTIVE_SUBSCRIPTION_STATUSES.includes(event.status)
      ? { kind: "grant" }
      : { kind: "link" };
  }
  if (type === "subscription.renewed") {
    return event.status !== undefined && PAST_DUE_SUBSCRIPTION_STATUSES.includes(event.status)
      ? { kind: "renewal_failed" }
      : { kind: "renew" };
  }
  if (type === "subscription.cancelled") return { kind: "cancel" };
  return { kind: "ignore" };
}
