import type { api } from "@convex/_generated/api";
import type { FunctionReturnType } from "convex/server";
import { HttpsLink } from "@/components/ui/https-link";

export type PublicTier = FunctionReturnType<typeof api.storefront.pricing>[number];

/** One tier as a visitor sees it; the button goes to the tier's Sell.app checkout (https only). */
export function PricingCard({
  tier,
  headingLevel = "h3",
}: {
  tier: PublicTier;
  /** One below the section's heading, so headings never skip a level (h1 → h2, h2 → h3). */
  headingLevel?: "h2" | "h3";
}) {
  const Heading = headingLevel;
  return (
    <article
      data-testid="pricing-tier"
      aria-label={tier.name}
      className="flex flex-col gap-3 rounded-xl border border-zinc-800 bg-zinc-900/60 p-5"
    >
      <Heading className="text-lg font-semibold text-white">{tier.name}</Heading>
      {tier.priceLabel === undefined ? null : (
        <p className="text-2xl font-bold text-emerald-300">{tier.priceLabel}</p>
      )}
      {tier.description === undefined ? null : (
        <p className="whitespace-pre-line text-sm text-zinc-300">{tier.description}</p>
      )}
      {tier.features.length === 0 ? null : (
        <ul className="flex flex-col gap-1 text-sm text-zinc-200">
          {tier.features.map((feature) => (
            <li key={feature} className="flex gap-2">
              <span aria-hidden className="text-emerald-400">
                ✓
              </span>
              {feature}
            </li>
          ))}
        </ul>
      )}
      <HttpsLink
        href={tier.purchaseUrl}
        className="mt-auto self-start rounded-md bg-emerald-500 px-4 py-2 font-semibold text-zinc-950 hover:bg-emerald-400"
        fallback={<p className="mt-auto text-sm text-zinc-400">Not on sale right now.</p>}
      >
        Buy {tier.name}
      </HttpsLink>
    </article>
  );
}
