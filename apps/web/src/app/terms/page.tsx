import type { Metadata } from "next";
import { LegalPage } from "@/components/storefront/legal-page";

export const metadata: Metadata = {
  title: "Terms of service",
  description: "The terms of a G3netic Crypto Signals membership.",
  alternates: { canonical: "/terms" },
};

export default function TermsPage() {
  return <LegalPage page="terms" title="Terms of service" />;
}
