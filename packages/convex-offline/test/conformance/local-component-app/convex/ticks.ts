import { v } from "convex/values";
import { components } from "./_generated/api";
import { mutation, query } from "./_generated/server";

/** Asks the component to record `label` after `delayMs`, from a job it schedules itself. */
export const later = mutation({
  args: { label: v.string(), delayMs: v.number() },
  returns: v.null(),
  handler: async (ctx, args) => {
    await ctx.runMutation(components.counter.lib.scheduleTick, args);
    return null;
  },
});

export const componentLabels = query({
  args: {},
  returns: v.array(v.string()),
  handler: (ctx) => ctx.runQuery(components.counter.lib.labels, {}),
});

export const ownLabels = query({
  args: {},
  returns: v.array(v.string()),
  handler: async (ctx) => (await ctx.db.query("ticks").take(100)).map((tick) => tick.label),
});

/** Writes the app's table and, through the component, the component's: one transaction. */
export const both = mutation({
  args: { label: v.string() },
  returns: v.null(),
  handler: async (ctx, { label }) => {
    await ctx.db.insert("ticks", { label });
    await ctx.runMutation(components.counter.lib.scheduleTick, { label, delayMs: 3_600_000 });
    return null;
  },
});
