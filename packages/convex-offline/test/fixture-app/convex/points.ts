// Generic index-range queries for the differential test against stock convex-test.
import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";
import { type QueryCtx, mutation, query } from "./_generated/server";

const bound = v.object({
  op: v.union(v.literal("gt"), v.literal("gte"), v.literal("lt"), v.literal("lte")),
  value: v.any(),
});
const rangeArgs = {
  eqA: v.optional(v.object({ value: v.any() })),
  lower: v.optional(bound),
  upper: v.optional(bound),
  order: v.union(v.literal("asc"), v.literal("desc")),
};

type Bound = { op: "gt" | "gte" | "lt" | "lte"; value: unknown };
type RangeArgs = { eqA?: { value: unknown }; lower?: Bound; upper?: Bound; order: "asc" | "desc" };

function build(ctx: QueryCtx, args: RangeArgs) {
  return ctx.db
    .query("points")
    .withIndex("by_a_b", (q) => {
      // The builder's types don't allow dynamic chains; this is a test-only generic query.
      type Chain = {
        eq(f: string, v: unknown): Chain;
        gt(f: string, v: unknown): Chain;
        gte(f: string, v: unknown): Chain;
        lt(f: string, v: unknown): Chain;
        lte(f: string, v: unknown): Chain;
      };
      let chain = q as unknown as Chain;
      const field = args.eqA !== undefined ? "b" : "a";
      if (args.eqA !== undefined) chain = chain.eq("a", args.eqA.value);
      if (args.lower !== undefined) chain = chain[args.lower.op](field, args.lower.value);
      if (args.upper !== undefined) chain = chain[args.upper.op](field, args.upper.value);
      return chain as unknown as typeof q;
    })
    .order(args.order);
}

export const insertMany = mutation({
  args: { points: v.array(v.object({ a: v.any(), b: v.number() })) },
  handler: async (ctx, { points }) => {
    for (const point of points) await ctx.db.insert("points", point);
  },
});

export const range = query({
  args: { ...rangeArgs, take: v.optional(v.number()) },
  handler: async (ctx, args) => {
    const q = build(ctx, args);
    const rows = args.take === undefined ? await q.collect() : await q.take(args.take);
    return rows.map((row) => ({ a: row.a as unknown, b: row.b }));
  },
});

export const page = query({
  args: { ...rangeArgs, paginationOpts: paginationOptsValidator },
  handler: async (ctx, args) => {
    const result = await build(ctx, args).paginate(args.paginationOpts);
    return {
      page: result.page.map((row) => ({ a: row.a as unknown, b: row.b })),
      isDone: result.isDone,
      continueCursor: result.continueCursor,
    };
  },
});
