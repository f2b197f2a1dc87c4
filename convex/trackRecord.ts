import { v } from "convex/values";
import { publicQuery, viewerQuery } from "./functions";
import { resolveFeedAccess, vLocked } from "./model/feed/feedAccess";
import {
  publicCutoff,
  recordFromRollups,
  trackRecordDelayHours,
  tradesBehind,
  vRecordStats,
} from "./model/outcomes/trackRecordRead";
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
 * asked for), optionally one channel and one side, over closing times in [from, to] — from the
 * daily rollups, so the cost follows the days, not the trades — and, when `show` names one of its
 * numbers ("wins", "month:2026-03", …), the trades behind it. Gated like the feed: without access
 * it is locked and carries nothing.
 */
export const performance = viewerQuery({
  args: {
    tierKey: v.optional(v.string()),
    channelId: v.optional(v.string()),
    side: v.optional(vSide),
    from: v.optional(v.number()),
    to: v.optional(v.number()),
    show: v.optional(v.string()),
  },
  returns: v.union(
    vLocked,
    v.object({
      locked: v.literal(false),
      tierKey: v.string(),
      stats: vRecordStats,
      trades: v.array(vTradeRow),
      /** More trades are behind the number than listed. */
      tradesTruncated: v.boolean(),
    }),
  ),
  handler: async (ctx, args) => {
    const gate = await resolveFeedAccess(ctx, args.tierKey);
    if (gate.locked) return gate;
    const tierKey = gate.tiers[0] ?? "";
    const filters = {
      tierKey,
      ...(args.channelId === undefined ? {} : { channelId: args.channelId }),
      ...(args.side === undefined ? {} : { side: args.side }),
      from: args.from ?? 0,
      to: args.to ?? Number.MAX_SAFE_INTEGER,
    };
    const { stats } = await recordFromRollups(ctx, filters);
    const behind =
      args.show === undefined
        ? { rows: [], truncated: false }
        : await tradesBehind(ctx, filters, args.show);
    return {
      locked: false as const,
      tierKey,
      stats,
      trades: behind.rows.map((r) => ({
        signalId: r.signalId,
        ...(r.pair === undefined ? {} : { pair: r.pair }),
        side: r.side,
        sourceChannelId: r.sourceChannelId,
        status: r.status,
        closedAt: r.closedAt,
        ...(r.r === undefined ? {} : { r: r.r }),
        pct: r.pct,
      })),
      tradesTruncated: behind.truncated,
    };
  },
});

/**
 * The public track record on the landing page: every tier's trades that closed before the delay
 * (the admin's site setting, else TRACK_RECORD_DELAY_HOURS, else 24 h), as aggregates only — no signal, pair, id or level,
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
    const delayHours = await trackRecordDelayHours(ctx);
    const through = publicCutoff(Date.now(), delayHours);
    // Deleted or edited at any time counts (the trades carry the flags): deleting a loser later
    // does not hide it.
    const { stats, deletedSignals, editedSignals } = await recordFromRollups(ctx, {
      from: 0,
      to: through,
    });
    return { delayHours, through, stats, deletedSignals, editedSignals };
  },
});
