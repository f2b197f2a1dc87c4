"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";
import { PricingCard, type PublicTier } from "./pricing-card";

/**
 * The tiers on sale, live: `initial` is what the server rendered (so the page is complete without
 * JavaScript and for crawlers); the subscription takes over and follows the owner's changes.
 */
export function PricingTable({
  initial,
  cardHeadingLevel,
}: {
  initial: PublicTier[] | null;
  cardHeadingLevel?: "h2" | "h3";
}) {
  const live = useQuery(api.storefront.pricing, {});
  const tiers = live ?? initial;
  if (tiers === null) return <p className="text-zinc-400">Loading plans…</p>;
  if (tiers.length === 0) {
    return <p className="text-zinc-400">No plans are on sale right now — check back soon.</p>;
  }
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {tiers.map((tier, i) => (
        // Tiers carry no public id; their order is the owner's and names are unique enough to read.
        <PricingCard key={`${i}:${tier.name}`} tier={tier} headingLevel={cardHeadingLevel} />
      ))}
    </div>
  );
}
