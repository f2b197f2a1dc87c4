// Functions that go one past each of Convex's per-transaction limits.
import { makeFunctionReference, mutationGeneric, queryGeneric } from "convex/server";
import { v } from "convex/values";

export const insertMany = mutationGeneric({
  args: { kind: v.string(), count: v.number(), bytes: v.number() },
  handler: async (ctx, { kind, count, bytes }) => {
    const body = "x".repeat(bytes);
    for (let i = 0; i < count; i++) await ctx.db.insert("blobs", { kind, body });
  },
});

export const readAll = queryGeneric({
  args: { kind: v.string() },
  handler: async (ctx, { kind }) =>
    (
      await ctx.db
        .query("blobs")
        .withIndex("by_kind", (q) => q.eq("kind", kind))
        .collect()
    ).length,
});

export const manyRanges = queryGeneric({
  args: { ranges: v.number() },
  handler: async (ctx, { ranges }) => {
    for (let i = 0; i < ranges; i++) {
      await ctx.db
        .query("blobs")
        .withIndex("by_kind", (q) => q.eq("kind", `k${i}`))
        .first();
    }
    return ranges;
  },
});

export const noop = mutationGeneric({ args: {}, handler: async () => {} });

export const scheduleMany = mutationGeneric({
  args: { count: v.number() },
  handler: async (ctx, { count }) => {
    const noopRef = makeFunctionReference<"mutation">("limits:noop");
    for (let i = 0; i < count; i++) await ctx.scheduler.runAfter(60_000, noopRef, {});
  },
});

export const insertBody = mutationGeneric({
  args: { bytes: v.number() },
  handler: async (ctx, { bytes }) =>
    await ctx.db.insert("blobs", { kind: "one", body: "x".repeat(bytes) }),
});

export const insertNested = mutationGeneric({
  args: { depth: v.number() },
  handler: async (ctx, { depth }) => {
    // The document is one level; `depth - 1` nested arrays make it `depth` deep.
    let body: unknown = "x";
    for (let i = 1; i < depth; i++) body = [body];
    return await ctx.db.insert("nested", { body });
  },
});
