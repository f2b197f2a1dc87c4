import type { SellappLineItem } from "@g3/payments";
import type { Doc } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";

/** Raised when a paid product has no tier: the event is left "failed" until an admin maps it. */
export class UnmappedProductError extends Error {
  constructor(item: SellappLineItem) {
    const product = item.productId === undefined ? "(unknown product)" : item.productId;
    const variant = item.variantId === undefined ? "" : ` (variant ${item.variantId})`;
    super(
      `no tier mapped for product ${product}${variant} — add one in admin ` +
        `(tiers.setProductMapping), then replay the event`,
    );
    this.name = "UnmappedProductError";
  }
}

/** Product/variant → tier key. A variant-level row wins over the product-level row. */
export async function tierKeyForLineItem(
  ctx: QueryCtx,
  item: SellappLineItem,
): Promise<string | null> {
  const { productId, variantId } = item;
  if (productId !== undefined) {
    if (variantId !== undefined) {
      const variantRow = await ctx.db
        .query("productTiers")
        .withIndex("by_product_and_variant", (q) =>
          q.eq("sellappProductId", productId).eq("sellappVariantId", variantId),
        )
        .first();
      if (variantRow !== null) return variantRow.tierKey;
    }
    const productRow = await ctx.db
      .query("productTiers")
      .withIndex("by_product_and_variant", (q) =>
        q.eq("sellappProductId", productId).eq("sellappVariantId", undefined),
      )
      .first();
    return productRow?.tierKey ?? null;
  }
  if (variantId !== undefined) {
    // Subscription objects carry only the variant.
    const variantRow = await ctx.db
      .query("productTiers")
      .withIndex("by_variant", (q) => q.eq("sellappVariantId", variantId))
      .first();
    return variantRow?.tierKey ?? null;
  }
  return null;
}

export async function tierByKey(ctx: QueryCtx, key: string): Promise<Doc<"tiers"> | null> {
  return ctx.db
    .query("tiers")
    .withIndex("by_key", (q) => q.eq("key", key))
    .unique();
}

/** Tiers in pricing order (lowest sortOrder first; tiers never ordered come first, as created). */
export async function tiersInOrder(ctx: QueryCtx, limit: number): Promise<Doc<"tiers">[]> {
  return ctx.db.query("tiers").withIndex("by_sort_order").take(limit);
}

/** The link a customer may buy the tier at: none once the tier is retired (off sale). */
export function purchaseUrlOnSale(tier: Doc<"tiers">): string | undefined {
  return tier.retiredAt === undefined ? tier.purchaseUrl : undefined;
}
