import { defineTable } from "convex/server";
import { v } from "convex/values";

/** Where a tracked signal stands (see packages/outcomes README for the rules). */
export const vTrackStatus = v.union(
  v.literal("waiting_entry"),
  v.literal("in_trade"),
  v.literal("stopped"),
  v.literal("targets_done"),
  v.literal("closed_by_analyst"),
  v.literal("expired"),
  v.literal("invalidated"),
  v.literal("cancelled"),
);

export const vOutcomeEventType = v.union(
  v.literal("entry_filled"),
  v.literal("target_hit"),
  v.literal("stop_hit"),
  v.literal("invalidated"),
  v.literal("expired"),
  v.literal("closed"),
  v.literal("partial_closed"),
  v.literal("stop_moved"),
  v.literal("cancelled"),
);

export const vOutcomeResult = v.object({
  r: v.optional(v.number()),
  pct: v.number(),
  leveragedPct: v.optional(v.number()),
});

export const vClaimVerdict = v.union(
  v.literal("confirmed"),
  v.literal("contradicted"),
  v.literal("pending"),
  v.literal("unverifiable"),
);

export const outcomeTables = {
  /**
   * One row per tracked signal: the tracker's resume point (`state`, JSON of @g3/outcomes'
   * TrackState, opaque here) and the summary the dashboard and statistics read. Written only
   * when the outcome changes, never per tick.
   */
  signalOutcomes: defineTable({
    signalId: v.id("signals"),
    tierKey: v.string(),
    sourceChannelId: v.string(),
    marketSymbol: v.string(), // "BTCUSDT"
    postedAt: v.number(),
    status: vTrackStatus,
    open: v.boolean(), // waiting_entry or in_trade: the tracker follows it
    signalVersion: v.number(), // the signal version whose levels the state has applied
    state: v.string(),
    eventCount: v.number(),
    targetsHit: v.number(),
    checkedThrough: v.number(),
    result: v.optional(vOutcomeResult),
    /**
     * An open trade's P&L marked at the price of its last state change (fill, target, stop moved,
     * checkpoint) and that price: the card's "in trade" figure. Not written per tick (see the
     * architecture doc, "Outcome status on cards").
     */
    openResult: v.optional(vOutcomeResult),
    markPrice: v.optional(v.number()),
    markedAt: v.optional(v.number()),
    closedAt: v.optional(v.number()),
    contradictedClaims: v.number(),
    updatedAt: v.number(),
  })
    .index("by_signal", ["signalId"])
    .index("by_open", ["open"]),

  /**
   * One narrow row per closed trade that counts in the statistics (it filled; invalidated,
   * cancelled and unfilled signals do not count), written where the outcome is recorded. The
   * performance page and the public track record read these instead of the outcome rows, which
   * carry the tracker's whole state. A deleted signal's trade stays.
   */
  outcomeTrades: defineTable({
    signalId: v.id("signals"),
    tierKey: v.string(),
    sourceChannelId: v.string(),
    side: v.union(v.literal("long"), v.literal("short")),
    pair: v.optional(v.string()),
    postedAt: v.number(),
    closedAt: v.number(),
    status: vTrackStatus,
    r: v.optional(v.number()),
    pct: v.number(),
    /** The signal was deleted, or edited, by its author (at any time): the public record counts them. */
    signalDeleted: v.optional(v.boolean()),
    signalEdited: v.optional(v.boolean()),
  })
    .index("by_signal", ["signalId"])
    .index("by_tier_and_closed_at", ["tierKey", "closedAt"])
    .index("by_channel_and_closed_at", ["sourceChannelId", "closedAt"])
    .index("by_closed_at", ["closedAt"]),

  /**
   * Rollups of outcomeTrades: one row per scope and UTC day with the summary @g3/outcomes'
   * recordFromBuckets combines into the statistics (counts, sums in millionths, the day's own
   * peak, trough and drawdown of cumulative R), so a view reads days, not trades. Rebuilt from
   * that day's trades in the mutation that changes one of them (model/outcomes/outcomeRollups.ts).
   * Scopes: "all", "tier:<key>", "tier:<key>|side:<side>", "tier:<key>|channel:<id>" and
   * "tier:<key>|channel:<id>|side:<side>".
   */
  outcomeStatsDays: defineTable({
    scope: v.string(),
    day: v.number(), // UTC midnight
    trades: v.number(),
    wins: v.number(),
    losses: v.number(),
    rTrades: v.number(),
    rWins: v.number(),
    rLosses: v.number(),
    sumR: v.number(),
    sumWinR: v.number(),
    sumLossR: v.number(),
    sumPct: v.number(),
    peakR: v.number(),
    troughR: v.number(),
    drawdownR: v.number(),
    lastRAt: v.union(v.number(), v.null()),
    deletedSignals: v.number(),
    editedSignals: v.number(),
    /** The day held more trades than one rebuild reads: its numbers cover the first of them. */
    partial: v.boolean(),
  }).index("by_scope_and_day", ["scope", "day"]),

  /** Append-only: what the market did to a signal, in order (`seq` from 0). */
  outcomeEvents: defineTable({
    signalId: v.id("signals"),
    seq: v.number(),
    type: vOutcomeEventType,
    at: v.number(),
    price: v.optional(v.number()),
    index: v.optional(v.number()), // entry or target number, 1-based
    detail: v.optional(v.string()),
    recordedAt: v.number(),
  }).index("by_signal_and_seq", ["signalId", "seq"]),

  /** An analyst's follow-up claim about a signal, checked against the market (latest verdict). */
  outcomeClaims: defineTable({
    signalId: v.id("signals"), // the signal the claim is about
    followUpId: v.id("signals"), // the follow-up message that claims it
    claimAt: v.number(),
    claim: v.string(), // "TP2 hit", "closed +23%"
    verdict: vClaimVerdict,
    detail: v.string(),
    updatedAt: v.number(),
  })
    .index("by_follow_up", ["followUpId"])
    .index("by_signal", ["signalId"])
    .index("by_verdict_and_claim_at", ["verdict", "claimAt"]),

  /**
   * Liveness of each tracker instance for the admin health panel, reported with every lease
   * renewal (every 10 s by default): whether it holds the lease, what it follows, how far behind
   * the market it runs.
   */
  trackerHeartbeats: defineTable({
    instanceId: v.string(),
    startedAt: v.number(),
    lastSeenAt: v.number(),
    active: v.boolean(),
    /** Market time of the newest trade received. */
    lastTradeAt: v.optional(v.number()),
    /** Received − market time of that trade. */
    lagMs: v.optional(v.number()),
    symbols: v.number(),
    openTracks: v.number(),
  }).index("by_instance", ["instanceId"]),

  /** The tracker's single lease (one instance follows the market at a time) and its discovery cursor. */
  trackerLeases: defineTable({
    key: v.string(), // "tracker"
    owner: v.optional(v.string()),
    expiresAt: v.number(),
    /** _creationTime of the last signal the tracker has looked at. */
    cursor: v.number(),
  }).index("by_key", ["key"]),
};
