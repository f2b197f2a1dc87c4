import { outcomeOf, recordFromBuckets, type BucketRecord } from "@g3/outcomes";
import { v } from "convex/values";
import type { Doc } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";
import { optionalEnv } from "../shared/env";
import { siteSetting } from "../business/siteSettings";
import {
  DAY_MS,
  MAX_DAY_TRADES,
  dayOf,
  dayStatsOf,
  scopeKey,
  toClosedTrade,
  type DayStats,
} from "./outcomeRollups";

/** At most this many days of rollups feed one view (about three years of daily closes). */
export const MAX_RECORD_DAYS = 1100;
/** The trades listed behind a number: the newest this many of the selection… */
export const MAX_TRADES_BEHIND = 100;
/** …found among at most this many of the newest trades in the period. */
const MAX_TRADES_SCANNED = 500;

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

/**
 * Closed trades in [from, to] by closing time, newest first, through the narrowest index: at most
 * `limit` read (`truncated` when there were more).
 */
export async function closedTrades(
  ctx: QueryCtx,
  f: TradeFilters,
  limit: number,
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
  const read = await ranged.order("desc").take(limit + 1);
  const truncated = read.length > limit;
  // A channel's rows are narrowed to the tier asked for, and by side: both within the bound read.
  const rows = read
    .slice(0, limit)
    .filter(
      (r) => (tierKey === undefined || r.tierKey === tierKey) && (f.side ?? r.side) === r.side,
    );
  return { rows, truncated };
}

type RecordPart = { day: number; stats: DayStats; truncated: boolean };

/** The trades of [from, to] within one day (a period's first or last, not whole), summarised. */
async function partialDay(ctx: QueryCtx, f: TradeFilters): Promise<RecordPart> {
  const { rows, truncated } = await closedTrades(ctx, f, MAX_DAY_TRADES);
  return { day: dayOf(f.from), stats: dayStatsOf(rows), truncated };
}

/**
 * The statistics of a view from its daily rollups: whole days from outcomeStatsDays (one row per
 * day with trades), and a period's first and last day, when they are cut (the public record's
 * hour, a period starting mid-day), from that day's trades. Reads at most MAX_RECORD_DAYS rollups
 * and two days of trades, however many trades the period holds.
 */
export async function recordFromRollups(ctx: QueryCtx, f: TradeFilters) {
  const firstDay = dayOf(f.from);
  const lastDay = dayOf(f.to);
  const cutHead = f.from > firstDay;
  const cutTail = f.to < lastDay + DAY_MS - 1;
  const parts: RecordPart[] = [];
  let wholeFrom = firstDay;
  let wholeTo = lastDay;
  if (firstDay === lastDay && (cutHead || cutTail)) {
    parts.push(await partialDay(ctx, f));
    wholeTo = wholeFrom - DAY_MS; // no whole day
  } else {
    if (cutHead) {
      parts.push(await partialDay(ctx, { ...f, to: firstDay + DAY_MS - 1 }));
      wholeFrom = firstDay + DAY_MS;
    }
    if (cutTail) {
      parts.push(await partialDay(ctx, { ...f, from: lastDay }));
      wholeTo = lastDay - DAY_MS;
    }
  }
  let daysTruncated = false;
  if (wholeFrom <= wholeTo) {
    const scope = scopeKey(f);
    const days = await ctx.db
      .query("outcomeStatsDays")
      .withIndex("by_scope_and_day", (q) =>
        q.eq("scope", scope).gte("day", wholeFrom).lte("day", wholeTo),
      )
      .order("desc")
      .take(MAX_RECORD_DAYS + 1);
    daysTruncated = days.length > MAX_RECORD_DAYS;
    for (const row of days.slice(0, MAX_RECORD_DAYS)) {
      parts.push({ day: row.day, stats: row, truncated: row.partial });
    }
  }
  const record: BucketRecord = recordFromBuckets(
    parts.map((p) => ({ day: p.day, bucket: p.stats })),
  );
  return {
    stats: { ...record, truncated: daysTruncated || parts.some((p) => p.truncated) },
    deletedSignals: parts.reduce((n, p) => n + p.stats.deletedSignals, 0),
    editedSignals: parts.reduce((n, p) => n + p.stats.editedSignals, 0),
  };
}

/**
 * The trades behind one number of the performance page (`show`: "all", "wins", "losses",
 * "breakeven" or "month:2026-03"), newest first: the newest MAX_TRADES_BEHIND of them among the
 * period's newest MAX_TRADES_SCANNED trades (`truncated` when the list may be incomplete).
 */
export async function tradesBehind(ctx: QueryCtx, f: TradeFilters, show: string) {
  const month = /^month:(\d{4})-(\d{2})$/.exec(show);
  const range =
    month === null
      ? f
      : {
          ...f,
          from: Math.max(f.from, Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)),
          to: Math.min(f.to, Date.UTC(Number(month[1]), Number(month[2]), 1) - 1),
        };
  if (range.from > range.to) return { rows: [], truncated: false };
  const { rows, truncated } = await closedTrades(ctx, range, MAX_TRADES_SCANNED);
  const verdict = { wins: "win", losses: "loss", breakeven: "breakeven" }[show];
  const matching = rows.filter(
    (r) => verdict === undefined || outcomeOf(toClosedTrade(r)) === verdict,
  );
  return {
    rows: matching.slice(0, MAX_TRADES_BEHIND),
    truncated: truncated || matching.length > MAX_TRADES_BEHIND,
  };
}

const HOUR_MS = 3_600_000;
export const DEFAULT_TRACK_RECORD_DELAY_HOURS = 24;

/**
 * How old a public trade must be, in hours: the admin's site setting, else the deployment's
 * TRACK_RECORD_DELAY_HOURS, else 24 (at least 1 either way).
 */
export async function trackRecordDelayHours(ctx: QueryCtx): Promise<number> {
  const setting = await siteSetting(ctx, "trackRecordDelayHours");
  const raw = Number(
    setting?.value ?? optionalEnv("TRACK_RECORD_DELAY_HOURS") ?? DEFAULT_TRACK_RECORD_DELAY_HOURS,
  );
  return Number.isFinite(raw) && raw >= 1 ? raw : DEFAULT_TRACK_RECORD_DELAY_HOURS;
}

/**
 * The newest closing time the public record includes: now minus the delay, rounded down to the
 * hour so every visitor in that hour shares one cached result.
 */
export function publicCutoff(now: number, delayHours: number): number {
  return Math.floor((now - delayHours * HOUR_MS) / HOUR_MS) * HOUR_MS;
}
