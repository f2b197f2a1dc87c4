import { describe, expect, it } from "vitest";
import { checkLeverage, checkSignal, type SanityInput } from "../src/sanity.js";

const long: SanityInput = {
  side: "long",
  entries: [42000, 42500],
  targets: [43000, 44000],
  stopLoss: 41000,
};
const short: SanityInput = {
  side: "short",
  entries: [2310, 2335],
  targets: [2280, 2250],
  stopLoss: 2372,
};

describe("checkSignal", () => {
  it("accepts consistent longs and shorts", () => {
    expect(checkSignal(long)).toEqual([]);
    expect(checkSignal(short)).toEqual([]);
  });

  it("lists what is missing", () => {
    expect(checkSignal({ entries: [], targets: [] })).toEqual([
      "no entry price found",
      "no targets found",
      "no stop loss found",
    ]);
    expect(checkSignal({ ...long, entries: [], entryType: "market" })).toEqual([]);
  });

  it("checks the stop side", () => {
    expect(checkSignal({ ...long, stopLoss: 42000 })).toEqual([
      "stop 42000 is not below the lowest entry 42000 for a long",
    ]);
    expect(checkSignal({ ...short, stopLoss: 2330 })).toEqual([
      "stop 2330 is not above the highest entry 2335 for a short",
    ]);
  });

  it("checks target order and side", () => {
    expect(checkSignal({ ...long, targets: [44000, 43000] })).toEqual([
      "targets are not ascending for a long",
    ]);
    expect(checkSignal({ ...short, targets: [2250, 2280] })).toEqual([
      "targets are not descending for a short",
    ]);
    expect(checkSignal({ ...long, targets: [42100, 43000] })).toEqual([
      "target 42100 not above the average entry 42250",
    ]);
  });

  it("flags prices more than 10x apart and zero prices", () => {
    expect(checkSignal({ ...long, stopLoss: 4100 })).toEqual([
      "prices are more than 10x apart (4100 to 44000): likely a typo",
    ]);
    expect(checkSignal({ side: "long", entries: [0], targets: [1], stopLoss: 0.5 })).toContain(
      "a price is zero",
    );
  });

  it("flags a breakout against the side", () => {
    expect(
      checkSignal({
        side: "long",
        entryType: "breakout_below",
        entries: [100],
        targets: [110],
        stopLoss: 95,
      }),
    ).toEqual(["a breakout below entry does not fit a long"]);
    expect(
      checkSignal({
        side: "long",
        entryType: "breakout_above",
        entries: [100],
        targets: [110],
        stopLoss: 95,
      }),
    ).toEqual([]);
  });

  it("skips side checks without a side", () => {
    expect(checkSignal({ ...long, side: undefined, stopLoss: 50000 })).toEqual([]);
  });
});

describe("checkLeverage", () => {
  it("accepts 1..125", () => {
    expect(checkLeverage({ value: 1 })).toEqual([]);
    expect(checkLeverage({ value: 125, mode: "cross" })).toEqual([]);
    expect(checkLeverage(undefined)).toEqual([]);
  });

  it("rejects the rest", () => {
    expect(checkLeverage({ value: 0 })).toEqual(["leverage 0x is outside 1..125"]);
    expect(checkLeverage({ value: 200 })).toEqual(["leverage 200x is outside 1..125"]);
  });
});
