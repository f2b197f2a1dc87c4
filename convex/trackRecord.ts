import { v } from "convex/values";
import { publicQuery, viewerQuery } from "./functions";
import { resolveFeedAccess, vLocked } from "./model/feedAccess";
import {
  closedTrades,
  publicCutoff,
  statsOf,
  trackRecordDelayHours,
  vRecordStats,
} from "./model/trackRecordRead";
import { vTrackStatus } from "./tables/outcomes";
import { vSide } from "./tables/signals";

const vTradeRow = v.object({
  signalId: v.id("signals"),
  pair: v.optional(v.string()),
  side: vSide,
  sourceChannelId: v.string(),
  status: vTrackStatus,
  closedAt: v.number(),
  r: v.optional(v.number()),
  pct: v.number(),
});

/**
 * The performance page: verified statistics of one of the viewer's tiers (the first unless one is
 * asked for), optionally one channel and one side, over closing times in [from, to], with the
 * trades behind them so every number can list its signals. Gated like the feed: without access
 * it is locked and carries nothing.
 */
export const performance = viewerQuery({
  args: {
    tierKey: v.optional(v.string()),
    channelId: v.optional(v.string()),
    side: v.optional(vSide),
    from: v.optional(v.number()),
    to: v.optional(v.number()),
  },
  returns: v.union(
    vLocked,
    v.object({
      locked: v.literal(false),
      tierKey: v.string(),
      stats: vRecordStats,
      trades: v.array(vTradeRow),
    }),
  ),
  handler: async (ctx, args) => {
    const gate = await resolveFeedAccess(ctx, args.tierKey);
    if (gate.locked) return gate;
    const tierKey = gate.tiers[0] ?? "";
    const { rows, truncated } = await closedTrades(ctx, {
      tierKey,
      ...(args.channelId === undefined ? {} : { channelId: args.channelId }),
      ...(args.side === undefined ? {} : { side: args.side }),
      from: args.from ?? 0,
      to: args.to ?? Number.MAX_SAFE_INTEGER,
    });
    return {
      locked: false as const,
      tierKey,
      stats: statsOf(rows, truncated),
      trades: rows.map((r) => ({
        signalId: r.signalId,
        ...(r.pair === undefined ? {} : { pair: r.pair }),
        side: r.side,
        sourceChannelId: r.sourceChannelId,
        status: r.status,
        closedAt: r.closedAt,
        ...(r.r === undefined ? {} : { r: r.r }),
        pct: r.pct,
      })),
    };
  },
});

/**
 * The public track record on the landing page: every tier's trades that closed before the delay
 * (TRACK_RECORD_DELAY_HOURS, default 24 h), as aggregates only — no signal, pair, id or level,
 * so it gives away no live call — plus how many of those signals the analysts deleted or edited.
 */
export const publicRecord = publicQuery({
  args: {},
  returns: v.object({
    delayHours: v.number(),
    through: v.number(),
    stats: vRecordStats,
    deletedSignals: v.number(),
    editedSignals: v.number(),
  }),
  handler: async (ctx) => {
    const delayHours = trackRecordDelayHours();
    const through = publicCutoff(Date.now(), delayHours);
    const { rows, truncated } = await closedTrades(ctx, { from: 0, to: through });
    let deletedSignals = 0;
    let editedSignals = 0;
    for (const row of rows) {
      const signal = await ctx.db.get("signals", row.signalId);
      // Deleted or edited at any time counts: deleting a loser later does not hide it.
      if (signal?.deletedAt !== undefined || signal === null) deletedSignals++;
      if (signal?.editedAt !== undefined) editedSignals++;
    }
    return { delayHours, through, stats: statsOf(rows, truncated), deletedSignals, editedSignals };
  },
});
