// Statistics against examples worked out by hand.
import { describe, expect, it } from "vitest";
import { trackRecord, type ClosedTrade } from "../src/index.js";

const day = (d: number, month = 3) => Date.UTC(2026, month - 1, d);

describe("track record", () => {
  // R: +2, −1, +1.5, −1, −1, +3 (March: first four; April: last two). One trade without a stop: +4 %.
  const trades: ClosedTrade[] = [
    { id: "a", closedAt: day(1), r: 2, pct: 4 },
    { id: "b", closedAt: day(2), r: -1, pct: -2 },
    { id: "c", closedAt: day(3), r: 1.5, pct: 3 },
    { id: "d", closedAt: day(4), r: -1, pct: -2 },
    { id: "e", closedAt: day(1, 4), r: -1, pct: -2 },
    { id: "f", closedAt: day(2, 4), r: 3, pct: 6 },
    { id: "g", closedAt: day(3, 4), pct: 4 },
  ];

  it("computes win rate, R, expectancy and % by hand", () => {
    const record = trackRecord(trades);
    expect(record.trades).toBe(7);
    expect(record.wins).toBe(4); // a, c, f, and g (+4 %, no stop)
    expect(record.losses).toBe(3);
    expect(record.winRate).toBeCloseTo(4 / 7, 6);
    expect(record.rTrades).toBe(6);
    expect(record.totalR).toBe(3.5); // 2 − 1 + 1.5 − 1 − 1 + 3
    expect(record.averageR).toBeCloseTo(3.5 / 6, 6);
    expect(record.averageWinR).toBeCloseTo(6.5 / 3, 6); // (2 + 1.5 + 3) / 3
    expect(record.averageLossR).toBe(-1);
    // 3/6 × 6.5/3 − 3/6 × 1 = 1.083333 − 0.5 = 0.583333 = average R, as it must be.
    expect(record.expectancyR).toBeCloseTo(0.583333, 5);
    expect(record.totalPct).toBe(11);
  });

  it("walks cumulative R and its largest drawdown", () => {
    const record = trackRecord(trades);
    // 2, 1, 2.5, 1.5, 0.5, 3.5: peak 2.5 then down to 0.5 → drawdown 2.
    expect(record.cumulativeR.map((p) => p.cumulative)).toEqual([2, 1, 2.5, 1.5, 0.5, 3.5]);
    expect(record.maxDrawdownR).toBe(2);
  });

  it("starts the drawdown from zero, so an opening loss counts", () => {
    const record = trackRecord([
      { id: "x", closedAt: day(1), r: -1, pct: -1 },
      { id: "y", closedAt: day(2), r: -0.5, pct: -0.5 },
      { id: "z", closedAt: day(3), r: 4, pct: 4 },
    ]);
    expect(record.maxDrawdownR).toBe(1.5);
  });

  it("tables months in UTC", () => {
    expect(trackRecord(trades).monthly).toEqual([
      { month: "2026-03", trades: 4, wins: 2, winRate: 0.5, totalR: 1.5, totalPct: 3 },
      { month: "2026-04", trades: 3, wins: 2, winRate: 0.666667, totalR: 2, totalPct: 8 },
    ]);
  });

  it("is empty but well-formed without trades", () => {
    const record = trackRecord([]);
    expect(record).toMatchObject({
      trades: 0,
      winRate: null,
      averageR: null,
      expectancyR: null,
      maxDrawdownR: 0,
      cumulativeR: [],
      monthly: [],
    });
  });

  it("counts all losses: no wins, expectancy the average loss, drawdown the whole fall", () => {
    const record = trackRecord([
      { id: "l1", closedAt: day(1), r: -1, pct: -2 },
      { id: "l2", closedAt: day(2), r: -0.5, pct: -1 },
      { id: "l3", closedAt: day(3), r: -1.5, pct: -3 },
    ]);
    expect(record).toMatchObject({ trades: 3, wins: 0, losses: 3, breakeven: 0, winRate: 0 });
    expect(record.averageWinR).toBeNull();
    expect(record.averageLossR).toBe(-1); // (−1 − 0.5 − 1.5) / 3
    expect(record.expectancyR).toBe(-1); // 0 × — − 3/3 × 1
    expect(record.totalR).toBe(-3);
    expect(record.maxDrawdownR).toBe(3); // 0 → −1 → −1.5 → −3
  });

  it("keeps breakeven apart from wins and losses", () => {
    // +2 R, 0 R (stopped at entry), −1 R, and 0 % without a stop.
    const record = trackRecord([
      { id: "w", closedAt: day(1), r: 2, pct: 4 },
      { id: "be", closedAt: day(2), r: 0, pct: 0 },
      { id: "l", closedAt: day(3), r: -1, pct: -2 },
      { id: "flat", closedAt: day(4), pct: 0 },
    ]);
    expect(record).toMatchObject({ trades: 4, wins: 1, losses: 1, breakeven: 2, winRate: 0.25 });
    // Over the three trades with an R: 1/3 × 2 − 1/3 × 1 = 0.333333 (the breakeven trade dilutes it).
    expect(record.expectancyR).toBeCloseTo(0.333333, 5);
    expect(record.averageR).toBeCloseTo(1 / 3, 5);
    expect(record.maxDrawdownR).toBe(1); // 2 → 2 → 1
    expect(record.monthly).toEqual([
      { month: "2026-03", trades: 4, wins: 1, winRate: 0.25, totalR: 1, totalPct: 2 },
    ]);
  });
});
