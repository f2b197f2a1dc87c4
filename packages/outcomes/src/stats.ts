// Track-record statistics over closed trades. Everything is in R (risk units) where a trade had
// a stop, and in % of the entry for all trades; leverage is shown apart, never folded in.
import { round } from "./result.js";

export type ClosedTrade = {
  id: string;
  closedAt: number;
  r?: number;
  pct: number;
};

export type MonthRow = {
  /** UTC month, "2026-03". */
  month: string;
  trades: number;
  wins: number;
  winRate: number;
  totalR: number;
  totalPct: number;
};

export type TrackRecord = {
  trades: number;
  wins: number;
  losses: number;
  breakeven: number;
  /** wins / trades; null without trades. */
  winRate: number | null;
  /** Trades that had a stop, so an R. */
  rTrades: number;
  totalR: number;
  averageR: number | null;
  averageWinR: number | null;
  averageLossR: number | null;
  /** winRate × average win − lossRate × |average loss|, over trades with an R. */
  expectancyR: number | null;
  /** Largest fall of cumulative R from a previous peak (starting at 0), as a positive number. */
  maxDrawdownR: number;
  totalPct: number;
  averagePct: number | null;
  /** One point per trade with an R, in closing order. */
  cumulativeR: { id: string; at: number; r: number; cumulative: number }[];
  monthly: MonthRow[];
};

/** A trade wins when it made money: R > 0, or % > 0 for a trade without a stop. */
export function outcomeOf(trade: ClosedTrade): "win" | "loss" | "breakeven" {
  const value = trade.r ?? trade.pct;
  return value > 0 ? "win" : value < 0 ? "loss" : "breakeven";
}

export function trackRecord(input: ClosedTrade[]): TrackRecord {
  const trades = [...input].sort((a, b) => a.closedAt - b.closedAt || a.id.localeCompare(b.id));
  let wins = 0;
  let losses = 0;
  for (const t of trades) {
    const o = outcomeOf(t);
    if (o === "win") wins++;
    else if (o === "loss") losses++;
  }
  const withR = trades.filter((t): t is ClosedTrade & { r: number } => t.r !== undefined);
  const rWins = withR.filter((t) => t.r > 0);
  const rLosses = withR.filter((t) => t.r < 0);
  // In integer millionths (R and % are rounded to 1e-6): exact, in any order, so statistics from
  // stored per-day sums (recordFromBuckets) come out the same to the last digit.
  const sum = (values: number[]) => values.reduce((a, b) => a + Math.round(b * 1e6), 0) / 1e6;
  const mean = (values: number[]) =>
    values.length === 0 ? null : round(sum(values) / values.length);
  const averageWinR = mean(rWins.map((t) => t.r));
  const averageLossR = mean(rLosses.map((t) => t.r));
  const expectancyR =
    withR.length === 0
      ? null
      : round(
          (rWins.length / withR.length) * (averageWinR ?? 0) -
            (rLosses.length / withR.length) * Math.abs(averageLossR ?? 0),
        );

  let cumulative = 0;
  let peak = 0;
  let maxDrawdownR = 0;
  const cumulativeR = withR.map((t) => {
    cumulative = round(cumulative + t.r);
    peak = Math.max(peak, cumulative);
    maxDrawdownR = Math.max(maxDrawdownR, round(peak - cumulative));
    return { id: t.id, at: t.closedAt, r: t.r, cumulative };
  });

  return {
    trades: trades.length,
    wins,
    losses,
    breakeven: trades.length - wins - losses,
    winRate: trades.length === 0 ? null : round(wins / trades.length),
    rTrades: withR.length,
    totalR: round(sum(withR.map((t) => t.r))),
    averageR: mean(withR.map((t) => t.r)),
    averageWinR,
    averageLossR,
    expectancyR,
    maxDrawdownR,
    totalPct: round(sum(trades.map((t) => t.pct))),
    averagePct: mean(trades.map((t) => t.pct)),
    cumulativeR,
    monthly: monthly(trades),
  };
}

function monthly(trades: ClosedTrade[]): MonthRow[] {
  const rows = new Map<string, MonthRow>();
  for (const t of trades) {
    const month = new Date(t.closedAt).toISOString().slice(0, 7);
    const row = rows.get(month) ?? {
      month,
      trades: 0,
      wins: 0,
      winRate: 0,
      totalR: 0,
      totalPct: 0,
    };
    row.trades++;
    if (outcomeOf(t) === "win") row.wins++;
    row.totalR = round(row.totalR + (t.r ?? 0));
    row.totalPct = round(row.totalPct + t.pct);
    row.winRate = round(row.wins / row.trades);
    rows.set(month, row);
  }
  return [...rows.values()].sort((a, b) => a.month.localeCompare(b.month));
}
