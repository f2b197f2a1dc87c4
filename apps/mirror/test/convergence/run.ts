// The 1,000-signal convergence run (documented in the README):
//   pnpm --filter @g3/mirror convergence            # N=1000, 2 replicas, 4 kills, 20% 5xx
//   MIRROR_CONVERGENCE_N=200 pnpm --filter @g3/mirror convergence
// Prints progress and a JSON summary; exits 1 on drift.
import { describeDrift } from "../../src/drift.js";
import { runConvergence } from "./scenario.js";

const signals = Number(process.env.MIRROR_CONVERGENCE_N ?? "1000");
const result = await runConvergence(
  {
    signals,
    replicas: Number(process.env.MIRROR_CONVERGENCE_REPLICAS ?? "2"),
    kills: Number(process.env.MIRROR_CONVERGENCE_KILLS ?? "4"),
    errorRate: Number(process.env.MIRROR_CONVERGENCE_ERROR_RATE ?? "0.2"),
    convergeTimeoutMs: Number(process.env.MIRROR_CONVERGENCE_TIMEOUT_MS ?? "180000"),
    log: (line) => console.log(`[convergence] ${line}`),
  },
  Number(process.env.MIRROR_CONVERGENCE_SEED ?? "1"),
);
console.log(
  JSON.stringify(
    {
      signals,
      ok: result.ok,
      drift: describeDrift(result.report),
      counts: result.counts,
      timings: result.timings,
    },
    null,
    2,
  ),
);
process.exit(result.ok ? 0 : 1);
