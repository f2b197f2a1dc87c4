import { parseSignal, signalPair } from "@g3/signals";
import { describe, expect, test } from "vitest";
import { renderChartPng } from "../src/chart.js";
import { planStep, type PostedIdea } from "../src/planner.js";
import { seededRandom } from "@g3/seeded-random";
import { drawIdea, LAYOUTS, writeFollowUp, writeIdea } from "../src/signal-writer.js";

describe("synthetic signals", () => {
  test.each(LAYOUTS)(
    "the %s layout parses back to the intended pair, side and levels",
    (layout) => {
      for (let seed = 1; seed <= 40; seed++) {
        const idea = drawIdea(seededRandom(seed));
        const parsed = parseSignal(writeIdea(idea, layout));
        expect(parsed.kind).toBe("signal");
        expect(signalPair(parsed)).toBe(`${idea.instrument.base}/${idea.instrument.quote}`);
        expect(parsed.side).toBe(idea.side);
        expect(parsed.stopLoss).toBe(idea.stop);
        expect(parsed.targets).toEqual(idea.targets);
      }
    },
  );

  test("ideas are coherent: long ⇒ stop < entries < targets, short mirrored", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const idea = drawIdea(seededRandom(seed));
      const sign = idea.side === "long" ? 1 : -1;
      for (const entry of idea.entries) {
        expect(sign * (entry - idea.stop)).toBeGreaterThan(0);
        for (const target of idea.targets) expect(sign * (target - entry)).toBeGreaterThan(0);
      }
    }
  });

  test("follow-ups parse as follow-ups, not as new signals", () => {
    const rng = seededRandom(7);
    for (let n = 0; n < 60; n++) {
      const parsed = parseSignal(writeFollowUp(drawIdea(rng), rng), { isReply: true });
      expect(["target_hit", "move_stop", "close", "stop_hit"]).toContain(parsed.kind);
    }
  });

  test("the same seed gives the same feed", () => {
    const run = (seed: number) => {
      const rng = seededRandom(seed);
      const open: PostedIdea[] = [];
      return Array.from({ length: 30 }, (_, n) => {
        const step = planStep(rng, open);
        if (step.kind === "signal") {
          open.push({ messageId: String(n), idea: step.idea, layout: step.layout, edited: false });
        }
        return step;
      });
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
    expect(new Set(run(42).map((step) => step.kind)).size).toBeGreaterThanOrEqual(3);
  });

  test("the chart is a valid PNG", () => {
    const png = renderChartPng([1, 3, 2, 5, 4]);
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect(png.readUInt32BE(16)).toBe(64);
    expect(png.subarray(-8, -4).toString("ascii")).toBe("IEND");
  });
});
