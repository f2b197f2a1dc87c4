import { v } from "convex/values";
import { internalQuery } from "./_generated/server";
import { outcomeOf } from "./model/outcomes/trackerWork";
import { vClaimVerdict, vTrackStatus } from "./tables/outcomes";
import { adminQuery } from "./functions";

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

const MAX_DISCREPANCIES = 50;

/**
 * Admin console: the newest analyst claims the market contradicts ("TP3 hit" after a stop,
 * "+400 %" the market never offered), with the signal's outcome and whether it was deleted.
 */
export const discrepancies = adminQuery({
  args: { limit: v.optional(v.number()) },
  returns: v.array(
    v.object({
      claimId: v.id("outcomeClaims"),
      signalId: v.id("signals"),
      followUpId: v.id("signals"),
      claimAt: v.number(),
      claim: v.string(),
      verdict: vClaimVerdict,
      detail: v.string(),
      pair: v.optional(v.string()),
      tierKey: v.optional(v.string()),
      status: v.optional(vTrackStatus),
      signalDeletedAt: v.optional(v.number()),
    }),
  ),
  handler: async (ctx, { limit }) => {
    const take = Math.min(Math.max(1, Math.floor(limit ?? 20)), MAX_DISCREPANCIES);
    const claims = await ctx.db
      .query("outcomeClaims")
      .withIndex("by_verdict_and_claim_at", (q) => q.eq("verdict", "contradicted"))
      .order("desc")
      .take(take);
    const rows = [];
    for (const c of claims) {
      const signal = await ctx.db.get("signals", c.signalId);
      const outcome = await outcomeOf(ctx, c.signalId);
      rows.push({
        claimId: c._id,
        signalId: c.signalId,
        followUpId: c.followUpId,
        claimAt: c.claimAt,
        claim: c.claim,
        verdict: c.verdict,
        detail: c.detail,
        ...(signal?.pair === undefined ? {} : { pair: signal.pair }),
        ...(signal === null ? {} : { tierKey: signal.tierKey }),
        ...(outcome === null ? {} : { status: outcome.status }),
        ...(signal?.deletedAt === undefined ? {} : { signalDeletedAt: signal.deletedAt }),
      });
    }
    return rows;
  },
});
