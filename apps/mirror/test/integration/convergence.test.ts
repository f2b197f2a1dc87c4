import { expect, test } from "vitest";
import { describeDrift } from "../../src/drift.js";
import { runConvergence } from "../convergence/scenario.js";

// The convergence test at CI size (MIRROR_CONVERGENCE_N, default 150). The full 1,000-signal
// run is `pnpm --filter @g3/mirror convergence` (README); both use the same scenario.
test("creates, edits and deletes under 429 storms, 20% 5xx, gateway drops and kills converge exactly", async () => {
  const result = await runConvergence({
    signals: Number(process.env.MIRROR_CONVERGENCE_N ?? "150"),
    replicas: 2,
    kills: 3,
    errorRate: 0.2,
    convergeTimeoutMs: 120_000,
    log: () => undefined,
  });
  const counts = JSON.stringify(result.counts);
  expect(result.report.ok, describeDrift(result.report)).toBe(true);
  expect(result.counts.kills, counts).toBe(3);
  expect(result.counts.injected5xx ?? 0, counts).toBeGreaterThan(0);
  expect(result.counts.injected429 ?? 0, counts).toBeGreaterThan(0);
  expect(result.counts.gatewayFaults ?? 0, counts).toBeGreaterThan(0);
  expect(result.counts.drainedUnderFaults, counts).toBe(1);
  expect(result.counts.uncleanExits ?? 0, counts).toBe(0);
}, 300_000);
