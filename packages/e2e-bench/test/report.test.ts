import { describe, expect, test } from "vitest";
import type { BenchReport } from "../src/bench.js";
import { toMarkdown } from "../src/markdown.js";
import { checkBudgets, hopSamples, summarizeRun } from "../src/report.js";
import type { RunSpec, SignalRecord } from "../src/run.js";

const spec = (subscribers: number, stored = 1000): RunSpec => ({
  stored,
  subscribers,
  mode: "steady",
  signals: 2,
  rate: 20,
});

function record(offset: number, subscriberDelays: number[]): SignalRecord {
  const sourceAt = 1_000_000 + offset;
  return {
    tag: `r0-000${offset}`,
    messageId: String(offset),
    postedAt: sourceAt - 1,
    sourceAt,
    receivedAt: sourceAt + 2,
    committedAt: sourceAt + 5,
    subscriberAt: subscriberDelays.map((d) => sourceAt + 5 + d),
    probeAt: sourceAt + 17,
    botReceivedAt: sourceAt + 9,
    mirroredAt: sourceAt + 20,
  };
}

describe("hops and budgets", () => {
  test("every hop comes from the signal's own timestamps; one sample per subscriber", () => {
    const samples = hopSamples([record(0, [10, 30])]);
    expect(samples.source_to_received).toEqual([2]);
    expect(samples.received_to_committed).toEqual([3]);
    expect(samples.committed_to_subscriber).toEqual([10, 30]);
    expect(samples.ingest_to_subscriber).toEqual([13, 33]);
    expect(samples.ingest_to_probe).toEqual([15]);
    expect(samples.committed_to_bot).toEqual([4]);
    expect(samples.ingest_to_bot).toEqual([7]);
    expect(samples.bot_to_mirrored).toEqual([11]);
    expect(samples.source_to_mirrored).toEqual([20]);
    expect(samples.committed_to_browser).toEqual([]);
    const missing = hopSamples([
      { ...record(1, []), subscriberAt: [undefined], mirroredAt: undefined },
    ]);
    expect(missing.committed_to_subscriber).toEqual([]);
    expect(missing.source_to_mirrored).toEqual([]);
  });

  test("budgets: absolute p95s and growth with subscribers", () => {
    const window = { startedAt: 999_000, postedUntil: 1_000_100 };
    const small = summarizeRun(spec(1), [record(0, [10]), record(1, [12])], window, []);
    const large = summarizeRun(spec(500), [record(0, [100]), record(1, [120])], window, []);
    const checks = checkBudgets([small, large]);
    expect(checks.find((c) => c.budget.startsWith("ingest → dashboard"))).toMatchObject({
      holds: false,
      evidence: expect.stringContaining("500 subscribers") as unknown,
    });
    expect(checks.find((c) => c.budget.startsWith("ingest → mirror"))?.holds).toBe(true);
    expect(
      checks.find(
        (c) => c.budget === "ingest_to_subscriber no worse than 2× from 1 to 500 subscribers",
      ),
    ).toMatchObject({ holds: false });
    expect(
      checks.find((c) => c.budget === "ingest_to_bot no worse than 2× from 1 to 500 subscribers"),
    ).toMatchObject({ holds: true });
    const table = toMarkdown({ results: [small, large] } as unknown as BenchReport);
    expect(table.split("\n")).toHaveLength(4);
    expect(table).toContain("| 1000 | 500 | 2 @ 20/s |");
  });
});
