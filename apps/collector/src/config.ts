import { z } from "zod";
import { DEFAULT_WRITE_WINDOW } from "./channel-pipeline.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const DEFAULT_ALLOWED_TYPES = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
  "text/plain",
].join(",");

const commaList = z.string().transform((value) =>
  value
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item.length > 0),
);

const snowflakeList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  )
  .refine((ids) => ids.every((id) => /^\d{17,20}$/.test(id)), "must be comma-separated user ids");

const DAY_MS = 24 * 60 * 60 * 1000;

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every environment variable the collector reads, parsed once at start. */
export const ZCollectorEnv = z.object({
  DISCORD_API_URL: z
    .url()
    .optional()
    .describe("Discord REST base without /v10, e.g. http://127.0.0.1:3300/api for the emulator"),
  DISCORD_COLLECTOR_TOKEN: z.string().min(1, "is required (the collector bot's token)"),
  CONVEX_URL: z.url(),
  CONVEX_SERVICE_SECRET: z.string().min(8, "must be at least 8 characters"),
  COLLECTOR_HEALTH_HOST: z.string().min(1).default("127.0.0.1"),
  COLLECTOR_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  COLLECTOR_INSTANCE_ID: z.string().min(1).optional(),
  COLLECTOR_ALLOWED_BOT_IDS: snowflakeList.default([]),
  ATTACHMENT_ALLOWED_TYPES: commaList.default(DEFAULT_ALLOWED_TYPES.split(",")),
  ATTACHMENT_MAX_BYTES: positiveInt(10 * 1024 * 1024),
  ATTACHMENT_DOWNLOAD_TIMEOUT_MS: positiveInt(15_000),
  BACKFILL_INITIAL_MESSAGES: positiveInt(100),
  BACKFILL_MAX_MESSAGES: positiveInt(5_000),
  BACKFILL_RECHECK_DAYS: z.coerce
    .number()
    .min(0)
    .max(90, "must be at most 90 (days)")
    .default(14)
    .describe("Stored messages posted this recently are re-checked against Discord on catch-up"),
  BACKFILL_RECHECK_MAX_MESSAGES: positiveInt(20_000),
  BACKFILL_RECHECK_OLDER_HISTORY: z
    .enum(["true", "false"], { message: 'must be "true" or "false"' })
    .default("true")
    .transform((value) => value === "true")
    .describe("After each catch-up, compare the stored messages older than the recheck window too"),
  HISTORY_IMPORT_PAGE_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  HISTORY_IMPORT_POLL_MS: positiveInt(5_000),
  HISTORY_IMPORT_LEASE_MS: z.coerce
    .number()
    .int()
    .min(5_000, "must be at least 5000 (ms)")
    .max(600_000, "must be at most 600000 (ms)")
    .default(60_000),
  INGEST_WRITE_WINDOW: z.coerce.number().int().min(1).max(256).default(DEFAULT_WRITE_WINDOW),
  HEARTBEAT_INTERVAL_MS: positiveInt(30_000),
  SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
});

export type CollectorConfig = {
  discordApiUrl: string | undefined;
  discordToken: string;
  convexUrl: string;
  serviceSecret: string;
  health: { host: string; port: number };
  instanceId: string | undefined;
  allowedBotIds: ReadonlySet<string>;
  attachments: { allowedTypes: ReadonlySet<string>; maxBytes: number; downloadTimeoutMs: number };
  backfill: {
    initialMessages: number;
    maxMessages: number;
    recheck: { windowMs: number; maxMessages: number };
    /** Compare the stored history older than the recheck span too (older-history-recheck.ts). */
    olderHistory: boolean;
  };
  /** Whole-history imports requested in the admin console (src/history-import.ts). */
  historyImport: { pageDelayMs: number; pollMs: number; leaseMs: number };
  /** Writes of one channel sent ahead of their confirmations (1 = one at a time). */
  writeWindow: number;
  heartbeatIntervalMs: number;
  shutdownTimeoutMs: number;
  logLevel: (typeof LOG_LEVELS)[number];
};

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Parses the environment; the error names every missing or bad variable and what it needs. */
export function loadConfig(env: NodeJS.ProcessEnv): CollectorConfig {
  const parsed = ZCollectorEnv.safeParse(withoutEmptyStrings(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`,
    );
    throw new ConfigError(
      `Invalid collector environment:\n${problems.join("\n")}\nSee apps/collector/README.md.`,
    );
  }
  const e = parsed.data;
  return {
    discordApiUrl: e.DISCORD_API_URL,
    discordToken: e.DISCORD_COLLECTOR_TOKEN,
    convexUrl: e.CONVEX_URL,
    serviceSecret: e.CONVEX_SERVICE_SECRET,
    health: { host: e.COLLECTOR_HEALTH_HOST, port: e.COLLECTOR_HEALTH_PORT },
    instanceId: e.COLLECTOR_INSTANCE_ID,
    allowedBotIds: new Set(e.COLLECTOR_ALLOWED_BOT_IDS),
    attachments: {
      allowedTypes: new Set(e.ATTACHMENT_ALLOWED_TYPES),
      maxBytes: e.ATTACHMENT_MAX_BYTES,
      downloadTimeoutMs: e.ATTACHMENT_DOWNLOAD_TIMEOUT_MS,
    },
    backfill: {
      initialMessages: e.BACKFILL_INITIAL_MESSAGES,
      maxMessages: e.BACKFILL_MAX_MESSAGES,
      recheck: {
        windowMs: Math.round(e.BACKFILL_RECHECK_DAYS * DAY_MS),
        maxMessages: e.BACKFILL_RECHECK_MAX_MESSAGES,
      },
      olderHistory: e.BACKFILL_RECHECK_OLDER_HISTORY,
    },
    historyImport: {
      pageDelayMs: e.HISTORY_IMPORT_PAGE_DELAY_MS,
      pollMs: e.HISTORY_IMPORT_POLL_MS,
      leaseMs: e.HISTORY_IMPORT_LEASE_MS,
    },
    writeWindow: e.INGEST_WRITE_WINDOW,
    heartbeatIntervalMs: e.HEARTBEAT_INTERVAL_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
  };
}

/** An empty variable (`FOO=`) means "unset", so defaults apply and required ones are reported. */
function withoutEmptyStrings(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== "") result[key] = value;
  }
  return result;
}
