"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";
import { Card } from "@/components/ui/card";
import { HttpsLink } from "@/components/ui/https-link";
import { formatDay, formatMoney } from "@/lib/money";

/**
 * Renewal dates, what cancelling does, the payment history (the viewer's own, from the stored
 * Sell.app webhooks) and the way to Sell.app's customer portal.
 */
export function BillingSection() {
  const billing = useQuery(api.billing.mine, {});
  if (billing === undefined || billing === null) return null;
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold text-white">Billing</h2>
      {billing.subscriptions.length > 0 ? (
        <ul className="flex flex-col gap-1 text-sm text-zinc-300">
          {billing.subscriptions.map((subscription, i) => (
            <li key={i} data-testid="subscription-renewal">
              {subscription.tier ?? "Subscription"}:{" "}
              {subscription.currentPeriodEnd === undefined
                ? subscription.status.toLowerCase()
                : subscription.cancelAtPeriodEnd
                  ? `cancelled — ends ${formatDay(subscription.currentPeriodEnd)}`
                  : `renews ${formatDay(subscription.currentPeriodEnd)}`}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-sm text-zinc-400">
        If you cancel, you keep access to the feed and the Discord role until the end of the period
        you paid for; then the feed locks and the role is removed. If a renewal payment fails,
        access continues through a short grace period while Sell.app retries. Refunded or disputed
        payments end access at once.
      </p>
      <HttpsLink
        href={billing.customerPortalUrl}
        className="self-start rounded-md border border-zinc-700 px-3 py-1.5 text-sm font-semibold text-zinc-100 hover:bg-zinc-800"
        fallback={
          <p className="text-sm text-zinc-400">
            To change or cancel a subscription, use the link in your Sell.app receipt email.
          </p>
        }
      >
        Manage subscription on Sell.app
      </HttpsLink>
      <h3 className="font-semibold text-white">Payments</h3>
      {billing.payments.length === 0 ? (
        <p className="text-sm text-zinc-400">No payments under your email yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-zinc-400">
            <tr>
              <th className="py-1 font-medium">Date</th>
              <th className="py-1 font-medium">Plan</th>
              <th className="py-1 font-medium">Amount</th>
              <th className="py-1 font-medium">Status</th>
            </tr>
          </thead>
          <tbody>
            {billing.payments.map((payment) => (
              <tr
                key={payment.orderId}
                data-testid="payment-row"
                className="border-t border-zinc-800"
              >
                <td className="py-1.5 text-zinc-300">{formatDay(payment.paidAt)}</td>
                <td className="py-1.5 text-zinc-200">{payment.tiers.join(", ") || "—"}</td>
                <td className="py-1.5 text-zinc-200">
                  {payment.amountCents === undefined || payment.currency === undefined
                    ? "—"
                    : formatMoney(payment.amountCents, payment.currency)}
                </td>
                <td className="py-1.5 text-zinc-300">
                  {payment.disputedAt !== undefined
                    ? `Disputed ${formatDay(payment.disputedAt)}`
                    : payment.refundedAt !== undefined
                      ? `Refunded ${formatDay(payment.refundedAt)}`
                      : "Paid"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
