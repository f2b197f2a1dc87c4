import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const page = query({
  args: { paginationOpts: paginationOptsValidator },
  handler: async (ctx, { paginationOpts }) =>
    await ctx.db.query("items").withIndex("by_n").order("desc").paginate(paginationOpts),
});

export const add = mutation({
  args: { n: v.number() },
  handler: async (ctx, { n }) => await ctx.db.insert("items", { n }),
});

/** Inserts `count` items numbered from `from` (bulk data for persistence tests). */
export const addMany = mutation({
  args: { from: v.number(), count: v.number() },
  handler: async (ctx, { from, count }) => {
    for (let n = from; n < from + count; n++) await ctx.db.insert("items", { n });
  },
});

export const remove = mutation({
  args: { id: v.id("items") },
  handler: async (ctx, { id }) => {
    await ctx.db.delete("items", id);
  },
});

export const between = query({
  args: { from: v.number(), to: v.number() },
  handler: async (ctx, { from, to }) =>
    await ctx.db
      .query("items")
      .withIndex("by_n", (q) => q.gte("n", from).lt("n", to))
      .collect(),
});

export const byN = query({
  args: { n: v.number() },
  handler: async (ctx, { n }) =>
    await ctx.db
      .query("items")
      .withIndex("by_n", (q) => q.eq("n", n))
      .unique(),
});

export const bulkInsert = mutation({
  args: { from: v.number(), count: v.number() },
  handler: async (ctx, { from, count }) => {
    for (let i = 0; i < count; i++) await ctx.db.insert("items", { n: from + i });
  },
});
