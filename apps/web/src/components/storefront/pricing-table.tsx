import { PricingCard, type PublicTier } from "./pricing-card";

/**
 * The tiers on sale as the server read them for this request (pages render per request, so an
 * owner's change shows on the next load). No live subscription: the pricing and landing pages
 * ship no Convex client, which keeps them light on a phone.
 */
export function PricingTable({
  tiers,
  cardHeadingLevel,
}: {
  tiers: PublicTier[] | null;
  cardHeadingLevel?: "h2" | "h3";
}) {
  if (tiers === null) {
    return (
      <p className="text-zinc-400">The plans could not be loaded. Reload the page to retry.</p>
    );
  }
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
