import { serverPricing } from "@/lib/server-pricing";
import { AfterPurchase } from "./after-purchase";
import { PricingTable } from "./pricing-table";

/** The plans, rendered on the server, with what happens after paying. */
export async function PricingSection({ headingLevel }: { headingLevel: "h1" | "h2" }) {
  const Heading = headingLevel;
  return (
    <section aria-labelledby="pricing-heading" className="flex flex-col gap-4">
      <Heading id="pricing-heading" className="text-2xl font-semibold text-white">
        Pricing
      </Heading>
      <PricingTable
        tiers={await serverPricing()}
        cardHeadingLevel={headingLevel === "h1" ? "h2" : "h3"}
      />
      <AfterPurchase />
    </section>
  );
}
