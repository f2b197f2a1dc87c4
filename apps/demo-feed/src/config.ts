import { parseArgs } from "node:util";
import { DEMO_IDS } from "@g3/discord-emulator";
import { z } from "zod";

const ZSnowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (snowflake)");

const ZBoolean = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((value) => ["true", "1", "yes", "on"].includes(value));

export const ZFeedEnv = z.object({
  EMULATOR_URL: z.url().default("http://127.0.0.1:3300"),
  EMULATOR_CONTROL_TOKEN: z.string().min(1).optional(),
  DEMO_FEED_ENABLED: ZBoolean.default(true),
  DEMO_FEED_CHANNEL_ID: ZSnowflake.default(DEMO_IDS.sourceVipSignals),
  DEMO_FEED_AUTHOR_ID: ZSnowflake.default(DEMO_IDS.analystUser),
  DEMO_FEED_INTERVAL_MS: z.coerce.number().int().min(50).default(5000),
  DEMO_FEED_COUNT: z.coerce.number().int().min(0).default(0),
  DEMO_FEED_SEED: z.coerce.number().int().optional(),
  DEMO_FEED_MARKET_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type FeedConfig = {
  emulatorUrl: string;
  controlToken: string | undefined;
  enabled: boolean;
  channelId: string;
  authorId: string;
  intervalMs: number;
  count: number;
  seed: number;
  marketUrl: string | undefined;
  logLevel: string;
};

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export const USAGE = `Usage: pnpm --filter @g3/demo-feed start [--interval <ms>] [--count <n>] [--seed <n>] [--off]
  --interval  milliseconds between messages (env DEMO_FEED_INTERVAL_MS, default 5000)
  --count     messages to send, 0 = until stopped (env DEMO_FEED_COUNT, default 0)
  --seed      seed for a reproducible feed (env DEMO_FEED_SEED, default: time based)
  --off       do nothing and exit (env DEMO_FEED_ENABLED=false)`;

/** Flags override the environment; the error names the bad variable or flag. */
export function loadConfig(env: NodeJS.ProcessEnv, argv: string[]): FeedConfig {
  let flags;
  try {
    flags = parseArgs({
      args: argv,
      options: {
        interval: { type: "string" },
        count: { type: "string" },
        seed: { type: "string" },
        off: { type: "boolean" },
        help: { type: "boolean" },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new ConfigError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (flags.help === true) throw new ConfigError(USAGE);
  const merged: Record<string, string | undefined> = { ...env };
  if (flags.interval !== undefined) merged.DEMO_FEED_INTERVAL_MS = flags.interval;
  if (flags.count !== undefined) merged.DEMO_FEED_COUNT = flags.count;
  if (flags.seed !== undefined) merged.DEMO_FEED_SEED = flags.seed;
  if (flags.off === true) merged.DEMO_FEED_ENABLED = "false";
  for (const [key, value] of Object.entries(merged)) if (value === "") delete merged[key];

  const parsed = ZFeedEnv.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid demo-feed settings:\n${problems.join("\n")}\n${USAGE}`);
  }
  const e = parsed.data;
  return {
    emulatorUrl: e.EMULATOR_URL.replace(/\/$/, ""),
    controlToken: e.EMULATOR_CONTROL_TOKEN,
    enabled: e.DEMO_FEED_ENABLED,
    channelId: e.DEMO_FEED_CHANNEL_ID,
    authorId: e.DEMO_FEED_AUTHOR_ID,
    intervalMs: e.DEMO_FEED_INTERVAL_MS,
    count: e.DEMO_FEED_COUNT,
    seed: e.DEMO_FEED_SEED ?? Date.now() % 2 ** 31,
    marketUrl: e.DEMO_FEED_MARKET_URL?.replace(/\/$/, ""),
    logLevel: e.LOG_LEVEL,
  };
}
