import { ProductMappingsPanel } from "@/components/admin/product-mappings-panel";
import { TiersPanel } from "@/components/admin/tiers-panel";
import { UnmappedProducts } from "@/components/admin/unmapped-products";

export const metadata = { title: "Admin · Tiers & products" };

export default function TiersPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold text-white">Tiers & products</h1>
      <p className="text-sm text-zinc-400">
        What the pricing page offers, in this order, and which Sell.app products grant each tier.
        Changes show on the site at once; every change is written to the audit log.
      </p>
      <section aria-labelledby="unmapped-heading" className="flex flex-col gap-2">
        <h2 id="unmapped-heading" className="text-lg font-semibold text-white">
          Products that map to nothing
        </h2>
        <UnmappedProducts />
      </section>
      <section aria-labelledby="tiers-heading" className="flex flex-col gap-2">
        <h2 id="tiers-heading" className="text-lg font-semibold text-white">
          Tiers
        </h2>
        <TiersPanel />
      </section>
      <section aria-labelledby="products-heading" className="flex flex-col gap-2">
        <h2 id="products-heading" className="text-lg font-semibold text-white">
          Sell.app products
        </h2>
        <ProductMappingsPanel />
      </section>
    </div>
  );
}
