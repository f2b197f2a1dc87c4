// Composition root of the tracker: config → logger → compose (Convex, market adapter, tracker,
// health) → shutdown on SIGTERM/SIGINT under a hard timeout (runService).
import { runService } from "@g3/service-runtime";
import { composeTracker } from "./compose.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./logger.js";

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, config.TRACKER_INSTANCE_ID);

await runService({
  service: "tracker",
  logger,
  shutdownTimeoutMs: 15_000,
  start: () => composeTracker(config, logger),
});
