import { v } from "convex/values";
import { writeAdminAudit } from "./model/shared/audit";
import { checkSiteSetting, siteSetting } from "./model/business/siteSettings";
import { vSiteSettingKey } from "./tables/business";
import { adminMutation, adminQuery } from "./functions";

/**
 * The owner's site texts (terms, privacy, contact), the customer-portal link and the public track
 * record's delay. Admins only.
 */

export const list = adminQuery({
  args: {},
  returns: v.array(v.object({ key: vSiteSettingKey, value: v.string(), updatedAt: v.number() })),
  handler: async (ctx) => {
    const rows = await ctx.db.query("siteSettings").take(20);
    return rows.map(({ key, value, updatedAt }) => ({ key, value, updatedAt }));
  },
});

/** Sets (or, with an empty value, clears) one setting; audited with its length, not its text. */
export const set = adminMutation({
  args: { key: vSiteSettingKey, value: v.string() },
  returns: v.null(),
  handler: async (ctx, { key, value: raw }) => {
    const value = checkSiteSetting(key, raw);
    const existing = await siteSetting(ctx, key);
    if ((existing?.value ?? null) === value) return null;
    const now = Date.now();
    if (value === null) {
      if (existing !== null) await ctx.db.delete("siteSettings", existing._id);
    } else if (existing === null) {
      await ctx.db.insert("siteSettings", { key, value, updatedAt: now });
    } else {
      await ctx.db.patch("siteSettings", existing._id, { value, updatedAt: now });
    }
    await writeAdminAudit(ctx, {
      action: value === null ? "siteSetting.clear" : "siteSetting.update",
      targetType: "siteSetting",
      targetId: key,
      details:
        key === "customerPortalUrl" || key === "trackRecordDelayHours"
          ? { value }
          : { characters: value?.length ?? 0 },
    });
    return null;
  },
});
