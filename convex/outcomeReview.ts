import { v } from "convex/values";
import { adminQuery } from "./functions";
import { signalWithRevisions } from "./model/outcomes/signalWithRevisions";
import { vTrackStatus } from "./tables/outcomes";

/** How many of the newest closed trades the deleted-after-the-stop list looks through. */
const SCAN_CLOSED_TRADES = 500;
const MAX_REVISIONS = 100;

/**
 * Admin console: losing trades whose signal was deleted after the market closed it — a caller
 * tidying up a loser. They still count in every statistic; this list is for the conversation.
 */
export const deletedLosers = adminQuery({
  args: {},
  returns: v.array(
    v.object({
      signalId: v.id("signals"),
      pair: v.optional(v.string()),
      tierKey: v.string(),
      status: vTrackStatus,
      closedAt: v.number(),
      deletedAt: v.number(),
      r: v.optional(v.number()),
      pct: v.number(),
    }),
  ),
  handler: async (ctx) => {
    const trades = await ctx.db
      .query("outcomeTrades")
      .withIndex("by_closed_at")
      .order("desc")
      .take(SCAN_CLOSED_TRADES);
    const rows = [];
    for (const trade of trades) {
      if ((trade.r ?? trade.pct) >= 0) continue;
      const signal = await ctx.db.get("signals", trade.signalId);
      if (signal?.deletedAt === undefined || signal.deletedAt < trade.closedAt) continue;
      rows.push({
        signalId: trade.signalId,
        ...(trade.pair === undefined ? {} : { pair: trade.pair }),
        tierKey: trade.tierKey,
        status: trade.status,
        closedAt: trade.closedAt,
        deletedAt: signal.deletedAt,
        ...(trade.r === undefined ? {} : { r: trade.r }),
        pct: trade.pct,
      });
    }
    return rows;
  },
});

/** Admin console: a signal's every version (oldest first) and its outcome events, whatever the tier. */
export const signalHistory = adminQuery({
  args: { signalId: v.id("signals") },
  returns: v.union(
    v.null(),
    v.object({
      pair: v.optional(v.string()),
      tierKey: v.string(),
      deletedAt: v.optional(v.number()),
      revisions: v.array(
        v.object({
          version: v.number(),
          change: v.union(v.literal("create"), v.literal("edit"), v.literal("delete")),
          at: v.number(),
          content: v.string(),
        }),
      ),
      events: v.array(
        v.object({ type: v.string(), at: v.number(), price: v.optional(v.number()) }),
      ),
    }),
  ),
  handler: async (ctx, { signalId }) => {
    const read = await signalWithRevisions(ctx, signalId, MAX_REVISIONS);
    if (read === null) return null;
    const { signal, revisions } = read;
    const events = await ctx.db
      .query("outcomeEvents")
      .withIndex("by_signal_and_seq", (q) => q.eq("signalId", signalId))
      .take(MAX_REVISIONS);
    return {
      ...(signal.pair === undefined ? {} : { pair: signal.pair }),
      tierKey: signal.tierKey,
      ...(signal.deletedAt === undefined ? {} : { deletedAt: signal.deletedAt }),
      revisions: revisions.map((r) => ({
        version: r.version,
        change: r.change,
        at: r.at,
        content: r.content,
      })),
      events: events.map((e) => ({
        type: e.type,
        at: e.at,
        ...(e.price === undefined ? {} : { price: e.price }),
      })),
    };
  },
});
