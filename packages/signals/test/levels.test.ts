import { describe, expect, it } from "vitest";
import { findLevels, type LevelOptions } from "../src/levels.js";

const plain: LevelOptions = { satoshiShorthand: false, sellIsTarget: false };
const levels = (text: string, options: Partial<LevelOptions> = {}) =>
  findLevels(text, { ...plain, ...options });

describe("entries", () => {
  it.each([
    ["Entry: 42000-42500", [42000, 42500]],
    ["Entry: 1.50 - 1.48 - 1.46", [1.5, 1.48, 1.46]],
    ["Entry 8.40 / 8.20", [8.4, 8.2]],
    ["Entry 5.10, 5.00", [5.1, 5]],
    ["Entry 1: 42000\nEntry 2: 41500", [42000, 41500]],
    ["Entry targets:\n1) 0.0820\n2) 0.0800", [0.082, 0.08]],
    ["BUY @ 0.45", [0.45]],
  ])("%j → %j (limit)", (text, entries) => {
    expect(levels(text)).toMatchObject({ entries, entryType: "limit" });
  });

  it("a zone keeps both bounds in entries and in entryZone", () => {
    expect(levels("Entry zone: 2335 - 2310")).toMatchObject({
      entries: [2335, 2310],
      entryType: "zone",
      entryZone: { low: 2310, high: 2335 },
    });
    expect(levels("Buy zone 100-200").entryType).toBe("zone");
    expect(levels("Entry between 100 and 120").entryType).toBe("zone");
  });

  it("a zone with a single price is a limit entry", () => {
    expect(levels("Entry zone 2310")).toMatchObject({ entries: [2310], entryType: "limit" });
  });

  it.each([
    ["Entry: market", []],
    ["Entry: CMP", []],
    ["Buy now", []],
    ["CMP 70.5", [70.5]],
    ["long at market", []],
  ])("%j is a market entry", (text, entries) => {
    expect(levels(text)).toMatchObject({ entries, entryType: "market" });
  });

  it.each([
    ["long above 15.20 (breakout)", "breakout_above", [15.2]],
    ["Enter above 15.20 - 15.40 TP 16", "breakout_above", [15.2, 15.4]],
    ["Enter below 2.10", "breakout_below", [2.1]],
    ["short under 2.10", "breakout_below", [2.1]],
    ["Buy on a breakout above 100", "breakout_above", [100]],
  ])("%j → %s", (text, entryType, entries) => {
    expect(levels(text)).toMatchObject({ entryType, entries });
  });

  it("takes bare prices before the first label as entries only when targets or a stop follow", () => {
    expect(levels("ETH LONG 2350 TP 2400 SL 2300").entries).toEqual([2350]);
    expect(levels("ETH at 2350 looks nice").entries).toEqual([]);
  });

  it("ignores ids and list numbers", () => {
    expect(levels("Signal #123 TP 43000").entries).toEqual([]);
  });
});

describe("targets", () => {
  it.each([
    ["Targets: 43000, 44000, 45500", [43000, 44000, 45500]],
    ["TP1 2280 | TP2 2250 | TP3 2190", [2280, 2250, 2190]],
    ["TP: 15.9/16.6/17.4", [15.9, 16.6, 17.4]],
    ["TARGETS: 35.8 - 35.1 - 34.2 - 33.0", [35.8, 35.1, 34.2, 33]],
    ["Take-Profit 1: 43000\nTake-Profit 2: 44000", [43000, 44000]],
    ["Targets:\n43000\n44000\n45000", [43000, 44000, 45000]],
    ["Targets\n1) 35.8\n2) 35.1", [35.8, 35.1]],
    ["🎯 43000 44000", [43000, 44000]],
    ["tp=43000,44000", [43000, 44000]],
  ])("%j", (text, targets) => {
    expect(levels(text).targets).toEqual(targets);
  });

  it("stops a one-per-line list at the first line with words", () => {
    expect(levels("Targets:\n43000\n44000\nSupport at 40000").targets).toEqual([43000, 44000]);
  });

  it("reads Sell as targets after a buy, as an entry otherwise", () => {
    expect(levels("Buy 2300 Sell 2400 2500", { sellIsTarget: true })).toMatchObject({
      entries: [2300],
      targets: [2400, 2500],
    });
    expect(levels("Sell @ 2300 TP 2200")).toMatchObject({ entries: [2300], targets: [2200] });
  });
});

describe("@ prices", () => {
  it("an @ after a label belongs to that label", () => {
    expect(levels("Entry @ 42000 TP @ 43000 SL: @ 41000")).toMatchObject({
      entries: [42000],
      targets: [43000],
      stopLoss: 41000,
    });
  });
});

describe("stop", () => {
  it.each([
    "SL 41000",
    "Stop: 41000",
    "Stop loss 41000",
    "STOP LOSS: 41000",
    "Stoploss 41000",
    "⛔ 41000",
    "S/L 41000",
    "sl=41000",
    "Stop Targets:\n1) 41000",
  ])("%j", (text) => {
    expect(levels(text).stopLoss).toBe(41000);
  });

  it("uses the first of several stops and says so", () => {
    expect(levels("SL 41000 40500")).toMatchObject({
      stopLoss: 41000,
      errors: ["several stop prices (41000, 40500); used the first"],
    });
  });
});

describe("units", () => {
  it("applies the satoshi shorthand only when asked", () => {
    expect(levels("Buy 30000 Stop 28000", { satoshiShorthand: true })).toMatchObject({
      entries: [0.0003],
      stopLoss: 0.00028,
    });
    expect(levels("Buy 30000 Stop 28000")).toMatchObject({ entries: [30000], stopLoss: 28000 });
  });

  it("ignores numbers under other labels", () => {
    expect(levels("Entry 42000 Period: 3 hours Risk 2 R:R 1:3")).toMatchObject({
      entries: [42000],
    });
  });

  it("reports whether any level label was seen", () => {
    expect(levels("gm").labelled).toBe(false);
    expect(levels("take profits").labelled).toBe(true);
  });
});

describe("layouts from issue #14", () => {
  it.each([
    ["Short Term: 6.40 - 6.55\nMid Term: 7.00 - 7.40", [6.4, 6.55, 7, 7.4]],
    ["Short term targets: 9.10, 9.25\nMid term targets: 9.60", [9.1, 9.25, 9.6]],
    ["ST targets: 0.1225 - 0.1240\nMT targets: 0.1270", [0.1225, 0.124, 0.127]],
    ["T1 0.6150\nT2 0.6080\nT3 0.5990", [0.615, 0.608, 0.599]],
    ["TP#1 0.2360\nTP#2 0.2410", [0.236, 0.241]],
    ["TP 1 - 1.180\nTP 2 - 1.152\nTP 3 - 1.115", [1.18, 1.152, 1.115]],
    ["Targets 1. 2.190 2. 2.250 3. 2.330", [2.19, 2.25, 2.33]],
    ["Take-Profit:\n🥉 8.480\n🥈 8.350", [8.48, 8.35]],
  ])("%j → targets %j", (text, targets) => {
    expect(levels(text).targets).toEqual(targets);
  });

  it("an index-dash run must number itself 1, 2, 3 to be read as indexes", () => {
    expect(levels("TP 15 - 16.5").targets).toEqual([15, 16.5]);
  });

  it("DCA lines add entries", () => {
    expect(levels("Entry: CMP (0.7120)\nDCA: 0.6950\nTP 0.73").entries).toEqual([0.712, 0.695]);
    expect(levels("CMP: 24.10\nDCA 1: 23.60\nDCA 2: 23.10\nTP 25").entries).toEqual([
      24.1, 23.6, 23.1,
    ]);
  });

  it("a tick from an edited message does not end a numbered list", () => {
    expect(levels("Entry Targets:\n1) 0.7120 ✅\n2) 0.7260\nTP 0.70").entries).toEqual([
      0.712, 0.726,
    ]);
  });

  it("a red dot right before a bare price is the stop key", () => {
    expect(levels("Entry 0.1560\n🎯 0.1600 0.1645\n🔴 0.1520").stopLoss).toBe(0.152);
  });

  it.each([
    ["BTC/USDT long on a 4H close above 65000, TP 66200", "breakout_above", [65000]],
    ["Entry: breakdown below 0.4400\nTargets: 0.43", "breakout_below", [0.44]],
  ])("%j → %s", (text, entryType, entries) => {
    expect(levels(text)).toMatchObject({ entryType, entries });
  });
});

describe("an index followed by a comma", () => {
  it("TP2, is the level's name, not a price", () => {
    expect(levels("Closed half at TP2, rest runs").targets).toEqual([]);
  });
});

describe("emoji keys before a bare price", () => {
  it.each([
    ["💵 14.20\n🎯 14.60\n🛑 13.80", [14.2], [14.6], 13.8],
    ["📥 142.5\n📤 140.0 / 138.0\n❌ 144.8", [142.5], [140, 138], 144.8],
    ["💰 0.156\n💸 0.16\n🚫 0.152", [0.156], [0.16], 0.152],
  ])("%j", (text, entries, targets, stopLoss) => {
    expect(levels(text)).toMatchObject({ entries, targets, stopLoss });
    expect(levels(text).unlabelledEntries).toBeUndefined();
  });
});

describe("an emoji key needs a price-only line", () => {
  it("❌ before a count in a recap is no stop", () => {
    expect(levels("✅ 38 winning trades\n❌ 9 losing trades").stopLoss).toBeUndefined();
  });
});
