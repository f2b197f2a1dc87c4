// `pnpm bench` (root) → the end-to-end delivery latency benchmark. See README.md.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { runBenchmark, type BenchReport } from "./bench.js";
import { USAGE, parseOptions } from "./options.js";
import { toMarkdown } from "./markdown.js";
import { formatBudgets } from "./report.js";

const root = resolve(import.meta.dirname, "../../..");

function say(line: string): void {
  process.stdout.write(`${line.includes("\n") ? "" : "bench | "}${line}\n`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), join(root, "bench-results"));
  if (options === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  say(
    `matrix: stored ${options.stored.join(",")} · subscribers ${options.subscribers.join(",")} · mode ${options.mode.join(",")} · browser ${options.browser ? "on" : "off"}`,
  );
  const file = join(options.out, `e2e-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  const save = (report: BenchReport) => {
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(file.replace(/\.json$/, ".md"), `${toMarkdown(report)}\n`);
  };
  const report = await runBenchmark(root, options, say, save);
  save(report);
  say("budgets (2-core targets from the issue):");
  say(formatBudgets(report.budgets));
  say(`results written to ${file} (and the table as .md)`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
