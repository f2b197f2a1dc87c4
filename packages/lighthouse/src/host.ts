/**
 * What Lighthouse says about the machine under a run. Every report records `benchmarkIndex`, "a
 * rough approximation of the host device's CPU performance" (a one-second benchmark Lighthouse runs
 * in the browser before the load). Its throttling guide places a high-end desktop at 1500–2000 —
 * the host its default 4× CPU slowdown is chosen for — and its command line warns that "the tested
 * device appears to have a slower CPU than Lighthouse expects" at 1000 or less. On this shared
 * 2-core machine the same CPU sampled 364 to 2610 within an hour: a low sample is a starved CPU
 * (other processes had the cores), not a slower device, so the table shows each page's sample
 * and marks the low ones instead of recalibrating the multiplier (docs/performance.md
 * "Lighthouse": why Lighthouse's calibration rule does not apply here).
 */

/** Lighthouse's line for "slower CPU than Lighthouse expects" (core/gather/driver/environment.js). */
export const SLOW_CPU_BENCHMARK_INDEX = 1000;

/** True when Lighthouse would have warned about the CPU for this sample. */
export function isSlowSample(benchmarkIndex: number): boolean {
  return !(benchmarkIndex > SLOW_CPU_BENCHMARK_INDEX);
}

/** The median of a run's samples (NaN for none): one number for the host during the run. */
export function medianBenchmarkIndex(samples: readonly number[]): number {
  const sorted = samples.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
