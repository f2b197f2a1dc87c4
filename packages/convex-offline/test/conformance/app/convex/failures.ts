// Functions that fail on purpose: what clients receive for a thrown error, a ConvexError, an
// error thrown after an await in a helper, and arguments or results over Convex's size limits.
import { ConvexError, v } from "convex/values";
import { api } from "./_generated/api";
import { action, mutation, query } from "./_generated/server";

export const throws = mutation({
  args: {},
  handler: () => {
    throw new Error("boom"); // line asserted by errors.test.ts
  },
});

export const throwsConvexError = mutation({
  args: {},
  handler: () => {
    throw new ConvexError({ code: "NOT_ALLOWED", retryAt: 5n });
  },
});

async function failLater(): Promise<never> {
  await Promise.resolve();
  throw new TypeError("later");
}

export const throwsInHelper = query({
  args: {},
  handler: async () => {
    await failLater();
  },
});

/** Any payload; returns nothing. */
export const take = mutation({
  args: { payload: v.string() },
  handler: () => null,
});

/** A string of `size` bytes (ASCII). */
export const big = query({
  args: { size: v.number() },
  handler: (_ctx, { size }) => "x".repeat(size),
});

/** Nested calls over the limits: a too-large result, or too-large arguments. */
export const nestedTooLarge = action({
  args: { what: v.union(v.literal("result"), v.literal("args")), size: v.number() },
  handler: async (ctx, { what, size }) => {
    if (what === "result") await ctx.runQuery(api.failures.big, { size });
    else await ctx.runMutation(api.failures.take, { payload: "x".repeat(size) });
    return null;
  },
});

/** Logs a line and succeeds (its log lines reach clients unless errors are redacted). */
export const logs = query({
  args: {},
  handler: () => {
    console.log("visible in development");
    return null;
  },
});
