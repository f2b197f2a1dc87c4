import { v } from "convex/values";
import { internalQuery, mutation, query } from "./_generated/server";

export const send = mutation({
  args: { channel: v.string(), author: v.string(), body: v.string() },
  returns: v.id("messages"),
  handler: (ctx, args) => ctx.db.insert("messages", args),
});

/** Many messages with one body, for the search result cap. */
export const seed = mutation({
  args: { channel: v.string(), body: v.string(), count: v.number() },
  handler: async (ctx, { channel, body, count }) => {
    for (let i = 0; i < count; i++) {
      await ctx.db.insert("messages", { channel, author: "seed", body });
    }
  },
});

export const list = query({
  args: { channel: v.string() },
  handler: (ctx, { channel }) =>
    ctx.db
      .query("messages")
      .withIndex("by_channel", (q) => q.eq("channel", channel))
      .take(100),
});

export const get = query({
  args: { id: v.id("messages") },
  handler: (ctx, { id }) => ctx.db.get(id),
});

export const search = query({
  args: { text: v.string(), channel: v.optional(v.string()), limit: v.optional(v.number()) },
  handler: async (ctx, { text, channel, limit }) => {
    const results = await ctx.db
      .query("messages")
      .withSearchIndex("search_body", (q) =>
        channel === undefined
          ? q.search("body", text)
          : q.search("body", text).eq("channel", channel),
      )
      .take(limit ?? 2000);
    return results.map((message) => message.body);
  },
});

/** Declares a string result but answers a number: a returns-validator failure. */
export const wrongReturn = query({
  args: {},
  returns: v.string(),
  handler: () => 42 as unknown as string,
});

export const secret = internalQuery({
  args: {},
  handler: () => "internal",
});
