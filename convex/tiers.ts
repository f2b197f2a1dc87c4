import { v } from "convex/values";
import type { Doc } from "./_generated/dataModel";
import { type QueryCtx } from "./_generated/server";
import { writeAdminAudit } from "./model/shared/audit";
import { withCheckedPurchaseUrl } from "./model/payments/purchaseUrl";
import { checkTierInput, vTierInput } from "./model/payments/tierInput";
import { tierByKey, tiersInOrder } from "./model/payments/tierMapping";
import { paymentTables } from "./tables/payments";
import { adminMutation, adminQuery } from "./functions";
import { appError } from "./model/shared/errors";

/** Tier and Sell.app product → tier mapping administration. Admins only, every change audited. */

const MAX_ROWS = 200;

const vTier = paymentTables.tiers.validator;

const vMapping = paymentTables.productTiers.validator.extend({ id: v.id("productTiers") });

/** Every tier in pricing order (retired ones too), and every product mapping. */
export const list = adminQuery({
  args: {},
  returns: v.object({ tiers: v.array(vTier), mappings: v.array(vMapping) }),
  handler: async (ctx) => {
    const tiers = await tiersInOrder(ctx, MAX_ROWS);
    const mappings = await ctx.db.query("productTiers").take(MAX_ROWS);
    return {
      tiers: tiers.map(({ _id: _i, _creationTime: _c, ...tier }) => tier),
      mappings: mappings.map(({ _id, _creationTime: _c, ...mapping }) => ({ id: _id, ...mapping })),
    };
  },
});

/**
 * Creates a tier or changes one (renaming keeps the key, which entitlements and mappings name).
 * Its place in the pricing order and whether it is retired are kept; a new tier goes last.
 */
export const upsertTier = adminMutation({
  args: vTierInput.fields,
  returns: v.id("tiers"),
  handler: async (ctx, args) => {
    const input = withCheckedPurchaseUrl(checkTierInput(args));
    const existing = await tierByKey(ctx, input.key);
    const tier = {
      ...input,
      sortOrder: existing?.sortOrder ?? (await nextSortOrder(ctx)),
      ...(existing?.retiredAt === undefined ? {} : { retiredAt: existing.retiredAt }),
    };
    const id = existing === null ? await ctx.db.insert("tiers", tier) : existing._id;
    if (existing !== null) await ctx.db.replace("tiers", existing._id, tier);
    await writeAdminAudit(ctx, {
      action: existing === null ? "tier.create" : "tier.update",
      targetType: "tier",
      targetId: tier.key,
      details: tier,
    });
    return id;
  },
});

/**
 * Takes a tier off sale (hidden from pricing and purchase links) or puts it back. Members keep
 * their access and renewals keep working: only new purchases stop being offered.
 */
export const setTierRetired = adminMutation({
  args: { key: v.string(), retired: v.boolean() },
  returns: v.null(),
  handler: async (ctx, { key, retired }) => {
    const tier = await requireTier(ctx, key);
    if ((tier.retiredAt !== undefined) === retired) return null;
    await ctx.db.patch("tiers", tier._id, { retiredAt: retired ? Date.now() : undefined });
    await writeAdminAudit(ctx, {
      action: retired ? "tier.retire" : "tier.restore",
      targetType: "tier",
      targetId: key,
    });
    return null;
  },
});

/** Moves a tier one place up or down the pricing order (swaps it with its neighbour). */
export const moveTier = adminMutation({
  args: { key: v.string(), direction: v.union(v.literal("up"), v.literal("down")) },
  returns: v.null(),
  handler: async (ctx, { key, direction }) => {
    await requireTier(ctx, key);
    const tiers = await tiersInOrder(ctx, MAX_ROWS);
    const from = tiers.findIndex((tier) => tier.key === key);
    const to = direction === "up" ? from - 1 : from + 1;
    const moved = tiers[from];
    const neighbour = tiers[to];
    if (moved === undefined || neighbour === undefined) return null;
    tiers[from] = neighbour;
    tiers[to] = moved;
    // Renumber 0…n-1 (tiers created before ordering existed have no number yet).
    for (const [index, tier] of tiers.entries()) {
      if (tier.sortOrder !== index) await ctx.db.patch("tiers", tier._id, { sortOrder: index });
    }
    await writeAdminAudit(ctx, {
      action: "tier.reorder",
      targetType: "tier",
      targetId: key,
      details: { direction, order: tiers.map((tier) => tier.key) },
    });
    return null;
  },
});

async function requireTier(ctx: QueryCtx, key: string): Promise<Doc<"tiers">> {
  const tier = await tierByKey(ctx, key);
  if (tier === null) throw appError("NOT_FOUND", `No tier "${key}".`);
  return tier;
}

async function nextSortOrder(ctx: QueryCtx): Promise<number> {
  const last = await ctx.db.query("tiers").withIndex("by_sort_order").order("desc").first();
  return (last?.sortOrder ?? -1) + 1;
}

export const removeTier = adminMutation({
  args: { key: v.string() },
  returns: v.null(),
  handler: async (ctx, { key }) => {
    const tier = await requireTier(ctx, key);
    const mapped = (await ctx.db.query("productTiers").take(MAX_ROWS)).some(
      (m) => m.tierKey === key,
    );
    if (mapped) {
      throw appError("BAD_REQUEST", `Remove the product mappings of "${key}" first.`);
    }
    await ctx.db.delete("tiers", tier._id);
    await writeAdminAudit(ctx, {
      action: "tier.delete",
      targetType: "tier",
      targetId: key,
    });
    return null;
  },
});

/** Maps a Sell.app product (optionally one variant: variant rows win) to a tier. Upserts. */
export const setProductMapping = adminMutation({
  args: {
    sellappProductId: v.string(),
    sellappVariantId: v.optional(v.string()),
    tierKey: v.string(),
  },
  returns: v.id("productTiers"),
  handler: async (ctx, args) => {
    if ((await tierByKey(ctx, args.tierKey)) === null) {
      throw appError("NOT_FOUND", `No tier "${args.tierKey}"; create it first.`);
    }
    const productId = args.sellappProductId.trim();
    const variantId = args.sellappVariantId?.trim() || undefined;
    if (productId.length === 0) throw appError("BAD_REQUEST", "Give the Sell.app product id.");
    const existing = await ctx.db
      .query("productTiers")
      .withIndex("by_product_and_variant", (q) =>
        q.eq("sellappProductId", productId).eq("sellappVariantId", variantId),
      )
      .first();
    const row = {
      sellappProductId: productId,
      ...(variantId === undefined ? {} : { sellappVariantId: variantId }),
      tierKey: args.tierKey,
    };
    const id = existing === null ? await ctx.db.insert("productTiers", row) : existing._id;
    if (existing !== null) await ctx.db.replace("productTiers", existing._id, row);
    await writeAdminAudit(ctx, {
      action: existing === null ? "productTier.create" : "productTier.update",
      targetType: "productTier",
      targetId: id,
      details: row,
    });
    return id;
  },
});

export const removeProductMapping = adminMutation({
  args: { id: v.id("productTiers") },
  returns: v.null(),
  handler: async (ctx, { id }) => {
    const row = await ctx.db.get("productTiers", id);
    if (row === null) throw appError("NOT_FOUND", "No such mapping.");
    await ctx.db.delete("productTiers", id);
    await writeAdminAudit(ctx, {
      action: "productTier.delete",
      targetType: "productTier",
      targetId: id,
      details: {
        sellappProductId: row.sellappProductId,
        sellappVariantId: row.sellappVariantId ?? null,
        tierKey: row.tierKey,
      },
    });
    return null;
  },
});
