import { describe, expect, it } from "vitest";
import { applySatoshiShorthand, findNumbers, parseNumber, readNumberBody } from "../src/numbers.js";

const values = (text: string) => findNumbers(text).map((t) => t.value);

describe("comma rule", () => {
  it.each([
    ["0,5432", 0.5432],
    ["0,543", 0.543], // zero integer part: decimal even with three digits
    ["42,000", 42000],
    ["1,234,567.5", 1234567.5],
    ["36,40", 36.4],
    ["1,2345", 1.2345],
    ["1,234", 1234], // exactly three digits after one comma: thousands (documented ambiguity)
    ["42000", 42000],
    [".5", 0.5],
  ])("%s → %d", (raw, value) => {
    expect(parseNumber(raw)).toBe(value);
  });

  it("a comma between numbers that fit no rule separates them", () => {
    expect(values("43000,44000")).toEqual([43000, 44000]);
    expect(values("1,2,3")).toEqual([1, 2, 3]);
    expect(values("36,40, 37,10")).toEqual([36.4, 37.1]);
  });

  it("reports whether decimals were written", () => {
    expect(readNumberBody("42,000")).toEqual({ value: 42000, hasDecimals: false });
    expect(readNumberBody("0,5")).toEqual({ value: 0.5, hasDecimals: true });
  });
});

describe("suffixes and units", () => {
  it("k multiplies by a thousand", () => {
    expect(values("42k 43.5K")).toEqual([42000, 43500]);
  });

  it("sats and satoshi convert to BTC", () => {
    const [a, b] = findNumbers("30000 sats, 3000 satoshi");
    expect(a).toMatchObject({ value: 0.0003, sats: true });
    expect(b).toMatchObject({ value: 0.00003, sats: true });
  });

  it("does not read digits glued to letters as prices", () => {
    expect(values("TP1 x20 v2 4H 15m 2nd 10x")).toEqual([]);
  });

  it("parseNumber rejects anything but one number", () => {
    expect(parseNumber("12 13")).toBeUndefined();
    expect(parseNumber("abc")).toBeUndefined();
  });
});

describe("Cornix satoshi shorthand", () => {
  const token = (text: string) => {
    const [t] = findNumbers(text);
    if (!t) throw new Error(`no number in ${text}`);
    return t;
  };

  it("reads integers of 10 or more as satoshis", () => {
    expect(applySatoshiShorthand(token("30000"))).toBe(0.0003);
    expect(applySatoshiShorthand(token("30K"))).toBe(0.0003);
  });

  it("leaves decimals, small integers and explicit sats alone", () => {
    expect(applySatoshiShorthand(token("0.0521"))).toBe(0.0521);
    expect(applySatoshiShorthand(token("2"))).toBe(2);
    expect(applySatoshiShorthand(token("30000 sats"))).toBe(0.0003);
  });
});

describe("k suffix and satoshis (issue #14)", () => {
  it("a k price with decimals is a whole number, so the satoshi shorthand applies", () => {
    const [token] = findNumbers("10.1K");
    expect(token).toMatchObject({ value: 10100, hasDecimals: false });
    expect(token && applySatoshiShorthand(token)).toBe(0.000101);
  });
});
