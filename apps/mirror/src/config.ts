import { hostname } from "node:os";
import { z } from "zod";

const ZSnowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord snowflake (17–20 digits)");

export const ZMirrorEnv = z.object({
  /** Base REST URL without /v10 (discord.js appends it), e.g. the emulator's http://127.0.0.1:PORT/api. */
  DISCORD_API_URL: z.url().optional(),
  DISCORD_MIRROR_TOKEN: z.string().min(20, "DISCORD_MIRROR_TOKEN looks too short"),
  DISCORD_CUSTOMER_GUILD_ID: ZSnowflake,
  CONVEX_URL: z.url(),
  CONVEX_SERVICE_SECRET: z.string().min(16, "CONVEX_SERVICE_SECRET must be at least 16 characters"),
  /** Lease owner name. Keep it stable across restarts of one replica so its leases are reclaimed at once. */
  MIRROR_INSTANCE_ID: z.string().min(1).max(100).default(`${hostname()}:${process.pid}`),
  MIRROR_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(8082),
  /** Per-file upload limit of the customer guild; bigger files are posted as a stable link. */
  MIRROR_UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** Concurrent channels (each channel is strictly one-at-a-time). */
  MIRROR_MAX_CHANNELS_IN_FLIGHT: z.coerce.number().int().min(1).max(50).default(8),
  /** discord.js client-side cap (Discord allows 50 requests/s per bot). */
  DISCORD_REST_GLOBAL_RPS: z.coerce.number().positive().default(50),
  /** Claim lease; in-flight work extends it every third of this. */
  MIRROR_LEASE_MS: z.coerce.number().int().min(5_000).max(300_000).default(60_000),
  MIRROR_ROLE_RECONCILE_MINUTES: z.coerce.number().min(0.05).max(1440).default(5),
  /** Period of the drift check (recent deliveries vs the customer channel; also once at start). */
  MIRROR_DRIFT_CHECK_MINUTES: z.coerce.number().min(0.05).max(1440).default(10),
  /** Show a one-line parsed summary under each mirrored signal. */
  MIRROR_SUMMARY: z
    .enum(["on", "off"])
    .default("on")
    .transform((value) => value === "on"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type MirrorConfig = z.infer<typeof ZMirrorEnv>;

/** Parses the environment once; the error names every bad variable (never their values). */
export function loadConfig(env: Record<string, string | undefined> = process.env): MirrorConfig {
  const parsed = ZMirrorEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`Invalid mirror configuration: ${problems}`);
  }
  return parsed.data;
}
