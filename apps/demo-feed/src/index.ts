// Composition root: config → logger → emulator control client → feed loop → shutdown handler.
import { ControlClient } from "@g3/discord-emulator";
import { ConfigError, loadConfig, type FeedConfig } from "./config.js";
import { runFeed } from "./feed.js";
import { createLogger } from "./logger.js";
import { seededRandom } from "@g3/seeded-random";

async function main(config: FeedConfig): Promise<void> {
  const logger = createLogger(config.logLevel);
  if (!config.enabled) {
    logger.info({ event: "feed.disabled" }, "demo feed is off (DEMO_FEED_ENABLED=false or --off)");
    return;
  }
  const control = new ControlClient(config.emulatorUrl, config.controlToken);
  const stop = new AbortController();
  const onSignal = (signal: string) => {
    logger.info({ event: "feed.stopping", signal }, "stopping after the current message");
    stop.abort();
    setTimeout(() => process.exit(1), 5000).unref();
  };
  process.once("SIGTERM", () => onSignal("SIGTERM"));
  process.once("SIGINT", () => onSignal("SIGINT"));

  logger.info(
    {
      event: "feed.start",
      emulatorUrl: config.emulatorUrl,
      channelId: config.channelId,
      intervalMs: config.intervalMs,
      count: config.count,
      seed: config.seed,
    },
    "demo feed started (synthetic messages only)",
  );
  const result = await runFeed({
    control,
    channelId: config.channelId,
    authorId: config.authorId,
    intervalMs: config.intervalMs,
    count: config.count,
    rng: seededRandom(config.seed),
    logger,
    signal: stop.signal,
    ...(config.marketUrl === undefined ? {} : { marketUrl: config.marketUrl }),
  });
  logger.info({ event: "feed.done", ...result }, "demo feed finished");
  if (result.failures > 0 && result.failures === result.steps) process.exitCode = 1;
}

let config: FeedConfig;
try {
  config = loadConfig(process.env, process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
await main(config);
