// `pnpm lighthouse [--runs N] [--keep-reports] [page…]`: audits the landing, pricing, sign-in, feed
// and admin pages (or the named ones), N loads each (default 3; the median run counts, as
// Lighthouse's variability guide advises), prints the table and writes it with the raw scores to
// bench-results/ (with --keep-reports, also each page's median report in full, in a folder beside
// them). Exits 1 when a page misses a threshold, 2 on bad arguments. Run it under
// `flock /tmp/g3-web-build.lock` when others may build.
import { join } from "node:path";
import { markdownOf, writeReport } from "./report.js";
import { RESULTS_DIR } from "./paths.js";
import { runAudits } from "./run.js";
import { PAGES, type PageName } from "./thresholds.js";

const known = new Set<string>(PAGES.map((page) => page.name));
const DEFAULT_RUNS = 3;
const MAX_RUNS = 9;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2).filter((arg) => arg !== "--");
const keepReports = args.includes("--keep-reports");
const runsAt = args.indexOf("--runs");
const runsArg = runsAt === -1 ? String(DEFAULT_RUNS) : args[runsAt + 1];
const runs = Number(runsArg);
if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
  fail(`--runs takes a whole number from 1 to ${MAX_RUNS} (got ${runsArg ?? "nothing"})`);
}
const asked = args.filter(
  (arg, index) =>
    arg !== "--keep-reports" && !(runsAt !== -1 && (index === runsAt || index === runsAt + 1)),
);
const unknown = asked.filter((name) => !known.has(name));
if (unknown.length > 0) {
  fail(`unknown page(s): ${unknown.join(", ")}; pages: ${[...known].join(", ")}`);
}
const names = (asked.length > 0 ? asked : [...known]) as PageName[];
const reportDir = keepReports
  ? join(RESULTS_DIR, `lighthouse-reports-${new Date().toISOString().replace(/[:.]/g, "-")}`)
  : undefined;
const report = await runAudits(names, (line) => process.stderr.write(`[lighthouse] ${line}\n`), {
  runs,
  ...(reportDir === undefined ? {} : { reportDir }),
});
const paths = writeReport(RESULTS_DIR, report);
process.stdout.write(markdownOf(report));
for (const page of report.pages) {
  for (const audit of page.failingAudits) {
    process.stdout.write(`  ${page.page} · ${audit.category} · ${audit.id}: ${audit.title}\n`);
  }
}
process.stdout.write(`\nwritten: ${paths.json}\n         ${paths.markdown}\n`);
if (reportDir !== undefined) process.stdout.write(`         ${reportDir}/<page>.report.json\n`);
process.exit(report.misses.length === 0 ? 0 : 1);
