import { describe, expect, it } from "vitest";
import { markdownTable, ZTableReport, type TableReport } from "../src/markdown.js";

const report: TableReport = {
  faults: { kill_bot: 3, partition: 2, gateway_drop: 1, discord_429: 1 },
  timeToConvergeMs: 8_100,
  recovery: {
    "collector ready": { n: 2, p50: 4_600, p95: 19_300, max: 19_300 },
    "mirror ready": { n: 1, p50: 2_300, p95: 2_300, max: 2_300 },
  },
  convergence: {
    kill_bot: { n: 3, p50: 5_000, p95: 21_000, max: 21_000, unconverged: 0 },
    partition: { n: 1, p50: 1_250, p95: 1_250, max: 1_250, unconverged: 1 },
    gateway_drop: { n: 0, p50: null, p95: null, max: null, unconverged: 1 },
    discord_429: { n: 1, p50: 700, p95: 700, max: 700, unconverged: 0 },
  },
  violations: [
    { faultsNear: ["partition mirror-1 ✕ convex @12.0–20.1s (8100 ms)"] },
    { faultsNear: [] },
  ],
};

describe("markdownTable", () => {
  it("prints one row per injected kind in the docs' order, then the whole run", () => {
    expect(markdownTable(report).split("\n")).toEqual([
      "| fault | injected | violations | converged p50 / p95 / max | recovery p50 / p95 / max |",
      "| --- | --- | --- | --- | --- |",
      "| `kill_bot` | 3 | 0 | 5.0 / 21.0 / 21.0 s (n=3) | collector ready 4.6 / 19.3 / 19.3 s (n=2); mirror ready 2.3 / 2.3 / 2.3 s (n=1) |",
      "| `partition` | 2 | 1 | 1.3 / 1.3 / 1.3 s (n=1); 1 never converged | — |",
      "| `gateway_drop` | 1 | 0 | —; 1 never converged | — |",
      "| `discord_429` | 1 | 0 | 0.7 / 0.7 / 0.7 s (n=1) | — |",
      "| **whole run** | 7 | 2 | every invariant held 8.1 s after the last fault | — |",
    ]);
  });

  it("reads a saved report from before per-fault convergence (the column says not measured)", () => {
    const old = ZTableReport.parse(
      JSON.parse(
        JSON.stringify({
          ok: true,
          seed: 12,
          faults: { discord_hang: 2 },
          timeToConvergeMs: null,
          recovery: {},
          violations: [],
        }),
      ),
    );
    expect(markdownTable(old).split("\n").slice(2)).toEqual([
      "| `discord_hang` | 2 | 0 | not measured | — |",
      "| **whole run** | 2 | 0 | never converged | — |",
    ]);
  });
});
