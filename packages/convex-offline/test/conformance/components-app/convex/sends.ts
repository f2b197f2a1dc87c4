import { HOUR, RateLimiter } from "@convex-dev/rate-limiter";
import { v } from "convex/values";
import { components } from "./_generated/api";
import { mutation, query } from "./_generated/server";

/** A short refill time so the test sees the bucket refill on its own. */
export const BURST_REFILL_MS = 1500;

// Token buckets: whether a call is allowed depends on the time since the last one only, so a
// slow machine cannot move a window boundary under the test.
const rateLimiter = new RateLimiter(components.rateLimiter, {
  send: { kind: "token bucket", rate: 3, period: HOUR, capacity: 3 },
  burst: { kind: "token bucket", rate: 1, period: BURST_REFILL_MS, capacity: 1 },
});

const result = v.object({ ok: v.boolean(), retryAfter: v.optional(v.number()) });

export const send = mutation({
  args: { user: v.string() },
  returns: result,
  handler: async (ctx, { user }) => {
    const { ok, retryAfter } = await rateLimiter.limit(ctx, "send", { key: user });
    return retryAfter === undefined ? { ok } : { ok, retryAfter };
  },
});

/** Takes `times` tokens one after another in one transaction. */
export const burst = mutation({
  args: { user: v.string(), times: v.number() },
  returns: v.array(result),
  handler: async (ctx, { user, times }) => {
    const results = [];
    for (let i = 0; i < times; i++) {
      const { ok, retryAfter } = await rateLimiter.limit(ctx, "burst", { key: user });
      results.push(retryAfter === undefined ? { ok } : { ok, retryAfter });
    }
    return results;
  },
});

export const reset = mutation({
  args: { user: v.string() },
  returns: v.null(),
  handler: async (ctx, { user }) => {
    await rateLimiter.reset(ctx, "send", { key: user });
    return null;
  },
});

export const addNote = mutation({
  args: { note: v.string() },
  returns: v.id("rateLimits"),
  handler: (ctx, { note }) => ctx.db.insert("rateLimits", { note }),
});

/** The app's own rateLimits table, which shares its name with the component's. */
export const notes = query({
  args: {},
  returns: v.array(v.string()),
  handler: async (ctx) => (await ctx.db.query("rateLimits").take(100)).map((doc) => doc.note),
});
