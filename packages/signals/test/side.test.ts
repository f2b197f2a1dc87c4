import { describe, expect, it } from "vitest";
import { type Levels } from "../src/levels.js";
import { findSide, inferSide } from "../src/side.js";

describe("findSide", () => {
  it.each([
    ["BTC LONG", "long"],
    ["short eth", "short"],
    ["BUY ADA", "long"],
    ["SELL DOT", "short"],
    ["🟢 ETH", "long"],
    ["📈 ETH", "long"],
    ["🔴 XRP", "short"],
    ["📉 XRP", "short"],
    ["Direction: Short", "short"],
    ["Direction: bullish", "long"],
  ] as const)("%s → %s", (text, side) => {
    expect(findSide(text)).toEqual({ side, errors: [] });
  });

  it("a Direction label beats LONG/SHORT words, which beat BUY/SELL, which beat emoji", () => {
    expect(findSide("LONG setup\nDirection: Short")?.side).toBe("short");
    expect(findSide("SELL the rip, SHORT here... no, LONG")?.side).toBe("short");
    expect(findSide("📈 #ETHUSDT SHORT")?.side).toBe("short");
    expect(findSide("🔴 BUY now")?.side).toBe("long");
  });

  it("Cornix spot BUY … Sell: targets is not a contradiction", () => {
    expect(findSide("Buy: 2300 Sell: 2400")).toEqual({ side: "long", errors: [] });
  });

  it("records both LONG and SHORT words", () => {
    expect(findSide("LONG now, short later")).toEqual({
      side: "long",
      errors: ["both long and short words appear; used the first (long)"],
    });
  });

  it("ignores short-term and finds nothing in chatter", () => {
    expect(findSide("a short-term view")).toBeUndefined();
    expect(findSide("market looks bullish today")).toBeUndefined();
  });
});

describe("inferSide", () => {
  const levels = (over: Partial<Levels>): Levels => ({
    entries: [],
    targets: [],
    errors: [],
    labelled: true,
    ...over,
  });

  it("reads a stop under the entries as long, above as short", () => {
    expect(inferSide(levels({ entries: [100, 102], stopLoss: 95 }))).toBe("long");
    expect(inferSide(levels({ entries: [100, 102], stopLoss: 105 }))).toBe("short");
  });

  it("falls back to the first target, then to target against stop", () => {
    expect(inferSide(levels({ entries: [100], targets: [110] }))).toBe("long");
    expect(inferSide(levels({ entries: [100], targets: [90] }))).toBe("short");
    expect(inferSide(levels({ targets: [90], stopLoss: 105 }))).toBe("short");
  });

  it("takes a breakout's direction", () => {
    expect(inferSide(levels({ entries: [15.2], entryType: "breakout_above" }))).toBe("long");
    expect(inferSide(levels({ entries: [2.1], entryType: "breakout_below" }))).toBe("short");
  });

  it("says nothing when the prices do not tell", () => {
    expect(inferSide(levels({ entries: [100, 110], stopLoss: 105 }))).toBeUndefined();
    expect(inferSide(levels({ entries: [100] }))).toBeUndefined();
  });
});

describe("side words that are not sides (issue #14)", () => {
  it.each([
    ["Consider buying #CRV/USDT for short term", "long"],
    ["Consider selling #ETH/USDT in the short term", "short"],
    ["We are buying ARB/USDT, short squeeze expected", "long"],
    ["LINK/USDT long — short-term trade", "long"],
    ["Position: Long", "long"],
    ["Side: SELL", "short"],
  ])("%j → %s", (text, side) => {
    expect(findSide(text)).toEqual({ side, errors: [] });
  });

  it("plurals count, so longs and shorts in one message conflict", () => {
    expect(findSide("LONG\nLongs above 61k, shorts only below 59k.")?.errors).toHaveLength(1);
  });

  it("a coloured dot before a level is a bullet, not a side", () => {
    expect(findSide("STRK/USDT\nEntry: 0.612\n🔴 SL: 0.594")).toBeUndefined();
    expect(findSide("🟢 STRK/USDT\nEntry: 0.612\n🔴 SL: 0.594")?.side).toBe("long");
  });
});
