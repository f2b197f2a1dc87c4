// Composition root of the mirror bot: config → logger → (Convex client → Discord client → workers →
// health server, in compose.ts) → shutdown on SIGTERM/SIGINT under a hard timeout (runService).
import { runService } from "@g3/service-runtime";
import { composeMirror } from "./compose.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./logger.js";

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, config.MIRROR_INSTANCE_ID);

await runService({
  service: "mirror",
  logger,
  shutdownTimeoutMs: 20_000,
  start: () => composeMirror(config, logger),
});
