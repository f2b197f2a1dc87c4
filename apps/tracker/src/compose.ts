import { startHealthServer } from "@g3/service-runtime";
import { DEFAULT_RULES } from "@g3/outcomes";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import type { TrackerConfig } from "./config.js";
import type { Logger } from "./logger.js";
import { KlinesClient } from "./market/klines-client.js";
import { Tracker } from "./tracker.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export type TrackerApp = {
  tracker: Tracker;
  convex: ConvexClient;
  healthPort: number;
  stop: () => Promise<void>;
  /** Simulates a crash for tests: drops everything, releasing nothing. */
  kill: () => Promise<void>;
};

/** Wires the tracker: Convex client → market adapter (klines + trade stream) → tracker → health server. */
export async function composeTracker(config: TrackerConfig, logger: Logger): Promise<TrackerApp> {
  const convex = new ConvexClient(config.CONVEX_URL, { unsavedChangesWarning: false });
  const tracker = new Tracker({
    convex,
    writes: new ConvexHttpClient(config.CONVEX_URL),
    secret: config.CONVEX_SERVICE_SECRET,
    owner: config.TRACKER_INSTANCE_ID,
    klines: new KlinesClient(config.MARKET_REST_URL, config.MARKET_SOURCE),
    stream: {
      wsUrl: config.MARKET_WS_URL,
      staleMs: config.TRACKER_STALE_MS,
      silentMs: config.TRACKER_STALE_MS * 2,
    },
    rules: {
      ...DEFAULT_RULES,
      entryWindowMs: config.TRACKER_ENTRY_WINDOW_DAYS * DAY_MS,
      maxOpenMs: config.TRACKER_MAX_OPEN_DAYS * DAY_MS,
    },
    leaseMs: config.TRACKER_LEASE_MS,
    logger,
  });
  await tracker.start();
  const health = await startHealthServer(config.TRACKER_HEALTH_PORT, () => {
    const convexConnected = convex.connectionState().isWebSocketConnected;
    return {
      ok: convexConnected && (!tracker.active || tracker.stream.connected),
      convexConnected,
      active: tracker.active,
      marketConnected: tracker.stream.connected,
      tracks: tracker.book.size,
      symbols: tracker.book.symbols().length,
      writes: tracker.writer.writes,
    };
  });
  logger.info(
    { event: "tracker.started", healthPort: health.port, source: config.MARKET_SOURCE },
    "tracker started",
  );
  let stopping: Promise<void> | undefined;
  return {
    tracker,
    convex,
    healthPort: health.port,
    stop: () =>
      (stopping ??= (async () => {
        await tracker.stop();
        await health.close();
        await convex.close();
        logger.info({ event: "tracker.stopped" }, "tracker stopped");
      })()),
    kill: () =>
      (stopping ??= (async () => {
        await tracker.stream.stop();
        await Promise.allSettled([convex.close(), health.close()]);
      })()),
  };
}
