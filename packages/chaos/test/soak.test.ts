import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatReport } from "../src/report.js";
import { runSoak } from "../src/soak.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

describe("chaos soak (short, fixed seed)", () => {
  it("survives 45 s of faults with two instances of each bot and every invariant holds", async () => {
    const report = await runSoak({
      root,
      durationMs: 45_000,
      seed: 7,
      // A ceiling, not a wait: a healthy run converges well inside it, a loaded machine needs room.
      settleTimeoutMs: 90_000,
      instances: 2,
      customers: 4,
      keep: false,
      say: () => undefined,
    });
    // The whole report on failure: each violation names its ids and the faults around it.
    expect(report.violations, formatReport(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.workload.source_messages).toBeGreaterThan(20);
    expect(Object.values(report.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(2);
    // Every fault kind injected has its own convergence, and every fault's scope was observed
    // caught up within the settle window (an unconverged one names what it still waited on).
    const unconverged = report.faultLog
      .filter((f) => f.convergedMs === undefined)
      .map((f) => `${f.kind} ${f.target}: ${(f.waitingOn ?? []).join("; ")}`);
    expect(unconverged, formatReport(report)).toEqual([]);
    expect(Object.keys(report.convergence).sort()).toEqual(Object.keys(report.faults).sort());
    for (const [kind, injected] of Object.entries(report.faults)) {
      const stats = report.convergence[kind as keyof typeof report.convergence];
      expect(stats?.n, kind).toBe(injected);
      expect(stats?.max, kind).toBeGreaterThanOrEqual(stats?.p50 ?? Infinity);
    }
  }, 420_000);
});
