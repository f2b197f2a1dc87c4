// `pnpm chaos`: the chaos soak from the command line. Exit 0 when every invariant held, 1 on any
// violation, 2 for bad arguments (or a --report file that is not a soak report). The JSON report goes to <out>/chaos-<seed>-<time>.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { markdownTable, ZTableReport } from "./markdown.js";
import { HELP, parseCliOptions } from "./options.js";
import { formatReport } from "./report.js";
import { runSoak } from "./soak.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

async function main(): Promise<number> {
  let options;
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${HELP}`);
    return 2;
  }
  if (options === "help") {
    console.log(HELP);
    return 0;
  }
  if (options.report !== undefined) {
    const file = resolve(process.env.INIT_CWD ?? process.cwd(), options.report);
    try {
      console.log(markdownTable(ZTableReport.parse(JSON.parse(readFileSync(file, "utf8")))));
      return 0;
    } catch (error) {
      console.error(
        `cannot read ${file} as a soak report: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 2;
    }
  }
  const say = (line: string) =>
    console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const report = await runSoak({ root, ...options, say });
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), options.out);
  mkdirSync(out, { recursive: true });
  const file = join(out, `chaos-${report.seed}-${report.startedAt.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(formatReport(report));
  if (options.markdown) console.log(`\n${markdownTable(report)}\n`);
  console.log(`report: ${file}${report.ok ? "" : `\nlogs: ${report.logDir}`}`);
  return report.ok ? 0 : 1;
}

process.exitCode = await main();
