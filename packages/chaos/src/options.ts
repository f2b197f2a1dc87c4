import { parseArgs } from "node:util";
import { z } from "zod";

/** "90", "90s", "10m", "1500ms" → milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (match === null) throw new Error(`not a duration: ${text} (e.g. 90s, 10m)`);
  const value = Number(match[1]);
  const unit = match[2] ?? "s";
  return Math.round(unit === "ms" ? value : unit === "s" ? value * 1_000 : value * 60_000);
}

const ZOptions = z.object({
  durationMs: z.number().int().min(10_000, "--duration must be at least 10s"),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  settleTimeoutMs: z.number().int().min(5_000),
  instances: z.number().int().min(1).max(4),
  customers: z.number().int().min(1).max(50),
  out: z.string().min(1),
  keep: z.boolean(),
  /** Also print the report as the markdown table of docs/reliability.md §14. */
  markdown: z.boolean(),
  /** Print the markdown table of this saved JSON report instead of running a soak. */
  report: z.string().min(1).optional(),
});
export type CliOptions = z.infer<typeof ZOptions>;

export const HELP = `pnpm chaos [--duration 10m] [--seed N] [--settle 120s] [--instances 2] [--customers 6]
           [--out chaos-results/] [--keep] [--markdown]
pnpm chaos --report chaos-results/chaos-<seed>-<time>.json   # a saved report's markdown table`;

export function parseCliOptions(argv: string[]): CliOptions | "help" {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== "--"),
    options: {
      duration: { type: "string", default: "10m" },
      seed: { type: "string" },
      settle: { type: "string", default: "120s" },
      instances: { type: "string", default: "2" },
      customers: { type: "string", default: "6" },
      out: { type: "string", default: "chaos-results" },
      keep: { type: "boolean", default: false },
      markdown: { type: "boolean", default: false },
      report: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) return "help";
  return ZOptions.parse({
    durationMs: parseDuration(values.duration),
    // Without --seed a run is still repeatable: the report names the seed it drew.
    seed: values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed),
    settleTimeoutMs: parseDuration(values.settle),
    instances: Number(values.instances),
    customers: Number(values.customers),
    out: values.out,
    keep: values.keep,
    markdown: values.markdown,
    ...(values.report === undefined ? {} : { report: values.report }),
  });
}
