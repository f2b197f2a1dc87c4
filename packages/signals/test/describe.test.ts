import { describe, expect, it } from "vitest";
import { describeSignal, parseSignal } from "../src/index.js";
import { S1, S2, S3, S4, S5, S6 } from "./samples.js";

describe("describeSignal", () => {
  it.each([
    [S1, "LONG BTC/USDT · entry 42000–42500 · 3 targets · SL 41000 · 10x"],
    [S2, "SHORT ETH/USDT · zone 2310–2335 · 3 targets · SL 2372 · 20x cross"],
    [S3, "SHORT AVAX/USDT · entry 36.4–37.1 · 4 targets · SL 38.25 · 15x isolated · Bybit perp"],
    [S4, "LONG LINK · entry above 15.2 · 3 targets · SL 14.65 · 5x · low confidence"],
    [S5, "BTC · TP1 hit · +23.8% · SL → 42250"],
    [S6, "ETH/USDT · closed at 2288 · +14%"],
    [
      "ARB/USDT Entry 1.10 TP 1.20 SL 1.00",
      "LONG (inferred) ARB/USDT · entry 1.1 · 1 target · SL 1",
    ],
    [
      "BTC/USDT LONG Entry: market TP 43000",
      "LONG BTC/USDT · entry market · 1 target · no SL · low confidence",
    ],
    [
      "ADA/BTC Buy 30000 Sell 33000 Stop 28000",
      "LONG ADA/BTC · entry 0.0003 · 1 target · SL 0.00028",
    ],
    [
      "SHIB/USDT LONG Entry 0,00000102 TP 0,0000011 SL 0,00000098",
      "LONG SHIB/USDT · entry 0.00000102 · 1 target · SL 0.00000098",
    ],
    ["Stoploss ⛔️ Loss: 10%", "stop hit · -10% · low confidence"],
    ["SOL TP1 done, move stop to breakeven", "SOL · TP1 hit · SL → breakeven"],
    ["BTC partial close 50% at 43500", "BTC · partial close 50% at 43500"],
    ["Entry 2 filled at 41500", "entry 2 hit at 41500 · low confidence"],
    ["BTC/USDT signal cancelled", "BTC/USDT · cancelled"],
    ["gm everyone", "note"],
    ["BTC looking strong", "note · BTC"],
  ])("%j", (text, summary) => {
    expect(describeSignal(parseSignal(text))).toBe(summary);
  });

  it("is pure: same input, same output, input untouched", () => {
    const parsed = parseSignal(S1);
    const copy = structuredClone(parsed);
    expect(describeSignal(parsed)).toBe(describeSignal(parsed));
    expect(parsed).toEqual(copy);
  });
});
