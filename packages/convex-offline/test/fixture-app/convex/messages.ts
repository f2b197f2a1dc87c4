import { ConvexError, v } from "convex/values";
import { internalMutation, mutation, query } from "./_generated/server";

export const list = query({
  args: { channel: v.string() },
  handler: async (ctx, { channel }) => {
    return await ctx.db
      .query("messages")
      .withIndex("by_channel", (q) => q.eq("channel", channel))
      .collect();
  },
});

export const send = mutation({
  args: { channel: v.string(), author: v.string(), body: v.string() },
  handler: async (ctx, args) => await ctx.db.insert("messages", args),
});

export const sendInternal = internalMutation({
  args: { channel: v.string(), body: v.string() },
  handler: async (ctx, { channel, body }) =>
    await ctx.db.insert("messages", { channel, body, author: "internal" }),
});

export const fail = mutation({
  args: { n: v.int64() },
  handler: (_ctx, { n }) => {
    throw new ConvexError({ code: "NOPE", n });
  },
});

export const failQuery = query({
  args: {},
  handler: () => {
    throw new ConvexError({ code: "QUERY_NOPE" });
  },
});

export const count = query({
  args: { channel: v.string() },
  handler: async (ctx, { channel }) =>
    (
      await ctx.db
        .query("messages")
        .withIndex("by_channel", (q) => q.eq("channel", channel))
        .collect()
    ).length,
});

export const whoami = query({
  args: {},
  handler: async (ctx) => (await ctx.auth.getUserIdentity())?.subject ?? null,
});

export const noisy = query({
  args: {},
  handler: () => {
    console.log("hello from a query", { n: 1 });
    console.warn("careful");
    return "done";
  },
});

/** Reads the identity and the channel: its result is per caller. */
export const countForViewer = query({
  args: { channel: v.string() },
  handler: async (ctx, { channel }) => {
    const viewer = (await ctx.auth.getUserIdentity())?.subject ?? null;
    const messages = await ctx.db
      .query("messages")
      .withIndex("by_channel", (q) => q.eq("channel", channel))
      .take(100);
    return { viewer, count: messages.length };
  },
});
