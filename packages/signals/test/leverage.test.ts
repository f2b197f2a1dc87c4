import { describe, expect, it } from "vitest";
import { findLeverage } from "../src/leverage.js";

describe("findLeverage", () => {
  it.each([
    ["Leverage: 10x", { value: 10 }],
    ["Lev 5x", { value: 5 }],
    ["lev. 3", { value: 3 }],
    ["(Cross 20x)", { value: 20, mode: "cross" }],
    ["Isolated 15x", { value: 15, mode: "isolated" }],
    ["Leverage: Isolated 15x", { value: 15, mode: "isolated" }],
    ["Leverage: 20x (Isolated)", { value: 20, mode: "isolated" }],
    ["Leverage: Cross (20.0X)", { value: 20, mode: "cross" }],
    ["x20", { value: 20 }],
    ["20X", { value: 20 }],
    ["lev=10x", { value: 10 }],
    ["Leverage 5-10x", { value: 10 }],
    ["25x\nMargin: isolated", { value: 25, mode: "isolated" }],
  ])("%s", (text, leverage) => {
    expect(findLeverage(text).leverage).toEqual(leverage);
  });

  it("blanks every mention so its digits are not prices, keeping positions", () => {
    const { text } = findLeverage("BTC 10x Entry 42000 lev 5x");
    expect(text).toHaveLength("BTC 10x Entry 42000 lev 5x".length);
    expect(text.replace(/\s+/g, " ").trim()).toBe("BTC Entry 42000");
  });

  it("finds none in hex, words or plain prices", () => {
    expect(findLeverage("0x1234abcd max 42000 index").leverage).toBeUndefined();
  });
});

describe("margin mode and ranges without a label (issue #14)", () => {
  it.each([
    ["SEI/USDT SHORT 10x cross", { value: 10, mode: "cross" }],
    ["LINK/USDT SHORT 5x iso entry 15.10", { value: 5, mode: "isolated" }],
    ["Leverage: 10x (isolated)", { value: 10, mode: "isolated" }],
    ["Lev: 8x Cross Margin", { value: 8, mode: "cross" }],
    ["Use 5x to 10x", { value: 10 }],
    ["SOL/USDT SHORT (5-10x) entry 143.2", { value: 10 }],
  ])("%j → %j", (text, leverage) => {
    expect(findLeverage(text).leverage).toEqual(leverage);
  });

  it("blanks a whole range so neither bound reads as a price", () => {
    expect(findLeverage("(5-10x) entry 143.2").text).not.toMatch(/\b5\b/);
  });
});
