import { describe, expect, it } from "vitest";
import { findAtPrice, findFollowUps, KIND_PRECEDENCE, primaryKind } from "../src/follow-up.js";

const hits = (text: string) => findFollowUps(text).hits.map(({ span: _span, ...rest }) => rest);

describe("findFollowUps", () => {
  it.each([
    ["TP1 hit ✅", [{ kind: "target_hit", targetIndex: 1 }]],
    ["Take-Profit target 2 ✅", [{ kind: "target_hit", targetIndex: 2 }]],
    ["Target 3 reached", [{ kind: "target_hit", targetIndex: 3 }]],
    ["TP 2 done at 44000", [{ kind: "target_hit", targetIndex: 2, price: 44000 }]],
    ["Target 1: 43000 ✅", [{ kind: "target_hit", targetIndex: 1, price: 43000 }]],
    ["all targets hit", [{ kind: "target_hit", allTargets: true }]],
    ["Stop hit", [{ kind: "stop_hit" }]],
    ["SL triggered at 41000", [{ kind: "stop_hit", price: 41000 }]],
    ["Stoploss ⛔", [{ kind: "stop_hit" }]],
    ["⛔ Stop loss", [{ kind: "stop_hit" }]],
    ["stopped out", [{ kind: "stop_hit" }]],
    ["Closed at stoploss", [{ kind: "stop_hit" }]],
    ["Move SL to entry 42250", [{ kind: "move_stop", newStop: 42250 }]],
    ["Move stop to 42500", [{ kind: "move_stop", newStop: 42500 }]],
    ["SL moved to breakeven", [{ kind: "move_stop", breakeven: true }]],
    ["SL to BE", [{ kind: "move_stop", breakeven: true }]],
    ["New SL: 42800", [{ kind: "move_stop", newStop: 42800 }]],
    ["/update 99 sl=41800", [{ kind: "move_stop", newStop: 41800 }]],
    ["Closed manually at 2288", [{ kind: "close", price: 2288 }]],
    ["close the trade now", [{ kind: "close" }]],
    ["/close", [{ kind: "close" }]],
    ["Close half", [{ kind: "partial_close", percent: 50 }]],
    ["partial close 50%", [{ kind: "partial_close", percent: 50 }]],
    ["took a third of the position", [{ kind: "partial_close", percent: 33.33 }]],
    ["/partial 25%", [{ kind: "partial_close", percent: 25 }]],
    ["close 100%", [{ kind: "close", percent: 100 }]],
    ["Cancelled", [{ kind: "cancel" }]],
    ["Signal cancelled", [{ kind: "cancel" }]],
    ["setup invalidated", [{ kind: "cancel" }]],
    ["Entry 1 ✅", [{ kind: "entry_hit", entryIndex: 1 }]],
    ["all entries filled", [{ kind: "entry_hit" }]],
    ["entered at 42000", [{ kind: "entry_hit", price: 42000 }]],
  ])("%j", (text, expected) => {
    expect(hits(text)).toEqual(expected);
  });

  it("finds both parts of S5, in text order", () => {
    expect(hits("BTC TP1 hit ✅ +23.8% (10x). Move SL to entry 42250.")).toEqual([
      { kind: "target_hit", targetIndex: 1 },
      { kind: "move_stop", newStop: 42250 },
    ]);
  });

  it("never takes a percentage for a price", () => {
    expect(hits("Closed manually +14%")).toEqual([{ kind: "close" }]);
  });

  it.each([
    "Cancel if 4h candle closes below 41000",
    "the weekly close above 40k",
    "SL: 41000",
    "⛔ SL: 41000",
    "Entry: 42000",
    "TP 15.9/16.6",
    "take profits",
  ])("reads no follow-up in %j", (text) => {
    expect(hits(text)).toEqual([]);
  });

  it("blanks what it used, keeping positions", () => {
    const { text } = findFollowUps("BTC TP1 hit now");
    expect(text).toBe("BTC         now");
  });
});

describe("primaryKind", () => {
  it("follows the documented precedence", () => {
    expect(KIND_PRECEDENCE).toEqual([
      "cancel",
      "stop_hit",
      "close",
      "partial_close",
      "target_hit",
      "entry_hit",
      "move_stop",
    ]);
    expect(primaryKind(findFollowUps("Move SL to 42000. TP2 hit").hits)).toBe("target_hit");
    expect(primaryKind(findFollowUps("TP1 hit, then stop hit").hits)).toBe("stop_hit");
    expect(primaryKind([])).toBeUndefined();
  });
});

describe("findAtPrice", () => {
  it("reads a price after at/@ and skips percentages", () => {
    expect(findAtPrice("BTC at 43100")).toBe(43100);
    expect(findAtPrice("ETH @ 2,288")).toBe(2288);
    expect(findAtPrice("up at 14% now")).toBeUndefined();
  });
});

describe("follow-up phrases from issue #14", () => {
  it.each([
    ["Entry target 1 ✅", [{ kind: "entry_hit", entryIndex: 1 }]],
    ["All entry targets achieved", [{ kind: "entry_hit" }]],
    ["Stop Target Hit ⛔", [{ kind: "stop_hit" }]],
    ["2nd target hit 💰", [{ kind: "target_hit", targetIndex: 2 }]],
    ["first target done ✅", [{ kind: "target_hit", targetIndex: 1 }]],
    ["T2 reached", [{ kind: "target_hit", targetIndex: 2 }]],
    ["hit TP1 then came back", [{ kind: "target_hit", targetIndex: 1 }]],
    ["all 6 targets hit", [{ kind: "target_hit", allTargets: true }]],
    ["long triggered at 3092", [{ kind: "entry_hit", price: 3092 }]],
    ["Close $AAVE short now at market", [{ kind: "close" }]],
    ["TP3 ✅ close the rest now", [{ kind: "target_hit", targetIndex: 3 }, { kind: "close" }]],
  ])("%j → %j", (text, expected) => {
    expect(hits(text)).toEqual(expected);
  });

  it("a target list with 🎯 bullets is not a hit", () => {
    expect(hits("🎯 TP1: 3120\n🎯 TP2: 3160\n🎯 TP3: 3215")).toEqual([]);
  });

  it("a conditional close is not an order", () => {
    expect(hits("Close below 3000 invalidates the idea")).toEqual([]);
  });
});

describe("Cornix closes and all-target updates", () => {
  it.each([
    ["Closed at trailing stoploss after reaching take profit", [{ kind: "stop_hit" }]],
    ["All targets of #OP/USDT reached", [{ kind: "target_hit", allTargets: true }]],
  ])("%j → %j", (text, expected) => {
    expect(hits(text)).toEqual(expected);
  });

  it("keeps the coin named inside an all-targets phrase readable", () => {
    expect(findFollowUps("All targets of #OP/USDT reached").text).toContain("#OP/USDT");
  });
});
