// Composition root of the mirror bot: config → logger → (Convex client → Discord client → workers →
// health server, in compose.ts) → shutdown on SIGTERM/SIGINT under a hard timeout.
import { composeMirror } from "./compose.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./logger.js";

const SHUTDOWN_TIMEOUT_MS = 20_000;

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, config.MIRROR_INSTANCE_ID);

process.on("unhandledRejection", (reason) => {
  logger.error(
    { event: "process.unhandled_rejection", error: String(reason) },
    "unhandled rejection",
  );
});

try {
  const app = await composeMirror(config, logger);
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ event: "mirror.shutdown", signal }, "shutting down");
    const hardStop = setTimeout(() => {
      logger.error({ event: "mirror.shutdown_timeout" }, "graceful shutdown timed out; exiting");
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    hardStop.unref();
    app.stop().then(
      () => {
        logger.flush();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ event: "mirror.shutdown_failed", error: String(error) }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
} catch (error) {
  logger.fatal(
    { event: "mirror.start_failed", error: error instanceof Error ? error.message : String(error) },
    "mirror failed to start",
  );
  logger.flush();
  process.exit(1);
}
