import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const put = mutation({
  args: { big: v.int64(), bytes: v.bytes() },
  handler: async (ctx, args) => await ctx.db.insert("values", args),
});

export const get = query({
  args: { id: v.id("values") },
  handler: async (ctx, { id }) => {
    const doc = await ctx.db.get("values", id);
    return doc === null ? null : { big: doc.big, bytes: doc.bytes };
  },
});
