// Statistics from per-day buckets must be exactly the statistics of the trades themselves.
import { describe, expect, it } from "vitest";
import {
  bucketOf,
  recordFromBuckets,
  trackRecord,
  type ClosedTrade,
  type DatedBucket,
} from "../src/index.js";

const DAY = 86_400_000;

/** Seeded, repeatable uniform numbers in [0, 1) (a 32-bit LCG is enough for test data). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomTrades(seed: number, count: number): ClosedTrade[] {
  const random = lcg(seed);
  const start = Date.UTC(2026, 0, 28);
  return Array.from({ length: count }, (_, i) => {
    const pct = Math.round((random() * 20 - 8) * 1e4) / 1e4;
    const noStop = random() < 0.15;
    const breakeven = random() < 0.05;
    return {
      id: `t${String(i).padStart(4, "0")}`,
      // A few trades share a closing time: the id orders them.
      closedAt: start + Math.floor(random() * 70) * DAY + Math.floor(random() * 4) * 3_600_000,
      pct: breakeven ? 0 : pct,
      ...(noStop ? {} : { r: breakeven ? 0 : Math.round((pct / 2.5) * 1e6) / 1e6 }),
    };
  });
}

function byDay(trades: ClosedTrade[]): DatedBucket[] {
  const days = new Map<number, ClosedTrade[]>();
  for (const t of trades) {
    const day = Math.floor(t.closedAt / DAY) * DAY;
    days.set(day, [...(days.get(day) ?? []), t]);
  }
  return [...days.entries()].map(([day, rows]) => ({ day, bucket: bucketOf(rows) }));
}

describe("statistics from day buckets", () => {
  it.each([1, 2, 3, 42, 2026])("equal the statistics of the trades (seed %i)", (seed) => {
    const trades = randomTrades(seed, 400);
    const fromTrades = trackRecord(trades);
    const fromBuckets = recordFromBuckets(byDay(trades));
    const { cumulativeR, ...rest } = fromTrades;
    expect(fromBuckets).toEqual({
      ...rest,
      // One point per day: the cumulative R after that day's last trade with an R.
      cumulativeR: [...new Map(cumulativeR.map((p) => [Math.floor(p.at / DAY), p])).values()].map(
        (p) => ({ at: p.at, cumulative: p.cumulative }),
      ),
    });
  });

  it("finds a drawdown whose peak and trough are on different days, and one inside a day", () => {
    const at = (d: number, h: number) => Date.UTC(2026, 2, d, h);
    // Day 1: +2 then −1 (a fall of 1 inside the day). Day 2: +1 (peak 2). Day 3: −1.5, −1 (trough −0.5).
    const trades: ClosedTrade[] = [
      { id: "a", closedAt: at(1, 1), r: 2, pct: 2 },
      { id: "b", closedAt: at(1, 2), r: -1, pct: -1 },
      { id: "c", closedAt: at(2, 1), r: 1, pct: 1 },
      { id: "d", closedAt: at(3, 1), r: -1.5, pct: -1.5 },
      { id: "e", closedAt: at(3, 2), r: -1, pct: -1 },
    ];
    expect(recordFromBuckets(byDay(trades)).maxDrawdownR).toBe(2.5); // peak 2 → −0.5
    expect(recordFromBuckets(byDay(trades.slice(0, 2))).maxDrawdownR).toBe(1);
    expect(trackRecord(trades).maxDrawdownR).toBe(2.5);
  });

  it("has nothing to say without trades", () => {
    expect(recordFromBuckets([])).toMatchObject({
      trades: 0,
      winRate: null,
      averageR: null,
      expectancyR: null,
      maxDrawdownR: 0,
      cumulativeR: [],
      monthly: [],
    });
  });
});
