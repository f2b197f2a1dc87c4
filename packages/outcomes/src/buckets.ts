// Track-record statistics from per-period summaries ("buckets") instead of every trade: what the
// stored rollups hold. A bucket is a summary of the trades of one period (a UTC day) that combines
// with the buckets after it into exactly what trackRecord computes over all their trades — counts
// and sums add, and the maximum drawdown combines from each bucket's own peak, trough and drawdown.
// Sums are kept in integer millionths (R and % are rounded to 1e-6), so adding them is exact.
import { round } from "./result.js";
import { outcomeOf, type ClosedTrade, type MonthRow, type TrackRecord } from "./stats.js";

export type StatsBucket = {
  trades: number;
  wins: number;
  losses: number;
  rTrades: number;
  rWins: number;
  rLosses: number;
  /** Millionths of R, summed over the trades with an R (and over their wins, their losses). */
  sumR: number;
  sumWinR: number;
  sumLossR: number;
  /** Millionths of a percent, over every trade. */
  sumPct: number;
  /** Highest and lowest cumulative R reached inside the period, from 0 at its start (millionths). */
  peakR: number;
  troughR: number;
  /** Largest fall from a peak inside the period, the peak starting at 0 (millionths). */
  drawdownR: number;
  /** Closing time of the period's last trade with an R: where its chart point goes. */
  lastRAt: number | null;
};

export type DatedBucket = { day: number; bucket: StatsBucket };

/** The record without per-trade chart points: one cumulative point per period with an R trade. */
export type BucketRecord = Omit<TrackRecord, "cumulativeR"> & {
  cumulativeR: { at: number; cumulative: number }[];
};

const micro = (value: number) => Math.round(value * 1e6);
const unmicro = (value: number) => round(value / 1e6);

export const EMPTY_BUCKET: StatsBucket = {
  trades: 0,
  wins: 0,
  losses: 0,
  rTrades: 0,
  rWins: 0,
  rLosses: 0,
  sumR: 0,
  sumWinR: 0,
  sumLossR: 0,
  sumPct: 0,
  peakR: 0,
  troughR: 0,
  drawdownR: 0,
  lastRAt: null,
};

/** Same order as trackRecord: closing time, then id. */
function byClosing(a: ClosedTrade, b: ClosedTrade): number {
  return a.closedAt - b.closedAt || a.id.localeCompare(b.id);
}

/** The summary of one period's trades. */
export function bucketOf(input: ClosedTrade[]): StatsBucket {
  const b = { ...EMPTY_BUCKET };
  let cumulative = 0;
  for (const t of [...input].sort(byClosing)) {
    b.trades++;
    const o = outcomeOf(t);
    if (o === "win") b.wins++;
    else if (o === "loss") b.losses++;
    b.sumPct += micro(t.pct);
    if (t.r === undefined) continue;
    const r = micro(t.r);
    b.rTrades++;
    b.sumR += r;
    if (r > 0) {
      b.rWins++;
      b.sumWinR += r;
    } else if (r < 0) {
      b.rLosses++;
      b.sumLossR += r;
    }
    cumulative += r;
    b.peakR = Math.max(b.peakR, cumulative);
    b.troughR = Math.min(b.troughR, cumulative);
    b.drawdownR = Math.max(b.drawdownR, b.peakR - cumulative);
    b.lastRAt = t.closedAt;
  }
  return b;
}

function monthOf(day: number): string {
  return new Date(day).toISOString().slice(0, 7);
}

/** The statistics of consecutive periods' buckets (any order in; combined by `day`). */
export function recordFromBuckets(input: DatedBucket[]): BucketRecord {
  const days = [...input].sort((a, b) => a.day - b.day);
  const total = { ...EMPTY_BUCKET };
  let cumulative = 0;
  let peak = 0;
  let maxDrawdown = 0;
  const cumulativeR: { at: number; cumulative: number }[] = [];
  const months = new Map<string, { trades: number; wins: number; sumR: number; sumPct: number }>();
  for (const { day, bucket: b } of days) {
    for (const key of [
      "trades",
      "wins",
      "losses",
      "rTrades",
      "rWins",
      "rLosses",
      "sumR",
      "sumWinR",
      "sumLossR",
      "sumPct",
    ] as const) {
      total[key] += b[key];
    }
    // A fall inside the period, or from an earlier peak to the period's lowest point.
    maxDrawdown = Math.max(maxDrawdown, b.drawdownR, peak - (cumulative + b.troughR));
    peak = Math.max(peak, cumulative + b.peakR);
    cumulative += b.sumR;
    if (b.lastRAt !== null) cumulativeR.push({ at: b.lastRAt, cumulative: unmicro(cumulative) });
    if (b.trades > 0) {
      const month = months.get(monthOf(day)) ?? { trades: 0, wins: 0, sumR: 0, sumPct: 0 };
      month.trades += b.trades;
      month.wins += b.wins;
      month.sumR += b.sumR;
      month.sumPct += b.sumPct;
      months.set(monthOf(day), month);
    }
  }
  const mean = (sum: number, count: number) => (count === 0 ? null : round(sum / 1e6 / count));
  const averageWinR = mean(total.sumWinR, total.rWins);
  const averageLossR = mean(total.sumLossR, total.rLosses);
  const monthly: MonthRow[] = [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({
      month,
      trades: m.trades,
      wins: m.wins,
      winRate: round(m.wins / m.trades),
      totalR: unmicro(m.sumR),
      totalPct: unmicro(m.sumPct),
    }));
  return {
    trades: total.trades,
    wins: total.wins,
    losses: total.losses,
    breakeven: total.trades - total.wins - total.losses,
    winRate: total.trades === 0 ? null : round(total.wins / total.trades),
    rTrades: total.rTrades,
    totalR: unmicro(total.sumR),
    averageR: mean(total.sumR, total.rTrades),
    averageWinR,
    averageLossR,
    expectancyR:
      total.rTrades === 0
        ? null
        : round(
            (total.rWins / total.rTrades) * (averageWinR ?? 0) -
              (total.rLosses / total.rTrades) * Math.abs(averageLossR ?? 0),
          ),
    maxDrawdownR: unmicro(maxDrawdown),
    totalPct: unmicro(total.sumPct),
    averagePct: mean(total.sumPct, total.trades),
    cumulativeR,
    monthly,
  };
}
