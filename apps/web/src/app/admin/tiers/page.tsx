import { ProductMappingsPanel } from "@/components/admin/product-mappings-panel";
import { TiersPanel } from "@/components/admin/tiers-panel";
import { UnmappedProducts } from "@/components/admin/unmapped-products";
import { HeadedSection } from "@/components/ui/headed-section";

export const metadata = { title: "Admin · Tiers & products" };

export default function TiersPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold text-white">Tiers & products</h1>
      <p className="text-sm text-zinc-400">
        What the pricing page offers, in this order, and which Sell.app products grant each tier.
        Changes show on the site at once; every change is written to the audit log.
      </p>
      <HeadedSection
        id="unmapped-heading"
        title="Products that map to nothing"
        className="flex flex-col gap-2"
      >
        <UnmappedProducts />
      </HeadedSection>
      <HeadedSection id="tiers-heading" title="Tiers" className="flex flex-col gap-2">
        <TiersPanel />
      </HeadedSection>
      <HeadedSection
        id="products-heading"
        title="Sell.app products"
        className="flex flex-col gap-2"
      >
        <ProductMappingsPanel />
      </HeadedSection>
    </div>
  );
}
