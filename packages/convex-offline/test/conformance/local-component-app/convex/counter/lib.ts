import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation, mutation, query } from "./_generated/server";

export const scheduleTick = mutation({
  args: { label: v.string(), delayMs: v.number() },
  returns: v.null(),
  handler: async (ctx, { label, delayMs }) => {
    await ctx.scheduler.runAfter(delayMs, internal.lib.tick, { label });
    return null;
  },
});

export const tick = internalMutation({
  args: { label: v.string() },
  returns: v.null(),
  handler: async (ctx, { label }) => {
    await ctx.db.insert("ticks", { label });
    return null;
  },
});

export const labels = query({
  args: {},
  returns: v.array(v.string()),
  handler: async (ctx) => (await ctx.db.query("ticks").take(100)).map((tick) => tick.label),
});
