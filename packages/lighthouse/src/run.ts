import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditPage } from "./audit.js";
import { ROOT } from "./paths.js";
import { describeCommit, describeMachine, type Report } from "./report.js";
import { startAuditStack } from "./stack.js";
import { missesOf, PAGES, type PageName } from "./thresholds.js";

/**
 * Starts the stack, audits the named pages one after another, stops everything. With
 * `reportDir`, each page's full Lighthouse report is kept there as `<page>.report.json`.
 */
export async function runAudits(
  names: readonly PageName[],
  say: (line: string) => void,
  reportDir?: string,
): Promise<Report> {
  const workDir = mkdtempSync(join(tmpdir(), "g3-lighthouse-"));
  const stack = await startAuditStack(workDir, say);
  try {
    const pages = [];
    const misses: string[] = [];
    for (const spec of PAGES.filter((page) => names.includes(page.name))) {
      say(`auditing ${spec.name} (${spec.path}) as ${spec.viewer}…`);
      const result = await auditPage(stack.webUrl, spec, reportDir);
      pages.push(result);
      misses.push(...missesOf(spec, result));
    }
    return {
      at: new Date().toISOString(),
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
