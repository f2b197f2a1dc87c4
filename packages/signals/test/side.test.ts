import { describe, expect, it } from "vitest";
import { findSide } from "../src/side.js";

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
