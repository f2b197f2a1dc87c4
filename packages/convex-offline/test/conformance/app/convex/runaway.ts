// Functions that never finish on their own, for the execution time limit. Each keeps calling
// into Convex (the database, a timer): a loop that never does is not caught (see the README).
import { v } from "convex/values";
import { api } from "./_generated/api";
import { action, mutation, query } from "./_generated/server";

async function forever(ctx: { db: { normalizeId(table: "messages", id: string): unknown } }) {
  for (;;) {
    ctx.db.normalizeId("messages", "not-an-id");
    await Promise.resolve();
  }
}

export const spin = query({
  args: {},
  handler: async (ctx) => {
    await forever(ctx);
  },
});

/** Writes a message, then never finishes: the write must never commit. */
export const writeThenSpin = mutation({
  args: { channel: v.string() },
  handler: async (ctx, { channel }) => {
    await ctx.db.insert("messages", { channel, author: "runaway", body: "never committed" });
    await forever(ctx);
  },
});

/** Waits `ms`, then writes a message. */
export const sleepThenWrite = action({
  args: { channel: v.string(), ms: v.number() },
  handler: async (ctx, { channel, ms }) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await ctx.runMutation(api.messages.send, { channel, author: "late", body: "after sleep" });
  },
});
