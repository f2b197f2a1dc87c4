import { describe, expect, it } from "vitest";
import { findOtherSymbols, findSymbol, readSymbolToken } from "../src/symbol.js";

const symbolOf = (text: string) => findSymbol(text)?.symbol;

describe("findSymbol", () => {
  it.each([
    ["BTC/USDT LONG", { raw: "BTC/USDT", base: "BTC", quote: "USDT" }],
    ["BTCUSDT long", { raw: "BTCUSDT", base: "BTC", quote: "USDT" }],
    ["#ETHUSDT SHORT", { raw: "#ETHUSDT", base: "ETH", quote: "USDT" }],
    ["#ethusdt short", { raw: "#ethusdt", base: "ETH", quote: "USDT" }],
    ["$AVAX/USDT", { raw: "$AVAX/USDT", base: "AVAX", quote: "USDT" }],
    ["BTC-USDT", { raw: "BTC-USDT", base: "BTC", quote: "USDT" }],
    ["btc/usdt", { raw: "btc/usdt", base: "BTC", quote: "USDT" }],
    ["1000PEPE/USDT", { raw: "1000PEPE/USDT", base: "1000PEPE", quote: "USDT" }],
    ["1000PEPEUSDT", { raw: "1000PEPEUSDT", base: "1000PEPE", quote: "USDT" }],
    ["ETHBTC", { raw: "ETHBTC", base: "ETH", quote: "BTC" }],
    ["SOL/ETH", { raw: "SOL/ETH", base: "SOL", quote: "ETH" }],
    ["BNBBUSD", { raw: "BNBBUSD", base: "BNB", quote: "BUSD" }],
    ["SUIFDUSD", { raw: "SUIFDUSD", base: "SUI", quote: "FDUSD" }],
    ["XRPUSDC", { raw: "XRPUSDC", base: "XRP", quote: "USDC" }],
    ["BTCUSD", { raw: "BTCUSD", base: "BTC", quote: "USD" }],
    ["COIN: X", { raw: "X", base: "X" }],
    ["COIN: $AVAX/USDT", { raw: "$AVAX/USDT", base: "AVAX", quote: "USDT" }],
    ["Pair: ethusdt", { raw: "ethusdt", base: "ETH", quote: "USDT" }],
    ["$AVAX", { raw: "$AVAX", base: "AVAX" }],
    ["LINK long above 15.20", { raw: "LINK", base: "LINK" }],
  ])("%s", (text, symbol) => {
    expect(symbolOf(text)).toEqual(symbol);
  });

  it("marks perpetual suffixes", () => {
    expect(findSymbol("BTCUSDT.P")).toMatchObject({
      symbol: { base: "BTC", quote: "USDT" },
      market: "perp",
    });
    expect(findSymbol("BTCUSDTPERP")).toMatchObject({
      symbol: { base: "BTC", quote: "USDT" },
      market: "perp",
    });
    expect(findSymbol("SOL-PERP")).toEqual({
      symbol: { raw: "SOL-PERP", base: "SOL" },
      market: "perp",
      span: { start: 0, end: 8 },
    });
  });

  it("prefers a pair over an earlier bare word", () => {
    expect(symbolOf("NEW SETUP: ETH then BTC/USDT")).toEqual({
      raw: "BTC/USDT",
      base: "BTC",
      quote: "USDT",
    });
  });

  it("never reads vocabulary, chat, quote-only words or numbers as a coin", () => {
    for (const text of [
      "LONG SHORT TP1 SL",
      "GM fam",
      "USDT",
      "42K 4H 10X",
      "gm everyone",
      "#123",
    ]) {
      expect(symbolOf(text), text).toBeUndefined();
    }
  });

  it("reads a label's token with any case and separator", () => {
    expect(readSymbolToken("ada-usdt")?.symbol).toEqual({
      raw: "ada-usdt",
      base: "ADA",
      quote: "USDT",
    });
    expect(readSymbolToken("USDT")).toBeUndefined();
  });

  it("reads lower-case major coins from a fixed list, after every other rule", () => {
    expect(symbolOf("eth long 2300 sl 2200 tp 2400")).toEqual({ raw: "eth", base: "ETH" });
    expect(symbolOf("Sol short")).toEqual({ raw: "Sol", base: "SOL" });
    expect(symbolOf("eth looks weak but BTC/USDT long")).toEqual({
      raw: "BTC/USDT",
      base: "BTC",
      quote: "USDT",
    });
    for (const text of ["check the link", "near the top", "etc", "an apt atom"]) {
      expect(symbolOf(text), text).toBeUndefined();
    }
  });

  it("returns the span it used", () => {
    expect(findSymbol("LONG #ETHUSDT now")?.span).toEqual({ start: 5, end: 13 });
  });
});

describe("findOtherSymbols (issue #14)", () => {
  it.each([
    ["          ETH/USDT LONG", ["ETH"]],
    ["#GMX TP4 ✅\n#QNT TP2 ✅\n#ZRX TP1 ✅", ["GMX", "QNT", "ZRX"]],
    ["LONG, BTC looks strong, #crypto #FUTURES #VIP", []],
    ["LONG $14.20 target #1", []],
    ["          again #SOLUSDT", []],
  ])("%j → %j", (text, others) => {
    expect(findOtherSymbols(text, "SOL")).toEqual(others);
  });
});

describe("hashtags are not coins", () => {
  it("a mixed-case or long hashtag is a tag", () => {
    expect(findOtherSymbols("LONG #CryptoSignals #trading #Altseason", "ETH")).toEqual([]);
  });
});
