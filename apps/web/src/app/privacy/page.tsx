import type { Metadata } from "next";
import { LegalPage } from "@/components/storefront/legal-page";

export const metadata: Metadata = {
  title: "Privacy policy",
  description: "What G3netic Crypto Signals keeps about you, and why.",
  alternates: { canonical: "/privacy" },
};

export default function PrivacyPage() {
  return <LegalPage page="privacy" title="Privacy policy" />;
}
