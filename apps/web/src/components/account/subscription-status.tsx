"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";
import { HttpsLink } from "@/components/ui/https-link";

const STATUS_TEXT: Record<string, string> = {
  active: "Active",
  cancelling: "Cancelled — access until the period ends",
  past_due: "Payment failed — in grace period",
  revoked: "Revoked",
  expired: "Expired",
};

function date(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Membership per tier, from the same access rule the feed uses. */
export function SubscriptionStatus() {
  const summary = useQuery(api.entitlements.mine, {});
  if (summary === undefined) return <p className="text-zinc-400">Loading…</p>;
  if (summary === null) return <p className="text-zinc-400">Sign in to see your membership.</p>;
  return (
    <div className="flex flex-col gap-3">
      {summary.needsEmailVerification ? (
        <p role="status" className="rounded-md bg-amber-500/15 p-3 text-sm text-amber-200">
          A payment under your email is waiting: verify your email to attach it.
        </p>
      ) : null}
      {summary.tiers.length === 0 ? (
        <p className="text-zinc-400">No plans are on sale yet.</p>
      ) : null}
      <ul className="flex flex-col gap-3">
        {summary.tiers.map((tier) => (
          <li
            key={tier.tierKey}
            data-testid="tier-status"
            className="flex flex-col gap-1 rounded-lg border border-zinc-800 p-3"
          >
            <p className="flex items-center gap-2">
              <span className="font-semibold text-white">{tier.name}</span>
              <span
                className={`rounded px-2 py-0.5 text-xs ${tier.hasAccess ? "bg-emerald-500/15 text-emerald-300" : "bg-zinc-800 text-zinc-300"}`}
              >
                {tier.hasAccess ? "Access" : "No access"}
              </span>
            </p>
            {tier.status ? (
              <p className="text-sm text-zinc-300">
                {STATUS_TEXT[tier.status] ?? tier.status}
                {tier.accessUntil !== undefined
                  ? ` · period ends ${date(tier.accessUntil)}`
                  : tier.hasAccess
                    ? " · no end date"
                    : ""}
                {tier.status === "past_due" && tier.graceUntil !== undefined
                  ? ` · grace until ${date(tier.graceUntil)}`
                  : ""}
              </p>
            ) : null}
            {!tier.hasAccess ? (
              <HttpsLink
                href={tier.purchaseUrl}
                className="self-start text-sm text-sky-300 underline"
              >
                Buy {tier.name}
              </HttpsLink>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
