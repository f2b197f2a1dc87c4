import { describe, expect, test } from "vitest";
import { gaussian, hashSeed, mulberry32, seededRandom } from "../src/index.js";

describe("mulberry32", () => {
  test("gives the sequence the five former copies gave for seed 1 (recorded seeds keep replaying)", () => {
    const next = mulberry32(1);
    expect([next(), next(), next()].map((x) => x.toFixed(10))).toEqual([
      "0.6270739406",
      "0.0027357212",
      "0.5274470400",
    ]);
  });

  test("the same seed repeats, another seed differs; negative seeds wrap to 32 bits", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(mulberry32(-1)()).toBe(mulberry32(0xffffffff)());
  });

  test("draws stay in [0, 1) and spread evenly over 10 buckets", () => {
    const next = mulberry32(7);
    const buckets = Array.from({ length: 10 }, () => 0);
    for (let i = 0; i < 100_000; i++) {
      const x = next();
      expect(x >= 0 && x < 1).toBe(true);
      const bucket = Math.floor(x * 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe("seededRandom", () => {
  test("int covers both ends of its range and nothing outside", () => {
    const random = seededRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1_000; i++) seen.add(random.int(2, 5));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  test("chance follows its probability; pick takes every item and refuses an empty list", () => {
    const random = seededRandom(9);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (random.chance(0.25)) hits++;
    expect(Math.abs(hits - 2_500)).toBeLessThan(200);
    const picked = new Set<string>();
    for (let i = 0; i < 200; i++) picked.add(random.pick(["a", "b", "c"]));
    expect([...picked].sort()).toEqual(["a", "b", "c"]);
    expect(() => random.pick([])).toThrow("pick from an empty list");
  });
});

test("hashSeed is FNV-1a (known vectors) and gaussian draws have mean 0 and variance 1", () => {
  expect(hashSeed("")).toBe(0x811c9dc5);
  expect(hashSeed("a")).toBe(0xe40c292c);
  expect(hashSeed("foobar")).toBe(0xbf9cf968);
  const next = mulberry32(11);
  const draws = Array.from({ length: 50_000 }, () => gaussian(next));
  const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
  const variance = draws.reduce((sum, x) => sum + (x - mean) ** 2, 0) / draws.length;
  expect(Math.abs(mean)).toBeLessThan(0.02);
  expect(Math.abs(variance - 1)).toBeLessThan(0.03);
});
