import { v } from "convex/values";
import { internal } from "./_generated/api";
import { type Id } from "./_generated/dataModel";
import { internalMutation, mutation, query } from "./_generated/server";

export const start = mutation({
  args: { tag: v.string(), depth: v.number(), delayMs: v.number() },
  returns: v.id("_scheduled_functions"),
  handler: async (ctx, { tag, depth, delayMs }): Promise<Id<"_scheduled_functions">> => {
    return await ctx.scheduler.runAfter(delayMs, internal.jobs.step, { tag, depth });
  },
});

export const step = internalMutation({
  args: { tag: v.string(), depth: v.number() },
  returns: v.null(),
  handler: async (ctx, { tag, depth }): Promise<null> => {
    await ctx.db.insert("events", { kind: "job", detail: `${tag}:${depth}` });
    if (depth > 0) await ctx.scheduler.runAfter(0, internal.jobs.step, { tag, depth: depth - 1 });
    return null;
  },
});

export const tick = internalMutation({
  args: {},
  handler: async (ctx) => {
    await ctx.db.insert("events", { kind: "tick", detail: "" });
  },
});

export const events = query({
  args: { kind: v.string() },
  handler: async (ctx, { kind }) =>
    (
      await ctx.db
        .query("events")
        .withIndex("by_kind", (q) => q.eq("kind", kind))
        .collect()
    ).map((e) => e.detail),
});

export const scheduled = query({
  args: {},
  handler: async (ctx) =>
    (await ctx.db.system.query("_scheduled_functions").collect()).map((job) => ({
      name: job.name,
      state: job.state.kind,
    })),
});
