"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TierForm } from "./tier-form";
import { TierRow } from "./tier-row";

/** Tiers in pricing-page order. Retiring takes a tier off sale; its members keep access. */
export function TiersPanel() {
  const data = useQuery(api.tiers.list, {});
  const [creating, setCreating] = useState(false);
  const tiers = data?.tiers ?? [];
  return (
    <div className="flex flex-col gap-3">
      {creating ? (
        <TierForm onDone={() => setCreating(false)} />
      ) : (
        <Button className="self-start" onClick={() => setCreating(true)}>
          New tier
        </Button>
      )}
      {data === undefined ? <p className="text-zinc-400">Loading…</p> : null}
      <ul className="flex flex-col gap-2">
        {tiers.map((tier, i) => (
          <TierRow key={tier.key} tier={tier} first={i === 0} last={i === tiers.length - 1} />
        ))}
      </ul>
    </div>
  );
}
