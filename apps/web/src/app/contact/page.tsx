import type { Metadata } from "next";
import { LegalPage } from "@/components/storefront/legal-page";

export const metadata: Metadata = {
  title: "Contact",
  description: "How to reach G3netic Crypto Signals.",
  alternates: { canonical: "/contact" },
};

export default function ContactPage() {
  return <LegalPage page="contact" title="Contact" />;
}
