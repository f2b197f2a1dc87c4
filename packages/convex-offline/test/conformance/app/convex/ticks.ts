import { v } from "convex/values";
import { internalMutation, query } from "./_generated/server";

export const tick = internalMutation({
  args: {},
  handler: async (ctx) => {
    await ctx.db.insert("ticks", { at: Date.now() });
  },
});

export const count = query({
  args: {},
  returns: v.number(),
  handler: async (ctx) => (await ctx.db.query("ticks").take(1000)).length,
});
