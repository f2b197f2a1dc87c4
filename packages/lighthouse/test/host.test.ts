import { expect, test } from "vitest";
import { isSlowSample, medianBenchmarkIndex } from "../src/host.js";

test("a sample is slow at or under 1000, as Lighthouse's warning has it", () => {
  expect(isSlowSample(1000)).toBe(true);
  expect(isSlowSample(1000.5)).toBe(false);
  expect(isSlowSample(Number.NaN)).toBe(true);
});

test("the run's benchmarkIndex is the median of its samples", () => {
  expect(medianBenchmarkIndex([1937, 1346, 1210, 1878, 2201])).toBe(1878);
  expect(medianBenchmarkIndex([1000, 800])).toBe(900);
  expect(medianBenchmarkIndex([])).toBeNaN();
});
