import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { CATEGORIES, type PageScores } from "./thresholds.js";

export type Report = {
  at: string;
  machine: { cpus: number; model: string; loadAverage1m: number };
  pages: PageScores[];
  misses: string[];
};

export function describeMachine(): Report["machine"] {
  const cores = cpus();
  return {
    cpus: cores.length,
    model: cores[0]?.model.trim() ?? "unknown",
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

export function markdownOf(report: Report): string {
  const header = `| Page | ${CATEGORIES.join(" | ")} |`;
  const rule = `| --- | ${CATEGORIES.map(() => "---").join(" | ")} |`;
  const rows = report.pages.map(
    (page) => `| ${page.page} | ${CATEGORIES.map((c) => page.scores[c]).join(" | ")} |`,
  );
  const misses = report.misses.length === 0 ? ["All thresholds met."] : report.misses;
  return [
    `Lighthouse (mobile, simulated throttling) — ${report.at}`,
    `Machine: ${report.machine.cpus} × ${report.machine.model}, load ${report.machine.loadAverage1m}`,
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
