"use client";

import { api } from "@convex/_generated/api";
import { useMutation } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormNotice } from "@/components/ui/form-notice";
import { TextField } from "@/components/ui/text-field";
import type { AdminTier } from "@/lib/tier-form";
import { useMutationState } from "./use-mutation-state";

/**
 * Maps a Sell.app product (or one of its variants: subscription webhooks name only the variant)
 * to a tier. `preset` fills the ids in, e.g. from an unmapped product.
 */
export function ProductMappingForm({
  tiers,
  preset,
  name = "mapping",
}: {
  tiers: AdminTier[];
  preset?: { productId?: string; variantId?: string };
  name?: string;
}) {
  const setMapping = useMutation(api.tiers.setProductMapping);
  const { pending, error, notice, run } = useMutationState();
  const [productId, setProductId] = useState(preset?.productId ?? "");
  const [variantId, setVariantId] = useState(preset?.variantId ?? "");
  const [tierKey, setTierKey] = useState("");
  const chosenTier = tierKey || tiers[0]?.key || "";
  return (
    <form
      aria-label={preset ? `Map product ${preset.productId ?? ""}` : "Map a Sell.app product"}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        void run(
          () =>
            setMapping({
              sellappProductId: productId,
              ...(variantId.trim() === "" ? {} : { sellappVariantId: variantId }),
              tierKey: chosenTier,
            }),
          "Mapped",
        );
      }}
    >
      <TextField
        label="Sell.app product id"
        name={`${name}-product`}
        inputMode="numeric"
        required
        value={productId}
        onChange={(event) => setProductId(event.target.value)}
      />
      <TextField
        label="Variant id (optional)"
        name={`${name}-variant`}
        inputMode="numeric"
        value={variantId}
        onChange={(event) => setVariantId(event.target.value)}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={`field-${name}-tier`} className="text-sm font-medium text-zinc-200">
          Tier
        </label>
        <select
          id={`field-${name}-tier`}
          className="rounded-md border border-zinc-700 bg-zinc-900 px-3 py-2"
          value={chosenTier}
          onChange={(event) => setTierKey(event.target.value)}
        >
          {tiers.map((tier) => (
            <option key={tier.key} value={tier.key}>
              {tier.name} ({tier.key})
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" disabled={pending || chosenTier === ""}>
        Map product
      </Button>
      <div className="basis-full">
        <FormError message={error} />
        <FormNotice message={notice} />
      </div>
    </form>
  );
}
