import { hostname } from "node:os";
import { z } from "zod";

export const ZTrackerEnv = z.object({
  CONVEX_URL: z.url(),
  CONVEX_SERVICE_SECRET: z.string().min(16, "CONVEX_SERVICE_SECRET must be at least 16 characters"),
  /** Which public market data: Binance USDⓈ-M futures (default) or spot; same wire, other paths. */
  MARKET_SOURCE: z.enum(["binance-futures", "binance-spot"]).default("binance-futures"),
  /** WebSocket base without a path: wss://fstream.binance.com (futures), wss://stream.binance.com:9443 (spot), or the emulator's ws://127.0.0.1:3400. */
  MARKET_WS_URL: z.url().default("wss://fstream.binance.com"),
  /** REST base for klines: https://fapi.binance.com (futures), https://api.binance.com (spot), or the emulator's http://127.0.0.1:3400. */
  MARKET_REST_URL: z.url().default("https://fapi.binance.com"),
  /** Lease owner name; keep it stable across restarts of one replica. */
  TRACKER_INSTANCE_ID: z.string().min(1).max(100).default(`${hostname()}:${process.pid}`),
  TRACKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(8083),
  TRACKER_LEASE_MS: z.coerce.number().int().min(5_000).max(300_000).default(30_000),
  /** A symbol with no trade for this long is re-subscribed and caught up from klines. */
  TRACKER_STALE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** Not filled within this many days: expired (packages/outcomes). */
  TRACKER_ENTRY_WINDOW_DAYS: z.coerce.number().positive().max(365).default(7),
  /** Open this many days after the first fill: closed at the market. */
  TRACKER_MAX_OPEN_DAYS: z.coerce.number().positive().max(365).default(30),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type TrackerConfig = z.infer<typeof ZTrackerEnv>;

/** Parses the environment once; the error names every bad variable (never their values). */
export function loadConfig(env: Record<string, string | undefined> = process.env): TrackerConfig {
  const parsed = ZTrackerEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid tracker configuration: ${problems}`);
  }
  return parsed.data;
}
