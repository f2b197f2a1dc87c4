"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";
import { useState } from "react";
import { currencies, monthWindow, windowTotals } from "@/lib/business-series";
import { formatMoney } from "@/lib/money";
import { ChurnChart } from "./churn-chart";
import { MembersChart } from "./members-chart";
import { RevenueChart } from "./revenue-chart";
import { StatTile } from "./stat-tile";

/** The owner's numbers, live: every figure comes from rollups kept as payments and access change. */
export function BusinessOverview() {
  const overview = useQuery(api.business.overview, {});
  const [picked, setPicked] = useState<string | null>(null);
  if (overview === undefined) return <p className="text-zinc-400">Loading…</p>;
  const thisWeek = overview.weeks.at(-1);
  const totals = windowTotals(overview);
  const seen = currencies(overview);
  const currency = picked !== null && seen.includes(picked) ? picked : (seen[0] ?? "USD");
  const thisMonth = monthWindow(overview.generatedAt).at(-1);
  const monthRow = overview.months.find((m) => m.month === thisMonth && m.currency === currency);
  const members = overview.tiers.reduce((sum, tier) => sum + tier.active, 0);
  const due = overview.renewalsDue;
  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <StatTile
          label="Active members"
          value={String(members)}
          note={overview.tiers.map((tier) => `${tier.name} ${tier.active}`).join(" · ")}
        />
        <StatTile
          label="This week"
          value={`+${thisWeek?.joined ?? 0} / −${thisWeek?.lost ?? 0}`}
          note="new / lost members"
        />
        <StatTile
          label="Renewals due in 7 days"
          value={`${due.subscriptions}${due.capped ? "+" : ""}`}
          note={`${due.expiring} one-off access ending`}
        />
        <StatTile
          label={`Revenue this month (${currency})`}
          value={formatMoney(
            (monthRow?.grossCents ?? 0) - (monthRow?.refundedCents ?? 0),
            currency,
          )}
          note="net of refunds"
        />
        <StatTile label="Payments (12 months)" value={String(totals.payments)} />
        <StatTile label="Refunds (12 months)" value={String(totals.refunds)} />
        <StatTile label="Disputes (12 months)" value={String(totals.disputes)} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <MembersChart overview={overview} />
        <ChurnChart overview={overview} />
      </div>
      {seen.length > 1 ? (
        <label className="flex items-center gap-2 text-sm text-zinc-300">
          Currency
          <select
            className="rounded-md border border-zinc-700 bg-zinc-900 px-2 py-1"
            value={currency}
            onChange={(event) => setPicked(event.target.value)}
          >
            {seen.map((code) => (
              <option key={code}>{code}</option>
            ))}
          </select>
        </label>
      ) : null}
      <RevenueChart overview={overview} currency={currency} />
      <p className="text-xs text-zinc-500">
        Members are customers with a live membership (active, cancelled until period end, or in a
        payment grace period), counted once per tier. Revenue is what Sell.app reported on paid
        orders, by the month it was paid; refunds count in the month they happened. Weeks start on
        Monday, UTC.
      </p>
    </div>
  );
}
