import { parseArgs } from "node:util";
import { z } from "zod";

const modes = ["steady", "burst"] as const;
export type Mode = (typeof modes)[number];

const positiveList = (name: string) =>
  z
    .string()
    .transform((text) => text.split(",").map((part) => Number(part.trim())))
    .pipe(
      z
        .array(
          z
            .number({ error: `${name}: comma-separated whole numbers` })
            .int(`${name}: whole numbers only`)
            .min(1, `${name}: at least 1`),
        )
        .min(1),
    );

const ZOptions = z.object({
  stored: positiveList("--stored").pipe(
    z.array(z.number().max(1_000_000, "--stored: at most 1,000,000")),
  ),
  subscribers: positiveList("--subscribers").pipe(
    z.array(z.number().max(2000, "--subscribers: at most 2000")),
  ),
  mode: z
    .string()
    .transform((text) => text.split(",").map((part) => part.trim()))
    .pipe(z.array(z.enum(modes, { error: "--mode: steady and/or burst" })).min(1)),
  signals: z.coerce.number().int().min(1).max(10_000),
  burst: z.coerce.number().int().min(1).max(10_000),
  rate: z.coerce.number().positive().max(1000),
  browser: z.boolean(),
  discordRateLimits: z.boolean(),
  cpuProf: z.boolean(),
  out: z.string().min(1),
});

export type BenchOptions = z.infer<typeof ZOptions>;

export const USAGE = `Usage: pnpm bench [options]   (= pnpm --filter @g3/e2e-bench bench)
  --stored 1000,100000      signals already stored before measuring (default 1000)
  --subscribers 1,100,500   concurrent signed-in dashboard subscribers (default 1,10)
  --mode steady,burst       steady: --signals at --rate per second; burst: --burst at once (default steady)
  --signals N               signals per steady run (default 40)
  --burst N                 signals in a burst run (default 500)
  --rate R                  steady posting rate, signals/s (default 20)
  --full                    the whole matrix: --stored 1000,100000 --subscribers 1,100,500 --mode steady,burst --signals 200
  --no-browser              skip the headless Chromium card probe
  --discord-rate-limits     keep the emulator's Discord rate limits (default off: measure our code)
  --cpu-prof                write a V8 CPU profile of the Convex backend into the results folder
  --out DIR                 results folder (default bench-results/ at the repository root)`;

/** Parses the command line; throws with a message naming the flag on bad input. */
export function parseOptions(argv: string[], defaultOut: string): BenchOptions | "help" {
  const { values } = parseArgs({
    // `pnpm bench -- --flag` hands the script a literal "--": ignore it.
    args: argv.filter((arg) => arg !== "--"),
    options: {
      stored: { type: "string" },
      subscribers: { type: "string" },
      mode: { type: "string" },
      signals: { type: "string" },
      burst: { type: "string", default: "500" },
      rate: { type: "string", default: "20" },
      full: { type: "boolean", default: false },
      "no-browser": { type: "boolean", default: false },
      "discord-rate-limits": { type: "boolean", default: false },
      "cpu-prof": { type: "boolean", default: false },
      out: { type: "string", default: defaultOut },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) return "help";
  const full = values.full;
  const parsed = ZOptions.safeParse({
    stored: values.stored ?? (full ? "1000,100000" : "1000"),
    subscribers: values.subscribers ?? (full ? "1,100,500" : "1,10"),
    mode: values.mode ?? (full ? "steady,burst" : "steady"),
    signals: values.signals ?? (full ? "200" : "40"),
    burst: values.burst,
    rate: values.rate,
    browser: !values["no-browser"],
    discordRateLimits: values["discord-rate-limits"],
    cpuProf: values["cpu-prof"],
    out: values.out,
  });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => issue.message).join("; "));
  }
  const options = parsed.data;
  return {
    ...options,
    stored: [...new Set(options.stored)].sort((a, b) => a - b),
    subscribers: [...new Set(options.subscribers)].sort((a, b) => a - b),
  };
}
