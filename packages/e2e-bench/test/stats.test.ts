import { describe, expect, test } from "vitest";
import { growth, percentile, summarize } from "../src/stats.js";

describe("stats", () => {
  test("nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  test("summarize sorts, drops non-finite values and rounds to 0.1 ms", () => {
    expect(summarize([3.14159, 1, Number.NaN, 2, Number.POSITIVE_INFINITY])).toEqual({
      count: 3,
      p50: 2,
      p95: 3.1,
      p99: 3.1,
      max: 3.1,
      mean: 2,
    });
    expect(summarize([])).toEqual({
      count: 0,
      p50: null,
      p95: null,
      p99: null,
      max: null,
      mean: null,
    });
  });

  test("growth compares p95s", () => {
    expect(growth(summarize([10]), summarize([25]))).toBe(2.5);
    expect(growth(summarize([]), summarize([25]))).toBeNull();
    expect(growth(summarize([0]), summarize([25]))).toBeNull();
  });
});
