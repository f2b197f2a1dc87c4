import { describe, expect, it } from "vitest";
import { parseSignal, signalPair } from "../src/index.js";

describe("signalPair", () => {
  it("joins base and quote", () => {
    expect(signalPair(parseSignal("#ETHUSDT SHORT Entry 2300 TP 2200 SL 2400"))).toBe("ETH/USDT");
  });

  it("is the base alone when the quote is unknown", () => {
    expect(signalPair({ symbol: { raw: "LINK", base: "LINK" } })).toBe("LINK");
  });

  it("is undefined without a symbol", () => {
    expect(signalPair(parseSignal("gm"))).toBeUndefined();
  });
});
