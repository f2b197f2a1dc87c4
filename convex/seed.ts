import { v } from "convex/values";
import { internalMutation } from "./_generated/server";
import { vMappingFields } from "./model/ingest/channelMappingInput";
import { withCheckedPurchaseUrl } from "./model/payments/purchaseUrl";
import { paymentTables } from "./tables/payments";

/**
 * Configures a world for local runs, demos and tests: one tier, the Sell.app product that sells
 * it (and, optionally, its variants: subscription payloads name only the variant), and the channel
 * mappings. Idempotent: running it again updates the same rows.
 * Run with the admin key only (it is internal), e.g. `npx convex run seed:configure '{…}'`.
 */
export const configure = internalMutation({
  args: {
    tier: paymentTables.tiers.validator,
    sellappProductId: v.string(),
    sellappVariantIds: v.optional(v.array(v.string())),
    mappings: v.array(vMappingFields.omit("tierKey")),
  },
  returns: v.object({ tierId: v.id("tiers"), mappingIds: v.array(v.id("channelMappings")) }),
  handler: async (ctx, { tier: tierArgs, sellappProductId, sellappVariantIds = [], mappings }) => {
    const tier = withCheckedPurchaseUrl(tierArgs);
    const existingTier = await ctx.db
      .query("tiers")
      .withIndex("by_key", (q) => q.eq("key", tier.key))
      .unique();
    const tierId = existingTier?._id ?? (await ctx.db.insert("tiers", tier));
    if (existingTier) await ctx.db.replace("tiers", existingTier._id, tier);

    for (const sellappVariantId of [undefined, ...sellappVariantIds]) {
      const productRow = await ctx.db
        .query("productTiers")
        .withIndex("by_product_and_variant", (q) =>
          q.eq("sellappProductId", sellappProductId).eq("sellappVariantId", sellappVariantId),
        )
        .unique();
      if (productRow === null) {
        await ctx.db.insert("productTiers", {
          sellappProductId,
          ...(sellappVariantId === undefined ? {} : { sellappVariantId }),
          tierKey: tier.key,
        });
      } else if (productRow.tierKey !== tier.key) {
        await ctx.db.patch("productTiers", productRow._id, { tierKey: tier.key });
      }
    }

    const mappingIds = [];
    for (const mapping of mappings) {
      const rows = await ctx.db
        .query("channelMappings")
        .withIndex("by_source_channel", (q) => q.eq("sourceChannelId", mapping.sourceChannelId))
        .take(50);
      const existing = rows.find((row) => row.customerChannelId === mapping.customerChannelId);
      const fields = { ...mapping, tierKey: tier.key, enabled: true, updatedAt: Date.now() };
      if (existing) {
        await ctx.db.replace("channelMappings", existing._id, fields);
        mappingIds.push(existing._id);
      } else {
        mappingIds.push(await ctx.db.insert("channelMappings", fields));
      }
    }
    return { tierId, mappingIds };
  },
});
