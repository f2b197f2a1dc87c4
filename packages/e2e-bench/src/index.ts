export { runBenchmark, type BenchReport } from "./bench.js";
export { parseOptions, USAGE, type BenchOptions, type Mode } from "./options.js";
export { startStack, type Stack, type StackConfig } from "./stack.js";
export { summarize, percentile, growth, type Summary } from "./stats.js";
export {
  checkBudgets,
  formatRun,
  hopSamples,
  summarizeRun,
  HOPS,
  type RunResult,
} from "./report.js";
export { ProcSampler, snapshotTree, processTree } from "./proc.js";
