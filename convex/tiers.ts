import { ConvexError, v, type Infer } from "convex/values";
import { mutation, query } from "./_generated/server";
import { writeAudit } from "./model/audit";
import { requireAdmin } from "./model/auth";
import { withCheckedPurchaseUrl } from "./model/purchaseUrl";
import { tierByKey } from "./model/tierMapping";
import { paymentTables } from "./tables/payments";

/** Tier and Sell.app product → tier mapping administration. Admins only, every change audited. */

const MAX_ROWS = 200;

const vTier = paymentTables.tiers.validator;

const vMapping = paymentTables.productTiers.validator.extend({ id: v.id("productTiers") });

export const list = query({
  args: {},
  returns: v.object({ tiers: v.array(vTier), mappings: v.array(vMapping) }),
  handler: async (ctx) => {
    await requireAdmin(ctx);
    const tiers = await ctx.db.query("tiers").take(MAX_ROWS);
    const mappings = await ctx.db.query("productTiers").take(MAX_ROWS);
    return {
      tiers: tiers.map(({ _id: _i, _creationTime: _c, ...tier }) => tier),
      mappings: mappings.map(({ _id, _creationTime: _c, ...mapping }) => ({ id: _id, ...mapping })),
    };
  },
});

function checkTier(tier: Infer<typeof vTier>) {
  if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(tier.key)) {
    throw new ConvexError({ code: "BAD_REQUEST", message: "Tier key: 1–40 of a-z, 0-9, _ or -." });
  }
  if (tier.name.trim().length === 0)
    throw new ConvexError({ code: "BAD_REQUEST", message: "Give the tier a name." });
  if (tier.orderAccessDays !== undefined && !(tier.orderAccessDays > 0)) {
    throw new ConvexError({
      code: "BAD_REQUEST",
      message: "orderAccessDays must be positive (or absent for no end).",
    });
  }
  if (!(tier.graceHours >= 0))
    throw new ConvexError({ code: "BAD_REQUEST", message: "graceHours must be ≥ 0." });
}

export const upsertTier = mutation({
  args: vTier.fields,
  returns: v.id("tiers"),
  handler: async (ctx, args) => {
    const admin = await requireAdmin(ctx);
    checkTier(args);
    const tier = withCheckedPurchaseUrl(args);
    const existing = await tierByKey(ctx, tier.key);
    const id = existing === null ? await ctx.db.insert("tiers", tier) : existing._id;
    if (existing !== null) await ctx.db.replace("tiers", existing._id, tier);
    await writeAudit(ctx, {
      actorType: "admin",
      actorUserId: admin._id,
      action: existing === null ? "tier.create" : "tier.update",
      targetType: "tier",
      targetId: tier.key,
      details: tier,
    });
    return id;
  },
});

export const removeTier = mutation({
  args: { key: v.string() },
  returns: v.null(),
  handler: async (ctx, { key }) => {
    const admin = await requireAdmin(ctx);
    const tier = await tierByKey(ctx, key);
    if (tier === null) throw new ConvexError({ code: "NOT_FOUND", message: `No tier "${key}".` });
    const mapped = (await ctx.db.query("productTiers").take(MAX_ROWS)).some(
      (m) => m.tierKey === key,
    );
    if (mapped) {
      throw new ConvexError({
        code: "BAD_REQUEST",
        message: `Remove the product mappings of "${key}" first.`,
      });
    }
    await ctx.db.delete("tiers", tier._id);
    await writeAudit(ctx, {
      actorType: "admin",
      actorUserId: admin._id,
      action: "tier.delete",
      targetType: "tier",
      targetId: key,
    });
    return null;
  },
});

/** Maps a Sell.app product (optionally one variant: variant rows win) to a tier. Upserts. */
export const setProductMapping = mutation({
  args: {
    sellappProductId: v.string(),
    sellappVariantId: v.optional(v.string()),
    tierKey: v.string(),
  },
  returns: v.id("productTiers"),
  handler: async (ctx, args) => {
    const admin = await requireAdmin(ctx);
    if ((await tierByKey(ctx, args.tierKey)) === null) {
      throw new ConvexError({
        code: "NOT_FOUND",
        message: `No tier "${args.tierKey}"; create it first.`,
      });
    }
    const productId = args.sellappProductId.trim();
    const variantId = args.sellappVariantId?.trim() || undefined;
    if (productId.length === 0)
      throw new ConvexError({ code: "BAD_REQUEST", message: "Give the Sell.app product id." });
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
    await writeAudit(ctx, {
      actorType: "admin",
      actorUserId: admin._id,
      action: existing === null ? "productTier.create" : "productTier.update",
      targetType: "productTier",
      targetId: id,
      details: row,
    });
    return id;
  },
});

export const removeProductMapping = mutation({
  args: { id: v.id("productTiers") },
  returns: v.null(),
  handler: async (ctx, { id }) => {
    const admin = await requireAdmin(ctx);
    const row = await ctx.db.get("productTiers", id);
    if (row === null) throw new ConvexError({ code: "NOT_FOUND", message: "No such mapping." });
    await ctx.db.delete("productTiers", id);
    await writeAudit(ctx, {
      actorType: "admin",
      actorUserId: admin._id,
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
