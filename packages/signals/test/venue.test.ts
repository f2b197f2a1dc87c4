import { describe, expect, it } from "vitest";
import { findVenueWords, readExchangeLabel } from "../src/venue.js";

describe("readExchangeLabel", () => {
  it("reads Bybit USDT as Bybit's perpetual market and blanks the line", () => {
    const found = readExchangeLabel("Exchange: Bybit USDT\nENTRY: 36.40");
    expect(found).toMatchObject({ exchange: "Bybit", market: "perp" });
    expect(found.text.trim()).toBe("ENTRY: 36.40");
  });

  it("keeps an unknown exchange's first word and market words on the line", () => {
    expect(readExchangeLabel("Exchange: FooEx spot")).toMatchObject({
      exchange: "FooEx",
      market: "spot",
    });
    expect(readExchangeLabel("Exchanges: Binance Futures, Bybit")).toMatchObject({
      exchange: "Binance",
      market: "futures",
    });
  });

  it("returns the text untouched without a label", () => {
    expect(readExchangeLabel("BTC/USDT LONG")).toEqual({ text: "BTC/USDT LONG" });
  });
});

describe("findVenueWords", () => {
  it("takes the first exchange and market words", () => {
    expect(findVenueWords("on OKX perpetual swap")).toEqual({ exchange: "OKX", market: "perp" });
    expect(findVenueWords("Spot buy on Kraken")).toEqual({ exchange: "Kraken", market: "spot" });
  });

  it("finds nothing in plain text", () => {
    expect(findVenueWords("BTC long entry 42000")).toEqual({});
  });
});
