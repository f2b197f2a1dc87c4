"use client";

import { api } from "@convex/_generated/api";
import { useMutation, useQuery } from "convex/react";
import type { FunctionReturnType } from "convex/server";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormNotice } from "@/components/ui/form-notice";
import { formatDay } from "@/lib/money";
import { ProductMappingForm } from "./product-mapping-form";
import { useMutationState } from "./use-mutation-state";

/**
 * Products that sold with no tier: their webhooks failed with "no tier mapped" and wait. Map the
 * product, then replay its events — the buyers get their access.
 */
export function UnmappedProducts() {
  const unmapped = useQuery(api.unmappedProducts.list, {});
  const tiers = useQuery(api.tiers.list, {});
  if (unmapped === undefined || tiers === undefined)
    return <p className="text-zinc-400">Loading…</p>;
  if (unmapped.length === 0) {
    return <p className="text-zinc-400">Every product that sold maps to a tier.</p>;
  }
  return (
    <ul className="flex flex-col gap-3">
      {unmapped.map((group) => (
        <UnmappedProduct
          key={`${group.productId ?? ""}/${group.variantId ?? ""}`}
          group={group}
          tiers={tiers.tiers}
        />
      ))}
    </ul>
  );
}

type Group = FunctionReturnType<typeof api.unmappedProducts.list>[number];
type Tiers = FunctionReturnType<typeof api.tiers.list>["tiers"];

function UnmappedProduct({ group, tiers }: { group: Group; tiers: Tiers }) {
  const replay = useMutation(api.webhookAdmin.replay);
  const { pending, error, notice, run } = useMutationState();
  const label = `product ${group.productId ?? "?"}${group.variantId ? ` (variant ${group.variantId})` : ""}`;
  return (
    <li
      data-testid="unmapped-product"
      className="flex flex-col gap-2 rounded-lg border border-amber-500/40 bg-amber-500/5 p-3"
    >
      <p className="font-semibold text-white">
        Sell.app {label} ·{" "}
        {group.mappedTo === null ? (
          <span className="text-amber-300">no tier</span>
        ) : (
          <span className="text-emerald-300">now maps to {group.mappedTo}</span>
        )}
      </p>
      <ul className="text-sm text-zinc-300">
        {group.events.map((event) => (
          <li key={event.id}>
            {formatDay(event.receivedAt)} · {event.eventType}
            {event.orderId ? ` · order ${event.orderId}` : ""}
            {event.customerEmail ? ` · ${event.customerEmail}` : ""}
          </li>
        ))}
      </ul>
      {group.mappedTo === null ? (
        <ProductMappingForm
          tiers={tiers}
          preset={{
            ...(group.productId === undefined ? {} : { productId: group.productId }),
            ...(group.variantId === undefined ? {} : { variantId: group.variantId }),
          }}
          name={`unmapped-${group.productId ?? "x"}-${group.variantId ?? "x"}`}
        />
      ) : (
        <Button
          className="self-start"
          disabled={pending}
          onClick={() =>
            void run(
              () =>
                replay({
                  ids: group.events.map((event) => event.id),
                  reason: `${label} mapped to ${group.mappedTo ?? ""}`,
                }),
              "Replayed",
            )
          }
        >
          Replay {group.events.length} event{group.events.length === 1 ? "" : "s"}
        </Button>
      )}
      <FormError message={error} />
      <FormNotice message={notice} />
    </li>
  );
}
