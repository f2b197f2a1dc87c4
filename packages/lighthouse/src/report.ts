import { mkdirSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { isSlowSample, medianBenchmarkIndex, SLOW_CPU_BENCHMARK_INDEX } from "./host.js";
import { CATEGORIES, type PageScores } from "./thresholds.js";

export type Report = {
  at: string;
  /** Loads per page; each page's scores are those of its median run. */
  runsPerPage: number;
  /** The checked-out commit, "+dirty" when apps/web has uncommitted changes (what was built). */
  commit?: string;
  machine: { cpus: number; model: string; loadAverage1m: number };
  pages: PageScores[];
  misses: string[];
};

export function describeMachine(): Report["machine"] {
  const cores = cpus();
  return {
    cpus: cores.length,
    model: cores[0]?.model.trim() ?? "unknown",
    loadAverage1m: loadNow(),
  };
}

/** One-minute load average, two decimals. */
export function loadNow(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

/** The commit the web build came from ("+dirty" when apps/web has uncommitted changes). */
export function describeCommit(root: string): string | undefined {
  try {
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", root, ...args], { encoding: "utf8" }).trim();
    const head = git("rev-parse", "--short", "HEAD");
    return git("status", "--porcelain", "--", "apps/web") === "" ? head : `${head}+dirty`;
  } catch {
    return undefined;
  }
}

/**
 * The table: per page the load and the benchmarkIndex Lighthouse sampled before it (marked when
 * under Lighthouse's slow-CPU line: the CPU was starved, read that page's performance with care),
 * then the median run's four scores at Lighthouse's default mobile profile and every run's
 * performance score (the spread says how much one load can be trusted on this machine).
 */
export function markdownOf(report: Report): string {
  const header = `| Page | load | benchmarkIndex | ${CATEGORIES.join(" | ")} | performance of each run |`;
  const rule = `| --- | ${[1, 2, ...CATEGORIES].map(() => "---:").join(" | ")} | --- |`;
  const rows = report.pages.map((page) => {
    const sample = `${Math.round(page.benchmarkIndex)}${isSlowSample(page.benchmarkIndex) ? " (slow)" : ""}`;
    return `| ${page.page} | ${page.loadAverage1m} | ${sample} | ${CATEGORIES.map((c) => page.scores[c]).join(" | ")} | ${page.performanceRuns.join(", ")} |`;
  });
  const samples = report.pages.map((page) => page.benchmarkIndex);
  const slow = report.pages.filter((page) => isSlowSample(page.benchmarkIndex)).length;
  const hostLine =
    `benchmarkIndex median ${Math.round(medianBenchmarkIndex(samples))}` +
    (slow === 0
      ? "."
      : `; ${slow} of ${samples.length} samples at or under ${SLOW_CPU_BENCHMARK_INDEX}, where Lighthouse warns of a slower CPU than it expects: the CPU was starved, compare only with runs at similar load.`);
  const misses = report.misses.length === 0 ? ["All thresholds met."] : report.misses;
  return [
    `Lighthouse (mobile, simulated throttling, default 4× CPU slowdown) — ${report.at}; ${report.runsPerPage} run(s) per page, the median run's scores (Lighthouse's computeMedianRun)`,
    `Machine: ${report.machine.cpus} × ${report.machine.model}, load ${report.machine.loadAverage1m} at the end${report.commit === undefined ? "" : `, commit ${report.commit}`}`,
    hostLine,
    "",
    header,
    rule,
    ...rows,
    "",
    ...misses.map((line) => `- ${line}`),
    "",
  ].join("\n");
}

/** Writes bench-results/lighthouse-<time>.json and .md; returns the two paths. */
export function writeReport(dir: string, report: Report): { json: string; markdown: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = report.at.replace(/[:.]/g, "-");
  const json = join(dir, `lighthouse-${stamp}.json`);
  const markdown = join(dir, `lighthouse-${stamp}.md`);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdown, markdownOf(report));
  return { json, markdown };
}
