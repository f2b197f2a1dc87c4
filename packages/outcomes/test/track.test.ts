// The state machine on hand-made price paths; every expected number is worked out in a comment.
import { describe, expect, it } from "vitest";
import { parseSignal as parse } from "@g3/signals";
import {
  applyAction,
  applyPrice,
  checkClaim,
  DEFAULT_RULES,
  levelsFromParsed,
  replay,
  resultAt,
  startTrack,
  tick,
  type Levels,
} from "../src/index.js";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.UTC(2026, 2, 1);
const at = (minutes: number) => T0 + minutes * MIN;
const path = (...prices: number[]) => prices.map((p, i) => tick(at(i + 1), p));

// Long BTC: entries 100 and 90, targets 110 / 120 / 130, stop 80, 10x.
const LONG: Levels = {
  side: "long",
  entryType: "limit",
  entries: [100, 90],
  targets: [110, 120, 130],
  stop: 80,
  leverage: 10,
};

describe("levels from the parser", () => {
  it("reads a parsed signal in market order", () => {
    const parsed = parse(
      "BTC/USDT LONG\nEntry: 42000-42500\nTargets: 43000, 44000, 45500\nSL: 41000\nLeverage: 10x",
    );
    expect(levelsFromParsed(parsed)).toEqual({
      side: "long",
      entryType: expect.any(String) as unknown,
      entries: [42500, 42000],
      targets: [43000, 44000, 45500],
      stop: 41000,
      leverage: 10,
    });
  });

  it("refuses levels on the wrong side of each other and follow-ups", () => {
    expect(
      levelsFromParsed(parse("BTC/USDT LONG\nEntry: 42000\nTargets: 41000\nSL: 40000")),
    ).toBeUndefined();
    expect(levelsFromParsed(parse("BTC TP1 hit ✅"))).toBeUndefined();
  });
});

describe("a long through entry, TP1, TP2 and the stop", () => {
  it("fills at the written level, exits a third at each target, the rest at the stop", () => {
    // 105 → 100 (entry 1) → 111 (TP1: entries close, 90 never fills) → 121 (TP2) → 79 (stop 80).
    const s = replay({ postedAt: T0, levels: LONG }, path(105, 100, 111, 121, 79));
    expect(s.events.map((e) => e.type)).toEqual([
      "entry_filled",
      "target_hit",
      "target_hit",
      "stop_hit",
    ]);
    expect(s.status).toBe("stopped");
    expect(s.fills).toEqual([{ entryIndex: 1, price: 100, at: at(2) }]);
    // Exits: 1/3 at 110, 1/3 at 120, 1/3 at 80 (stop; 79 is a tick, and the tick opened under
    // the stop, so the exit is at the tick: 79). Move = (10 + 20 − 21)/3 = 3 → 3 % of 100.
    // Risk = 100 − 80 = 20 → R = 3/20 = 0.15. Leveraged: 30 %.
    expect(s.result).toEqual({ pct: 3, r: 0.15, leveragedPct: 30 });
    expect(s.mfe).toBeCloseTo(0.21);
    expect(s.mae).toBeCloseTo(0.21);
  });

  it("averages two fills and measures R from the stop at the first fill", () => {
    // 100 then 90 fill → average 95; stop 80 → risk 15. 79 stops all at 79: (79 − 95)/15 = −1.066667 R.
    const s = replay({ postedAt: T0, levels: LONG }, path(100, 90, 79));
    expect(s.status).toBe("stopped");
    expect(s.result?.r).toBeCloseTo(-16 / 15, 5);
    expect(s.result?.pct).toBeCloseTo((-16 / 95) * 100, 4);
  });

  it("counts every target and closes when the last one is reached", () => {
    const s = replay({ postedAt: T0, levels: LONG }, path(100, 131));
    // One tick through all three: 1/3 each at 110/120/130 → move 20 → 1 R, 20 %.
    expect(s.status).toBe("targets_done");
    expect(s.targetsHit).toBe(3);
    expect(s.result).toEqual({ pct: 20, r: 1, leveragedPct: 200 });
  });

  it("is pessimistic inside a candle: stop before target", () => {
    const state = startTrack(LONG, T0);
    applyPrice(
      state,
      { t: at(1), open: 101, high: 115, low: 75, close: 100 },
      at(2) - 1,
      DEFAULT_RULES,
    );
    expect(state.status).toBe("stopped");
    expect(state.targetsHit).toBe(0);
    expect(state.result?.r).toBe(-1); // filled at 100, out at 80
  });
});

describe("shorts, breakouts and market entries", () => {
  it("mirrors everything for a short", () => {
    const short: Levels = {
      side: "short",
      entryType: "limit",
      entries: [2310, 2335],
      targets: [2280, 2250],
      stop: 2372,
    };
    const s = replay({ postedAt: T0, levels: short }, path(2300, 2312, 2279, 2249));
    // Fill 2310; half at 2280 (+30), half at 2250 (+60) → move 45; risk 62 → 0.725806 R.
    expect(s.status).toBe("targets_done");
    expect(s.result?.r).toBeCloseTo(45 / 62, 5);
  });

  it("fills a breakout only beyond its level, and invalidates it when the stop comes first", () => {
    const breakout: Levels = {
      side: "long",
      entryType: "breakout_above",
      entries: [15.2],
      targets: [15.9],
      stop: 14.65,
    };
    const filled = replay({ postedAt: T0, levels: breakout }, path(15, 15.21, 15.95));
    expect(filled.fills[0]?.price).toBe(15.2);
    expect(filled.status).toBe("targets_done");
    const invalid = replay({ postedAt: T0, levels: breakout }, path(15, 14.6));
    expect(invalid.status).toBe("invalidated");
    expect(invalid.events[0]).toMatchObject({ type: "invalidated", reason: "stop_before_entry" });
    expect(invalid.result).toBeUndefined();
  });

  it("invalidates a signal whose first target came before its entry", () => {
    const s = replay({ postedAt: T0, levels: LONG }, path(105, 112));
    expect(s.events).toEqual([
      { type: "invalidated", at: at(2), price: 110, reason: "target_before_entry" },
    ]);
  });

  it("fills a market entry at the first price after posting", () => {
    const market: Levels = {
      side: "long",
      entryType: "market",
      entries: [],
      targets: [110],
      stop: 95,
    };
    const s = replay({ postedAt: T0, levels: market }, path(101, 111));
    expect(s.fills[0]?.price).toBe(101);
    expect(s.result?.r).toBeCloseTo(9 / 6, 5);
  });
});

describe("time, edits and the analyst", () => {
  it("expires an unfilled signal after the entry window and a stale trade after the maximum duration", () => {
    const waiting = replay({ postedAt: T0, levels: LONG }, [tick(T0 + 8 * DAY, 105)]);
    expect(waiting.status).toBe("expired");
    expect(waiting.result).toBeUndefined();
    const stale = replay({ postedAt: T0, levels: LONG }, [
      tick(at(1), 100),
      tick(T0 + 31 * DAY, 104),
    ]);
    expect(stale.status).toBe("expired");
    expect(stale.result?.r).toBeCloseTo(4 / 20, 5); // closed at the market, counted
  });

  it("applies an edit's levels from the time of the edit only", () => {
    // The stop is moved from 80 to 95 after the fill: a later trade at 94 gapped through it and
    // exits at 94: (94 − 100) / 20 = −0.3 R (risk still measured from the original 80).
    const s = replay(
      { postedAt: T0, levels: LONG, edits: [{ at: at(3) - 1, levels: { ...LONG, stop: 95 } }] },
      path(100, 101, 94),
    );
    expect(s.events.map((e) => e.type)).toEqual(["entry_filled", "stop_moved", "stop_hit"]);
    expect(s.result?.r).toBeCloseTo(-0.3, 5);
  });

  it("closes at the market price of the follow-up's time, not the price the analyst writes", () => {
    const s = replay(
      { postedAt: T0, levels: LONG, actions: [{ kind: "close", at: at(2) + 30_000 }] },
      path(100, 104, 130),
    );
    expect(s.status).toBe("closed_by_analyst");
    expect(s.exits).toEqual([{ share: 1, price: 104, at: at(2) + 30_000 }]);
    expect(s.result?.r).toBeCloseTo(0.2, 5);
  });

  it("cancels a signal the analyst withdraws before it fills (not a trade)", () => {
    const s = replay(
      { postedAt: T0, levels: LONG, actions: [{ kind: "cancel", at: at(1) + 1 }] },
      path(105, 100),
    );
    expect(s.status).toBe("cancelled");
    expect(s.fills).toHaveLength(0);
  });

  it("moves the stop to breakeven on a follow-up and marks open P&L", () => {
    const state = startTrack(LONG, T0);
    applyPrice(state, tick(at(1), 100), at(1), DEFAULT_RULES);
    applyAction(state, { kind: "move_stop", at: at(1) + 1, breakeven: true });
    expect(state.stop).toBe(100);
    expect(resultAt(state, 105)).toEqual({ pct: 5, r: 0.25, leveragedPct: 50 });
  });
});

describe("claims against the market", () => {
  it("confirms a target the market reached and contradicts one it did not, once settled", () => {
    const s = replay({ postedAt: T0, levels: LONG }, path(100, 111, 115));
    expect(checkClaim(s, { at: at(3), kind: "target_hit", targetIndex: 1 }).verdict).toBe(
      "confirmed",
    );
    expect(checkClaim(s, { at: at(3), kind: "target_hit", targetIndex: 2 }).verdict).toBe(
      "pending",
    );
    applyPrice(s, tick(at(9), 112), at(9), DEFAULT_RULES);
    const tp2 = checkClaim(s, { at: at(3), kind: "target_hit", targetIndex: 2 });
    expect(tp2).toEqual({ verdict: "contradicted", detail: "TP2 claimed; only TP1 reached" });
  });

  it("contradicts a stated result bigger than anything the market offered", () => {
    // Best was 115 from 100: +15 % × 10x = +150 %. "+23 %" is fine, "+400 %" is not.
    const s = replay({ postedAt: T0, levels: LONG }, [...path(100, 115), tick(at(10), 112)]);
    expect(checkClaim(s, { at: at(3), kind: "close", statedPnlPct: 23 }).verdict).toBe("confirmed");
    expect(checkClaim(s, { at: at(3), kind: "close", statedPnlPct: 400 }).verdict).toBe(
      "contradicted",
    );
  });
});

describe("the candle that contains the post (post-minute rule)", () => {
  // Posted 30 s into the minute that opens at T0: the candle [T0, T0 + 59,999] straddles the post.
  const postedAt = T0 + 30_000;
  const candle = (open: number, high: number, low: number, close: number) => ({
    t: T0,
    open,
    high,
    low,
    close,
  });
  const apply = (levels: Levels, c: ReturnType<typeof candle>) => {
    const state = startTrack(levels, postedAt);
    applyPrice(state, c, T0 + MIN - 1, DEFAULT_RULES);
    return state;
  };

  it("does not let a spike before the post invalidate the signal", () => {
    // High 112 may be the pump the analyst posted after; the minute closed at 105, under TP1 110,
    // and never came down to entry 100: still waiting.
    const state = apply(LONG, candle(105, 112, 104, 105));
    expect(state.status).toBe("waiting_entry");
    expect(state.events).toEqual([]);
  });

  it("credits no target from the part of the minute before the post", () => {
    // Low 99 fills entry 1 at 100 (adverse side counts); high 113 may be older than the post and
    // the close (101) is under TP1 110, so no target: in the trade, nothing taken.
    const state = apply(LONG, candle(112, 113, 99, 101));
    expect(state.status).toBe("in_trade");
    expect(state.targetsHit).toBe(0);
    expect(state.events.map((e) => e.type)).toEqual(["entry_filled"]);
  });

  it("does not miss a target the minute closed beyond, and times it at the post", () => {
    // Low 99 fills entry 1 at 100; the close 111 is past TP1 110: TP1 at 110, at the post time.
    const state = apply(LONG, candle(105, 112, 99, 111));
    expect(state.events).toEqual([
      { type: "entry_filled", at: postedAt, price: 100, entryIndex: 1 },
      { type: "target_hit", at: postedAt, price: 110, targetIndex: 1 },
    ]);
  });

  it("fills a market entry at the close, not at the open from before the post", () => {
    const market: Levels = {
      side: "long",
      entryType: "market",
      entries: [],
      targets: [110],
      stop: 90,
    };
    const state = apply(market, candle(95, 101, 94, 100));
    expect(state.fills).toEqual([{ entryIndex: 1, price: 100, at: postedAt }]);
  });

  it("lets the part before the post make a short worse: its high fills and stops", () => {
    // Short entry 2310, stop 2372: high 2380 fills at 2310 and stops at 2372 → −1 R.
    const short: Levels = {
      side: "short",
      entryType: "limit",
      entries: [2310],
      targets: [2280],
      stop: 2372,
    };
    const state = apply(short, candle(2300, 2380, 2270, 2330));
    expect(state.status).toBe("stopped");
    expect(state.result?.r).toBe(-1);
  });
});
