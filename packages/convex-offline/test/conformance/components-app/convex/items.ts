import { Migrations } from "@convex-dev/migrations";
import { v } from "convex/values";
import { components, internal } from "./_generated/api";
import { type DataModel } from "./_generated/dataModel";
import { internalMutation, mutation, query } from "./_generated/server";

export const migrations = new Migrations<DataModel>(components.migrations, { internalMutation });

/** Marks every item migrated, 40 per batch: each batch is a scheduled run of the component. */
export const markMigrated = migrations.define({
  table: "items",
  batchSize: 40,
  migrateOne: (_ctx, doc) => (doc.migrated === true ? undefined : { migrated: true }),
});

export const seed = mutation({
  args: { from: v.number(), count: v.number() },
  returns: v.null(),
  handler: async (ctx, { from, count }) => {
    for (let n = from; n < from + count; n++) await ctx.db.insert("items", { n });
    return null;
  },
});

export const startMigration = mutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    await migrations.runOne(ctx, internal.items.markMigrated);
    return null;
  },
});

export const progress = query({
  args: {},
  returns: v.object({
    isDone: v.boolean(),
    processed: v.number(),
    state: v.string(),
    migrated: v.number(),
    total: v.number(),
  }),
  handler: async (ctx) => {
    const [status] = await migrations.getStatus(ctx, { migrations: [internal.items.markMigrated] });
    const items = await ctx.db.query("items").withIndex("by_n").take(1000);
    return {
      isDone: status?.isDone ?? false,
      processed: status?.processed ?? 0,
      state: status?.state ?? "unknown",
      migrated: items.filter((item) => item.migrated === true).length,
      total: items.length,
    };
  },
});
