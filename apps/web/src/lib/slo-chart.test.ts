import { expect, test } from "vitest";
import { chartGeometry, toPath } from "./slo-chart";

test("scales to the largest value and skips empty buckets", () => {
  const { max, series } = chartGeometry(
    [
      { start: 0, end: 1, p50: 50, p95: 100, p99: 200 },
      { start: 1, end: 2 },
      { start: 2, end: 3, p50: 100, p95: 150, p99: 200 },
    ],
    200,
    100,
  );
  expect(max).toBe(200);
  const p50 = series.find((line) => line.key === "p50");
  expect(p50?.points).toEqual([
    { x: 0, y: 75 },
    { x: 200, y: 50 },
  ]);
  expect(toPath(p50?.points ?? [])).toBe("M0,75 L200,50");
});

test("an empty window draws nothing and keeps a sane scale", () => {
  const { max, series } = chartGeometry([{ start: 0, end: 1 }], 200, 100);
  expect(max).toBe(1);
  expect(series.every((line) => line.points.length === 0)).toBe(true);
});
