import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditPage } from "./audit.js";
import { ROOT } from "./paths.js";
import { describeCommit, describeMachine, type Report } from "./report.js";
import { startAuditStack } from "./stack.js";
import { missesOf, PAGES, type PageName } from "./thresholds.js";

/**
 * Starts the stack, audits the named pages one after another (`runs` loads each, the median run
 * kept), stops everything. With `reportDir`, each page's median run is kept there in full as
 * `<page>.report.json`.
 */
export async function runAudits(
  names: readonly PageName[],
  say: (line: string) => void,
  options: { runs: number; reportDir?: string },
): Promise<Report> {
  const workDir = mkdtempSync(join(tmpdir(), "g3-lighthouse-"));
  const stack = await startAuditStack(workDir, say);
  try {
    const pages = [];
    const misses: string[] = [];
    for (const spec of PAGES.filter((page) => names.includes(page.name))) {
      say(`auditing ${spec.name} (${spec.path}) as ${spec.viewer}, ${options.runs} run(s)…`);
      const result = await auditPage(stack.webUrl, spec, options.runs, options.reportDir);
      pages.push(result);
      misses.push(...missesOf(spec, result));
    }
    return {
      at: new Date().toISOString(),
      runsPerPage: options.runs,
      commit: describeCommit(ROOT),
      machine: describeMachine(),
      pages,
      misses,
    };
  } finally {
    await stack.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
