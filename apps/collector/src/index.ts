// The collector's composition root: config → logger → Convex client → Discord client → ingestor →
// health server → shutdown handler, wired by hand (no folder scanning).
import { hostname } from "node:os";
import { ConvexClient } from "convex/browser";
import { Events, RESTEvents, Status } from "discord.js";
import { loginToDiscord, startHealthServer } from "@g3/service-runtime";
import { AttachmentStore } from "./attachment-store.js";
import { Backfiller } from "./backfill.js";
import { ChannelPipeline } from "./channel-pipeline.js";
import { ConfigError, loadConfig, type CollectorConfig } from "./config.js";
import { convexClientLogger } from "./convex-logger.js";
import { createDiscordClient } from "./discord-client.js";
import { DiscordMessages } from "./discord-messages.js";
import { startHeartbeat } from "./heartbeat.js";
import { HistoryImportApi } from "./history-import-api.js";
import { HistoryImporter } from "./history-import.js";
import { describeError, IngestApi } from "./ingest-api.js";
import { Ingestor } from "./ingestor.js";
import { createLogger } from "./logger.js";
import { WatchedChannels } from "./watched-channels.js";

async function main(config: CollectorConfig): Promise<void> {
  const startedAt = Date.now();
  const instanceId = config.instanceId ?? `${hostname()}-${process.pid}`;

  // 1. Logger
  const logger = createLogger(config.logLevel).child({ instanceId });
  process.on("unhandledRejection", (reason) =>
    logger.error(
      { event: "process.unhandled_rejection", err: describeError(reason) },
      "unhandled rejection",
    ),
  );
  process.on("uncaughtException", (error) => {
    logger.fatal(
      { event: "process.uncaught_exception", err: error.stack ?? error.message },
      "crashed",
    );
    process.exit(1);
  });

  // 2. Convex client (WebSocket: live subscription + mutations)
  const convex = new ConvexClient(config.convexUrl, {
    unsavedChangesWarning: false,
    logger: convexClientLogger(logger.child({ component: "convex-client" })),
  });
  const api = new IngestApi(convex, config.serviceSecret, logger.child({ component: "convex" }));

  // 3. Discord client
  const client = createDiscordClient({ apiUrl: config.discordApiUrl });
  let gateway: string = "connecting";

  // 4. Ingestor, backfiller, the live watch list
  const queue = new ChannelPipeline({ window: config.writeWindow });
  const watched = new WatchedChannels();
  const discord = new DiscordMessages(client, logger.child({ component: "discord" }));
  const attachments = new AttachmentStore(
    api,
    config.attachments,
    logger.child({ component: "attachments" }),
  );
  const ingestor = new Ingestor({
    api,
    attachments,
    watched,
    queue,
    logger: logger.child({ component: "ingestor" }),
    allowedBotIds: config.allowedBotIds,
    selfId: () => client.user?.id,
    fetchMessage: (channelId, messageId) => discord.fetchOne(channelId, messageId),
    onWriteFailed: (channelId) => backfill.schedule(channelId, "write-failed"),
  });
  const backfill = new Backfiller({
    api,
    ingestor,
    discord,
    queue,
    logger: logger.child({ component: "backfill" }),
    limits: config.backfill,
    isWatched: (channelId) => watched.has(channelId),
  });
  // Whole-history imports requested in the admin console: one job at a time, beside the pipeline.
  const importer = new HistoryImporter({
    jobs: new HistoryImportApi(
      convex,
      config.serviceSecret,
      instanceId,
      config.historyImport.leaseMs,
      logger.child({ component: "convex" }),
    ),
    ingest: api,
    ingestor,
    watched,
    discord,
    logger: logger.child({ component: "history-import" }),
    settings: config.historyImport,
  });
  const backfillAll = (reason: string) => {
    for (const channelId of watched.ids()) backfill.schedule(channelId, reason);
  };

  const unwatch = api.watchChannels(
    (channels) => {
      const { added, removed } = watched.replace(channels);
      if (added.length > 0 || removed.length > 0) {
        logger.info(
          { event: "channels.changed", added, removed, watched: watched.ids() },
          "watch list changed",
        );
      }
      // Before the first READY the ShardReady handler backfills every watched channel; after it, a
      // newly watched channel is backfilled here. (`gateway` flips before that handler runs.)
      if (gateway === "ready")
        for (const channelId of added) backfill.schedule(channelId, "channel-added");
    },
    (error) =>
      logger.error(
        { event: "channels.subscription_failed", err: describeError(error) },
        "watch-list subscription failed",
      ),
  );

  client.on(Events.MessageCreate, (message) => ingestor.onMessage(message, Date.now()));
  client.on(Events.MessageUpdate, (_old, message) => ingestor.onMessage(message, Date.now()));
  client.on(Events.MessageDelete, (message) =>
    ingestor.onDelete(message.channelId, [message.id], Date.now()),
  );
  client.on(Events.MessageBulkDelete, (messages, channel) =>
    ingestor.onDelete(channel.id, [...messages.keys()], Date.now()),
  );
  client.on(Events.ShardReady, (shardId) => {
    gateway = "ready";
    logger.info(
      { event: "gateway.ready", shardId, user: client.user?.id },
      "gateway ready; backfilling",
    );
    backfillAll("ready");
    importer.start();
  });
  client.on(Events.ShardResume, (shardId, replayed) => {
    gateway = "ready";
    logger.info({ event: "gateway.resumed", shardId, replayed }, "gateway resumed; backfilling");
    backfillAll("resume");
  });
  client.on(Events.ShardDisconnect, (event, shardId) => {
    gateway = "disconnected";
    backfill.invalidate();
    logger.warn(
      { event: "gateway.disconnected", shardId, code: event.code },
      "gateway disconnected",
    );
  });
  client.on(Events.ShardReconnecting, (shardId) => {
    gateway = "reconnecting";
    backfill.invalidate();
    logger.warn({ event: "gateway.reconnecting", shardId }, "gateway reconnecting");
  });
  client.on(Events.ShardError, (error, shardId) =>
    logger.error({ event: "gateway.error", shardId, err: error.message }, "gateway error"),
  );
  client.on(Events.Warn, (message) => logger.warn({ event: "discord.warn" }, message));
  client.on(Events.Error, (error) =>
    logger.error({ event: "discord.error", err: error.message }, "client error"),
  );
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn(
      {
        event: "discord.rate_limited",
        route: info.route,
        retryAfter: info.retryAfter,
        global: info.global,
        scope: info.scope,
      },
      "Discord rate limit",
    ),
  );

  // 5. Health server
  let stopping = false;
  const status = () => ({
    ready: !stopping && client.isReady() && gateway === "ready" && watched.loaded,
    gateway,
    gatewayStatus: Status[client.ws.status],
    lastEventAt:
      ingestor.stats.lastEventAt === undefined
        ? null
        : new Date(ingestor.stats.lastEventAt).toISOString(),
    watchedChannels: watched.list(),
    queueDepth: queue.depth,
    writesInFlight: queue.inFlight,
    peakWritesInFlight: queue.peakInFlight,
    backfillsPending: backfill.pendingCount,
    backfillRuns: backfill.runs,
    historyImport: importer.status,
    stats: ingestor.stats,
    convex: convex.connectionState().isWebSocketConnected ? "connected" : "disconnected",
    startedAt: new Date(startedAt).toISOString(),
    instanceId,
  });
  // The shared endpoint answers 200/503 on `ok`; `ready` stays in the body, the collector's contract.
  const report = () => {
    const current = status();
    return { ...current, ok: current.ready };
  };
  const health = await startHealthServer(config.health.port, report, {
    host: config.health.host,
  }).catch((error: unknown) => {
    logger.fatal(
      { event: "health.listen_failed", err: describeError(error), port: config.health.port },
      "cannot listen for /health: is the port in use? Set COLLECTOR_HEALTH_PORT",
    );
    process.exit(1);
  });
  logger.info(
    { event: "health.listening", host: config.health.host, port: health.port },
    "health endpoint up",
  );

  const heartbeat = startHeartbeat({
    api,
    logger,
    instanceId,
    startedAt,
    intervalMs: config.heartbeatIntervalMs,
    details: () => {
      const { watchedChannels, ...rest } = status();
      return { ...rest, watchedChannels: watchedChannels.length };
    },
    liveChannels: () =>
      gateway === "ready" && queue.depth === 0 && !stopping ? backfill.caughtUpChannels() : [],
  });

  // 6. Shutdown: stop intake, finish in-flight writes, destroy the client, close Convex, exit.
  const stopRequested = new AbortController();
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    stopRequested.abort();
    logger.info({ event: "shutdown.start", signal, queueDepth: queue.depth }, "shutting down");
    const hardStop = setTimeout(() => {
      logger.fatal(
        { event: "shutdown.timeout", queueDepth: queue.depth },
        "shutdown timed out; exiting",
      );
      process.exit(1);
    }, config.shutdownTimeoutMs);
    hardStop.unref();
    client.removeAllListeners(Events.MessageCreate);
    client.removeAllListeners(Events.MessageUpdate);
    client.removeAllListeners(Events.MessageDelete);
    client.removeAllListeners(Events.MessageBulkDelete);
    unwatch();
    backfill.stop();
    await importer.stop();
    queue.close();
    await queue.drain();
    heartbeat.stop();
    await client.destroy();
    await convex.close();
    await health.close();
    logger.info({ event: "shutdown.done", stats: ingestor.stats }, "stopped");
    process.exit(exitCode);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  // Discord down or failing at start-up is waited out (the messages it holds meanwhile are read
  // by the backfill); only a refused token ends the process, with 1 so a supervisor sees it.
  try {
    await loginToDiscord(client, config.discordToken, { logger, signal: stopRequested.signal });
  } catch (error) {
    if (stopping) return;
    logger.fatal(
      { event: "discord.login_failed", err: describeError(error) },
      "Discord refused the bot token: check DISCORD_COLLECTOR_TOKEN (and DISCORD_API_URL)",
    );
    await shutdown("login-failed", 1);
  }
}

let config: CollectorConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
await main(config);
