"use client";

import { api } from "@convex/_generated/api";
import { useMutation } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import type { AdminTier } from "@/lib/tier-form";
import { TierForm } from "./tier-form";
import { useMutationState } from "./use-mutation-state";

/** One tier: what the pricing page shows of it, and the admin's actions. */
export function TierRow({ tier, first, last }: { tier: AdminTier; first: boolean; last: boolean }) {
  const [editing, setEditing] = useState(false);
  const move = useMutation(api.tiers.moveTier);
  const retire = useMutation(api.tiers.setTierRetired);
  const remove = useMutation(api.tiers.removeTier);
  const { pending, error, run } = useMutationState();
  if (editing) return <TierForm tier={tier} onDone={() => setEditing(false)} />;
  const retired = tier.retiredAt !== undefined;
  return (
    <li
      data-testid="tier-row"
      className="flex flex-col gap-2 rounded-lg border border-zinc-800 p-3"
    >
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-white">{tier.name}</span>
        <code className="text-xs text-zinc-400">{tier.key}</code>
        {tier.priceLabel ? (
          <span className="text-sm text-emerald-300">{tier.priceLabel}</span>
        ) : null}
        {retired ? (
          <span className="rounded bg-zinc-800 px-2 py-0.5 text-xs text-zinc-300">Retired</span>
        ) : (
          <span className="rounded bg-emerald-500/15 px-2 py-0.5 text-xs text-emerald-300">
            On sale
          </span>
        )}
      </p>
      <p className="break-all text-xs text-zinc-400">
        {tier.purchaseUrl ?? "No purchase URL"} · {tier.features?.length ?? 0} features ·{" "}
        {tier.orderAccessDays === undefined
          ? "orders: no end"
          : `orders: ${tier.orderAccessDays} days`}{" "}
        · grace {tier.graceHours} h
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setEditing(true)}>
          Edit
        </Button>
        <Button
          variant="secondary"
          disabled={pending || first}
          aria-label={`Move ${tier.name} up`}
          onClick={() => void run(() => move({ key: tier.key, direction: "up" }), "Moved")}
        >
          ↑
        </Button>
        <Button
          variant="secondary"
          disabled={pending || last}
          aria-label={`Move ${tier.name} down`}
          onClick={() => void run(() => move({ key: tier.key, direction: "down" }), "Moved")}
        >
          ↓
        </Button>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => void run(() => retire({ key: tier.key, retired: !retired }), "Saved")}
        >
          {retired ? "Put on sale" : "Retire"}
        </Button>
        <Button
          variant="danger"
          disabled={pending}
          onClick={() => void run(() => remove({ key: tier.key }), "Deleted")}
        >
          Delete
        </Button>
      </div>
      <FormError message={error} />
    </li>
  );
}
