import { v } from "convex/values";
import { internalMutation, mutation, query } from "./_generated/server";
import { internal } from "./_generated/api";
import { type Id } from "./_generated/dataModel";

export const noop = internalMutation({ args: {}, handler: async () => {} });

export const fail = internalMutation({
  args: {},
  handler: () => Promise.reject(new Error("scheduled failure")),
});

export const schedule = mutation({
  args: { fail: v.boolean() },
  handler: (ctx, args): Promise<Id<"_scheduled_functions">> =>
    ctx.scheduler.runAfter(0, args.fail ? internal.jobs.fail : internal.jobs.noop, {}),
});

export const scheduleLater = mutation({
  args: {},
  handler: (ctx): Promise<Id<"_scheduled_functions">> =>
    ctx.scheduler.runAfter(60_000, internal.jobs.noop, {}),
});

export const cancel = mutation({
  args: { id: v.id("_scheduled_functions") },
  handler: (ctx, { id }) => ctx.scheduler.cancel(id),
});

export const job = query({
  args: { id: v.id("_scheduled_functions") },
  handler: (ctx, { id }) => ctx.db.system.get(id),
});
