import { describe, expect, it } from "vitest";
import type { FaultRecord } from "../src/faults.js";
import { formatReport, recoveryStats, spread } from "../src/report.js";

describe("spread", () => {
  it("gives nearest-rank p50 and p95 and the max, null for no sample", () => {
    expect(spread([])).toBeNull();
    expect(spread([300])).toEqual({ n: 1, p50: 300, p95: 300, max: 300 });
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100…1, unsorted on purpose
    expect(spread(hundred)).toEqual({ n: 100, p50: 50, p95: 95, max: 100 });
  });
});

describe("recoveryStats", () => {
  it("groups kills by what was killed and leaves out kills that never got ready", () => {
    const kill = (target: string, over: Partial<FaultRecord>): FaultRecord => ({
      kind: "kill_bot",
      target,
      startedAt: 0,
      ...over,
    });
    const log: FaultRecord[] = [
      kill("collector-1", { readyMs: 4_000, drainedMs: 5_000 }),
      kill("collector-2", { readyMs: 2_000, drainedMs: 2_500 }),
      kill("collector-2", {}), // partitioned while restarting: no time
      kill("mirror-1", { readyMs: 3_000 }),
      { kind: "kill_backend", target: "convex", startedAt: 0, readyMs: 1_500 },
      { kind: "partition", target: "mirror-2 ✕ convex", startedAt: 0, endedAt: 9 },
    ];
    expect(recoveryStats(log)).toEqual({
      "backend ready": { n: 1, p50: 1_500, p95: 1_500, max: 1_500 },
      "collector drained": { n: 2, p50: 2_500, p95: 5_000, max: 5_000 },
      "collector ready": { n: 2, p50: 2_000, p95: 4_000, max: 4_000 },
      "mirror ready": { n: 1, p50: 3_000, p95: 3_000, max: 3_000 },
    });
  });
});

describe("formatReport", () => {
  it("prints the per-kind convergence, with the faults that never converged", () => {
    const text = formatReport({
      ok: true,
      seed: 7,
      durationMs: 45_000,
      instances: 2,
      startedAt: "2026-12-05T13:00:00.000Z",
      workload: {},
      faults: { partition: 2 },
      faultLog: [],
      timeToConvergeMs: 3_000,
      recovery: {},
      convergence: { partition: { n: 1, p50: 800, p95: 800, max: 800, unconverged: 1 } },
      invariants: [],
      violations: [],
      logDir: "/tmp/x",
    });
    expect(text).toContain(
      "convergence (ms from each fault's end, its start for gateway_drop/discord_hang): partition n=1 p50=800 p95=800 max=800 unconverged=1",
    );
  });
});
