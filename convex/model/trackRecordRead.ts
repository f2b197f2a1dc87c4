import { trackRecord, type ClosedTrade, type TrackRecord } from "@g3/outcomes";
import { v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { optionalEnv } from "./env";

/**
 * At most this many closed trades feed one view of the statistics (newest first by closing
 * time); `truncated` says when a window held more, and the page asks for a shorter period.
 */
export const MAX_RECORD_TRADES = 2000;

const vMonth = v.object({
  month: v.string(),
  trades: v.number(),
  wins: v.number(),
  winRate: v.number(),
  totalR: v.number(),
  totalPct: v.number(),
});

/** The statistics of @g3/outcomes' trackRecord, without trade ids (the public record shows these). */
export const vRecordStats = v.object({
  trades: v.number(),
  wins: v.number(),
  losses: v.number(),
  breakeven: v.number(),
  winRate: v.union(v.number(), v.null()),
  rTrades: v.number(),
  totalR: v.number(),
  averageR: v.union(v.number(), v.null()),
  averageWinR: v.union(v.number(), v.null()),
  averageLossR: v.union(v.number(), v.null()),
  expectancyR: v.union(v.number(), v.null()),
  maxDrawdownR: v.number(),
  totalPct: v.number(),
  averagePct: v.union(v.number(), v.null()),
  cumulativeR: v.array(v.object({ at: v.number(), cumulative: v.number() })),
  monthly: v.array(vMonth),
  truncated: v.boolean(),
});

export type TradeFilters = {
  tierKey?: string;
  channelId?: string;
  side?: "long" | "short";
  from: number;
  to: number;
};

/** Closed trades in [from, to] by closing time, newest first, through the narrowest index. */
export async function closedTrades(
  ctx: QueryCtx,
  f: TradeFilters,
): Promise<{ rows: Doc<"outcomeTrades">[]; truncated: boolean }> {
  const base = ctx.db.query("outcomeTrades");
  const { channelId, tierKey } = f;
  const ranged =
    channelId !== undefined
      ? base.withIndex("by_channel_and_closed_at", (q) =>
          q.eq("sourceChannelId", channelId).gte("closedAt", f.from).lte("closedAt", f.to),
        )
      : tierKey !== undefined
        ? base.withIndex("by_tier_and_closed_at", (q) =>
            q.eq("tierKey", tierKey).gte("closedAt", f.from).lte("closedAt", f.to),
          )
        : base.withIndex("by_closed_at", (q) => q.gte("closedAt", f.from).lte("closedAt", f.to));
  const read = await ranged.order("desc").take(MAX_RECORD_TRADES + 1);
  const truncated = read.length > MAX_RECORD_TRADES;
  // A channel's rows are narrowed to the tier asked for, and by side: both within the bound read.
  const rows = read
    .slice(0, MAX_RECORD_TRADES)
    .filter(
      (r) => (tierKey === undefined || r.tierKey === tierKey) && (f.side ?? r.side) === r.side,
    );
  return { rows, truncated };
}

export function toClosedTrade(row: Doc<"outcomeTrades">): ClosedTrade {
  return {
    id: row.signalId,
    closedAt: row.closedAt,
    pct: row.pct,
    ...(row.r === undefined ? {} : { r: row.r }),
  };
}

/** The record's statistics without the ids of the trades behind them. */
export function statsOf(rows: Doc<"outcomeTrades">[], truncated: boolean) {
  const record: TrackRecord = trackRecord(rows.map(toClosedTrade));
  const { cumulativeR, ...rest } = record;
  return {
    ...rest,
    cumulativeR: cumulativeR.map((p) => ({ at: p.at, cumulative: p.cumulative })),
    truncated,
  };
}

const HOUR_MS = 3_600_000;
export const DEFAULT_TRACK_RECORD_DELAY_HOURS = 24;

/** TRACK_RECORD_DELAY_HOURS (default 24; at least 1): how old a public trade must be. */
export function trackRecordDelayHours(): number {
  const raw = Number(optionalEnv("TRACK_RECORD_DELAY_HOURS") ?? DEFAULT_TRACK_RECORD_DELAY_HOURS);
  return Number.isFinite(raw) && raw >= 1 ? raw : DEFAULT_TRACK_RECORD_DELAY_HOURS;
}

/**
 * The newest closing time the public record includes: now minus the delay, rounded down to the
 * hour so every visitor in that hour shares one cached result.
 */
export function publicCutoff(now: number, delayHours: number): number {
  return Math.floor((now - delayHours * HOUR_MS) / HOUR_MS) * HOUR_MS;
}
