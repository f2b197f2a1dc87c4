import { TableAggregate } from "@convex-dev/aggregate";
import { v } from "convex/values";
import { components } from "./_generated/api";
import { type DataModel } from "./_generated/dataModel";
import { mutation, query } from "./_generated/server";

const totals = new TableAggregate<{ Key: number; DataModel: DataModel; TableName: "scores" }>(
  components.scoreTotals,
  { sortKey: (doc) => doc.points, sumValue: (doc) => doc.points },
);

export const add = mutation({
  args: { player: v.string(), points: v.number() },
  returns: v.id("scores"),
  handler: async (ctx, args) => {
    const id = await ctx.db.insert("scores", args);
    const doc = await ctx.db.get(id);
    if (doc !== null) await totals.insert(ctx, doc);
    return id;
  },
});

export const remove = mutation({
  args: { id: v.id("scores") },
  returns: v.null(),
  handler: async (ctx, { id }) => {
    const doc = await ctx.db.get(id);
    if (doc === null) return null;
    await ctx.db.delete(id);
    await totals.delete(ctx, doc);
    return null;
  },
});

/** Count and sum from the component, next to the same figures counted from the table itself. */
export const stats = query({
  args: {},
  returns: v.object({ count: v.number(), sum: v.number(), rows: v.number(), rowSum: v.number() }),
  handler: async (ctx) => {
    const rows = await ctx.db.query("scores").take(1000);
    return {
      count: await totals.count(ctx),
      sum: await totals.sum(ctx),
      rows: rows.length,
      rowSum: rows.reduce((sum, doc) => sum + doc.points, 0),
    };
  },
});
