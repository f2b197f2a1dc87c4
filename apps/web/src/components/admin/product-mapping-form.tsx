"use client";

import { api } from "@convex/_generated/api";
import { useMutation } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormNotice } from "@/components/ui/form-notice";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { tierChoices } from "@/lib/tier-choices";
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
      <SelectField
        id={`field-${name}-tier`}
        label="Tier"
        value={chosenTier}
        options={tierChoices(tiers)}
        onChange={setTierKey}
      />
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
