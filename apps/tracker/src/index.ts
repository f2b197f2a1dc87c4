// Composition root of the tracker: config → logger → compose (Convex, market adapter, tracker,
// health) → shutdown on SIGTERM/SIGINT under a hard timeout.
import { composeTracker } from "./compose.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./logger.js";

const SHUTDOWN_TIMEOUT_MS = 15_000;

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, config.TRACKER_INSTANCE_ID);

process.on("unhandledRejection", (reason) => {
  logger.error(
    { event: "process.unhandled_rejection", error: String(reason) },
    "unhandled rejection",
  );
});

try {
  const app = await composeTracker(config, logger);
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ event: "tracker.shutdown", signal }, "shutting down");
    const hardStop = setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS);
    hardStop.unref();
    app.stop().then(
      () => {
        logger.flush();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ event: "tracker.shutdown_failed", error: String(error) }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
} catch (error) {
  logger.fatal(
    {
      event: "tracker.start_failed",
      error: error instanceof Error ? error.message : String(error),
    },
    "tracker failed to start",
  );
  logger.flush();
  process.exit(1);
}
