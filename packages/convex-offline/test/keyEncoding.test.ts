import { compareValues, type Value } from "convex/values";
import { describe, expect, it } from "vitest";
import { encodeValue } from "../src/storage/keyEncoding.js";

const samples: (Value | undefined)[] = [
  undefined,
  null,
  -(2n ** 63n),
  -1n,
  0n,
  1n,
  2n ** 63n - 1n,
  Number.NEGATIVE_INFINITY,
  -1e300,
  -1.5,
  -0,
  0,
  Number.MIN_VALUE,
  1,
  1.5,
  1e300,
  Number.POSITIVE_INFINITY,
  Number.NaN,
  false,
  true,
  "",
  "a",
  "a\u0000",
  "ab",
  "b",
  "z",
  "é",
  "\ud7ff",
  "\ue000",
  "\uffff",
  "😀",
  "😀a",
  new Uint8Array([]).buffer,
  new Uint8Array([0]).buffer,
  new Uint8Array([0, 1]).buffer,
  new Uint8Array([255]).buffer,
  [],
  [null],
  [1, 2],
  [1, 2, 3],
  [2],
  ["a", [1n]],
  {},
  { a: 1 },
  { a: 2 },
  { a: 1, b: 1 },
  { b: 0 },
];

describe("order-preserving key encoding", () => {
  it("orders every pair of values exactly as compareValues does", () => {
    for (const a of samples) {
      for (const b of samples) {
        const expected = Math.sign(compareValues(a, b));
        const ea = encodeValue(a);
        const eb = encodeValue(b);
        const actual = ea < eb ? -1 : ea > eb ? 1 : 0;
        expect([a, b, actual]).toEqual([a, b, expected]);
      }
    }
  });

  it("keeps a key prefix before its extensions (compound index keys)", () => {
    expect(encodeValue("a") + encodeValue(5) < encodeValue("ab")).toBe(true);
    expect(encodeValue("a") < encodeValue("a") + encodeValue(null)).toBe(true);
  });
});
