import { v } from "convex/values";
import { internalQuery } from "./_generated/server";
import { outcomeOf } from "./model/trackerWork";

const MAX_EVENTS = 100;
const MAX_CLAIMS = 50;

/**
 * Everything recorded about one signal's outcome: the summary row, its events in order and the
 * claims checked. Internal: the dashboard's gated queries and the admin console build on it.
 */
export const detail = internalQuery({
  args: { signalId: v.id("signals") },
  handler: async (ctx, { signalId }) => {
    const outcome = await outcomeOf(ctx, signalId);
    const events = await ctx.db
      .query("outcomeEvents")
      .withIndex("by_signal_and_seq", (q) => q.eq("signalId", signalId))
      .take(MAX_EVENTS);
    const claims = await ctx.db
      .query("outcomeClaims")
      .withIndex("by_signal", (q) => q.eq("signalId", signalId))
      .take(MAX_CLAIMS);
    return { outcome, events, claims };
  },
});
