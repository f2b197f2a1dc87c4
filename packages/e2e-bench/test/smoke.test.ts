// Correctness smoke test of the benchmark harness on the real stack (no timing budgets): every
// signal posted in the source channel reaches every dashboard subscriber and the customer guild.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { runBenchmark } from "../src/bench.js";
import { parseOptions } from "../src/options.js";

const root = resolve(import.meta.dirname, "../../..");

describe("end-to-end pipeline (smoke)", () => {
  test("10 signals reach 2 signed-in subscribers and the mirror, with every timestamp", async () => {
    const out = mkdtempSync(join(tmpdir(), "e2e-bench-smoke-"));
    const options = parseOptions(
      ["--stored", "100", "--subscribers", "2", "--signals", "10", "--no-browser"],
      out,
    );
    if (options === "help") throw new Error("unexpected --help");
    const lines: string[] = [];
    const report = await runBenchmark(root, options, (line) => lines.push(line));
    expect(report.results).toHaveLength(1);
    const [result] = report.results;
    expect(result?.delivered).toEqual({
      signals: 10,
      subscriberSamples: 20,
      expectedSubscriberSamples: 20,
      browser: 0,
      mirrored: 10,
    });
    const [run] = report.raw;
    expect(run?.records).toHaveLength(10);
    for (const record of run?.records ?? []) {
      expect(record.receivedAt).toBeGreaterThanOrEqual(record.sourceAt);
      expect(record.committedAt).toBeGreaterThanOrEqual(record.receivedAt ?? Infinity);
      expect(record.botReceivedAt).toBeGreaterThanOrEqual(record.committedAt ?? Infinity);
      expect(record.mirroredAt).toBeGreaterThanOrEqual(record.botReceivedAt ?? Infinity);
      for (const at of record.subscriberAt) {
        expect(at).toBeGreaterThanOrEqual(record.committedAt ?? Infinity);
      }
      expect(record.probeAt).toBeGreaterThanOrEqual(record.committedAt ?? Infinity);
    }
    expect(result?.hops.source_to_mirrored.count).toBe(10);
    expect(result?.processes.map((p) => p.name)).toEqual(
      expect.arrayContaining(["discord", "convex", "collector", "mirror", "bench-clients"]),
    );
    expect(lines.some((line) => line.includes("end to end: source → mirrored message"))).toBe(true);
  }, 90_000);

  test("a burst larger than the live head still reaches every dashboard, every signal", async () => {
    const out = mkdtempSync(join(tmpdir(), "e2e-bench-smoke-"));
    const options = parseOptions(
      ["--stored", "100", "--subscribers", "2", "--mode", "burst", "--burst", "60", "--no-browser"],
      out,
    );
    if (options === "help") throw new Error("unexpected --help");
    const report = await runBenchmark(root, options, () => undefined);
    // The live head holds a few (LIVE_HEAD_SIZE): the rest reach each dashboard through its own history.
    expect(report.results[0]?.delivered).toMatchObject({
      signals: 60,
      subscriberSamples: 120,
      expectedSubscriberSamples: 120,
      mirrored: 60,
    });
  }, 90_000);
});
