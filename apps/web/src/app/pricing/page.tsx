import type { Metadata } from "next";
import { PricingSection } from "@/components/storefront/pricing-section";

export const metadata: Metadata = {
  title: "Pricing",
  description:
    "Plans for G3netic Crypto Signals: live trading signals on the web and in Discord, with every edit on record.",
  alternates: { canonical: "/pricing" },
};

export default function PricingPage() {
  return (
    <div className="mt-6">
      <PricingSection headingLevel="h1" />
    </div>
  );
}
