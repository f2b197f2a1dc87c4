"use client";

import { api } from "@convex/_generated/api";
import { useMutation, useQuery } from "convex/react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { ProductMappingForm } from "./product-mapping-form";
import { useMutationState } from "./use-mutation-state";

/** Sell.app product / variant → tier. A variant row wins over its product's row. */
export function ProductMappingsPanel() {
  const data = useQuery(api.tiers.list, {});
  const remove = useMutation(api.tiers.removeProductMapping);
  const { pending, error, run } = useMutationState();
  if (data === undefined) return <p className="text-zinc-400">Loading…</p>;
  const names = new Map(data.tiers.map((tier) => [tier.key, tier.name]));
  return (
    <div className="flex flex-col gap-3">
      <ProductMappingForm tiers={data.tiers} />
      <FormError message={error} />
      {data.mappings.length === 0 ? <p className="text-zinc-400">No products mapped yet.</p> : null}
      <ul className="flex flex-col gap-1">
        {data.mappings.map((mapping) => (
          <li
            key={mapping.id}
            data-testid="product-mapping"
            className="flex flex-wrap items-center gap-3 rounded-lg border border-zinc-800 px-3 py-2 text-sm"
          >
            <span className="text-zinc-200">
              Product <code>{mapping.sellappProductId}</code>
              {mapping.sellappVariantId ? (
                <>
                  {" "}
                  · variant <code>{mapping.sellappVariantId}</code>
                </>
              ) : (
                " · every variant"
              )}
            </span>
            <span className="text-zinc-400">→ {names.get(mapping.tierKey) ?? mapping.tierKey}</span>
            <Button
              variant="secondary"
              className="ml-auto"
              disabled={pending}
              onClick={() => void run(() => remove({ id: mapping.id }), "Removed")}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
