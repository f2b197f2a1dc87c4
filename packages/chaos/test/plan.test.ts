import { describe, expect, it } from "vitest";
import { parseDuration } from "../src/options.js";
import { makePlan } from "../src/plan.js";

describe("makePlan", () => {
  it("is the same for the same seed and differs for another", () => {
    expect(makePlan(42, 60_000)).toEqual(makePlan(42, 60_000));
    expect(makePlan(43, 60_000).steps).not.toEqual(makePlan(42, 60_000).steps);
  });

  it("keeps faults inside the run, with a quiet start and end, and injects every kind over 10 minutes", () => {
    const plan = makePlan(1, 600_000);
    expect(plan.faults[0]?.atMs).toBeGreaterThanOrEqual(3_000);
    for (const fault of plan.faults) {
      expect(fault.atMs + fault.durationMs).toBeLessThanOrEqual(600_000);
      expect(fault.atMs).toBeLessThan(600_000 - 5_000);
    }
    expect(new Set(plan.faults.map((f) => f.kind)).size).toBe(7);
    expect(new Set(plan.steps.map((s) => s.kind)).size).toBe(16);
  });
});

describe("parseDuration", () => {
  it("reads seconds, minutes and milliseconds", () => {
    expect(parseDuration("90")).toBe(90_000);
    expect(parseDuration("90s")).toBe(90_000);
    expect(parseDuration("10m")).toBe(600_000);
    expect(parseDuration("1500ms")).toBe(1_500);
    expect(() => parseDuration("soon")).toThrow();
  });
});
