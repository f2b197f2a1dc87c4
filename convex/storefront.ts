import { v } from "convex/values";
import { siteSetting } from "./model/business/siteSettings";
import { tiersInOrder } from "./model/payments/tierMapping";
import { publicQuery } from "./functions";

/**
 * What anyone may read, signed in or not: the tiers on sale and the owner's legal texts. Only the
 * fields a pricing card shows leave here — never a tier's key, Discord role, access days or grace.
 */

const MAX_TIERS = 50;

export const vPublicTier = v.object({
  name: v.string(),
  description: v.optional(v.string()),
  features: v.array(v.string()),
  priceLabel: v.optional(v.string()),
  purchaseUrl: v.optional(v.string()),
});

/** The tiers on sale, in the owner's order. */
export const pricing = publicQuery({
  args: {},
  returns: v.array(vPublicTier),
  handler: async (ctx) => {
    const tiers = await tiersInOrder(ctx, MAX_TIERS);
    return tiers
      .filter((tier) => tier.retiredAt === undefined)
      .map((tier) => ({
        name: tier.name,
        ...(tier.description === undefined ? {} : { description: tier.description }),
        features: tier.features ?? [],
        ...(tier.priceLabel === undefined ? {} : { priceLabel: tier.priceLabel }),
        ...(tier.purchaseUrl === undefined ? {} : { purchaseUrl: tier.purchaseUrl }),
      }));
  },
});

/** The text of a footer page as the owner wrote it (plain text), or null when not written yet. */
export const legalPage = publicQuery({
  args: { page: v.union(v.literal("terms"), v.literal("privacy"), v.literal("contact")) },
  returns: v.union(v.null(), v.object({ text: v.string(), updatedAt: v.number() })),
  handler: async (ctx, { page }) => {
    const setting = await siteSetting(ctx, page);
    return setting === null ? null : { text: setting.value, updatedAt: setting.updatedAt };
  },
});
