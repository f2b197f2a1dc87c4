import { loginToDiscord, startHealthServer } from "@g3/service-runtime";
import { ConvexClient } from "convex/browser";
import { Events, type Client, type ClientOptions } from "discord.js";
import type { MirrorConfig } from "./config.js";
import { DeliveryExecutor } from "./delivery-executor.js";
import { createDiscordClient } from "./discord-client.js";
import { DriftWorker } from "./drift-worker.js";
import { fetchFileBytes } from "./file-fetch.js";
import { startHeartbeat } from "./heartbeat.js";
import type { Logger } from "./logger.js";
import { MirrorApi } from "./mirror-api.js";
import { MirrorWorker } from "./mirror-worker.js";
import { RoleWorker } from "./role-worker.js";
import { whenUnreachable } from "./unreachable.js";

/** On stop, give up on the graceful steps once Convex has been unreachable this long. */
const CONVEX_GONE_ON_STOP_MS = 2_000;

export type MirrorApp = {
  client: Client;
  api: MirrorApi;
  mirror: MirrorWorker;
  roles: RoleWorker;
  drift: DriftWorker;
  healthPort: number;
  /** Graceful: stop claiming, finish in-flight sends, release leases, destroy, close Convex. */
  stop: () => Promise<void>;
  /** Simulates a crash for tests: drops everything at once, releasing nothing. */
  kill: () => Promise<void>;
};

export type ComposeOverrides = {
  discord?: Partial<ClientOptions>;
  /** Builds the Convex API wrapper (tests inject crashes at the ack boundary). */
  api?: (client: ConvexClient, secret: string, owner: string) => MirrorApi;
  leaseMs?: number;
  heartbeatMs?: number;
};

/**
 * Wires the mirror in dependency order: Convex client → Discord client (logged in, ready) →
 * workers (role worker, mirror worker) → heartbeat → health server. `src/index.ts` adds config,
 * logging and signal handling around it.
 */
export async function composeMirror(
  config: MirrorConfig,
  logger: Logger,
  overrides: ComposeOverrides = {},
): Promise<MirrorApp> {
  const startedAt = Date.now();
  const convex = new ConvexClient(config.CONVEX_URL, { unsavedChangesWarning: false });
  const api = (overrides.api ?? ((c, s, o) => new MirrorApi(c, s, o)))(
    convex,
    config.CONVEX_SERVICE_SECRET,
    config.MIRROR_INSTANCE_ID,
  );

  const client = createDiscordClient({
    globalRequestsPerSecond: config.DISCORD_REST_GLOBAL_RPS,
    ...(config.DISCORD_API_URL === undefined ? {} : { apiUrl: config.DISCORD_API_URL }),
    ...(overrides.discord === undefined ? {} : { overrides: overrides.discord }),
  });
  client.on(Events.Error, (error) =>
    logger.error({ event: "discord.error", error: error.message }, "discord error"),
  );
  client.on(Events.ShardDisconnect, (_event, shardId) =>
    logger.warn({ event: "discord.disconnect", shardId }, "gateway disconnected"),
  );
  client.rest.on("rateLimited", (info) =>
    logger.warn(
      {
        event: "discord.rate_limited",
        route: info.route,
        retryAfterMs: info.retryAfter,
        global: info.global,
        scope: info.scope,
      },
      "rate limited",
    ),
  );
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  // Discord down or failing at start-up is waited out; a refused token throws (runService exits 1).
  await loginToDiscord(client, config.DISCORD_MIRROR_TOKEN, { logger });
  await ready;
  logger.info({ event: "discord.ready", user: client.user?.id }, "logged in to Discord");

  const executor = new DeliveryExecutor({
    client,
    api,
    logger,
    render: { uploadLimitBytes: config.MIRROR_UPLOAD_LIMIT_BYTES, summary: config.MIRROR_SUMMARY },
    fetchFile: (url) => fetchFileBytes(url),
  });
  const roles = new RoleWorker({
    api,
    client,
    guildId: config.DISCORD_CUSTOMER_GUILD_ID,
    logger,
    reconcileEveryMs: config.MIRROR_ROLE_RECONCILE_MINUTES * 60_000,
    leaseMs: overrides.leaseMs ?? config.MIRROR_LEASE_MS,
  });
  const mirror = new MirrorWorker({
    api,
    executor,
    logger,
    maxChannelsInFlight: config.MIRROR_MAX_CHANNELS_IN_FLIGHT,
    leaseMs: overrides.leaseMs ?? config.MIRROR_LEASE_MS,
  });
  await mirror.start();
  roles.start();
  void roles
    .reconcileNow()
    .catch((error: unknown) =>
      logger.error(
        { event: "roles.reconcile_failed", error: String(error) },
        "reconciliation failed",
      ),
    );
  // After mirror.start(): its recovery (own leases released) has run before the first check.
  const drift = new DriftWorker({
    api,
    client,
    logger,
    everyMs: config.MIRROR_DRIFT_CHECK_MINUTES * 60_000,
  });
  drift.start();
  void drift.checkNow().catch(() => undefined); // failures are logged by the worker
  const stopHeartbeat = startHeartbeat({
    api,
    roles,
    guildId: config.DISCORD_CUSTOMER_GUILD_ID,
    startedAt,
    everyMs: overrides.heartbeatMs ?? 15_000,
    gatewayReady: () => client.isReady(),
    inFlight: () => mirror.inFlight + roles.inFlight,
    logger,
  });
  const health = await startHealthServer(config.MIRROR_HEALTH_PORT, () => ({
    ok: client.isReady() && convex.connectionState().isWebSocketConnected,
    gatewayReady: client.isReady(),
    convexConnected: convex.connectionState().isWebSocketConnected,
    inFlight: mirror.inFlight + roles.inFlight,
    lastSnapshotAt: mirror.lastSnapshotAt,
    lastReconcile: roles.lastReconcile ?? null,
  }));
  logger.info({ event: "mirror.started", healthPort: health.port }, "mirror started");

  let stopping: Promise<void> | undefined;
  return {
    client,
    api,
    mirror,
    roles,
    drift,
    healthPort: health.port,
    stop: () =>
      (stopping ??= (async () => {
        const graceful = (async () => {
          await mirror.stop();
          await roles.stop();
          await drift.stop();
          await stopHeartbeat();
        })();
        const convexGone = whenUnreachable(
          () => convex.connectionState().isWebSocketConnected,
          CONVEX_GONE_ON_STOP_MS,
        );
        const outcome = await Promise.race([
          graceful.then(() => "done" as const),
          convexGone.reached.then(() => "convex_gone" as const),
        ]);
        convexGone.cancel();
        if (outcome === "convex_gone") {
          logger.warn(
            { event: "mirror.stop_without_convex" },
            "Convex is unreachable: stopping without handing back leases (they expire and are reclaimed at the next start)",
          );
        }
        await health.close();
        await client.destroy();
        await convex.close();
        logger.info({ event: "mirror.stopped" }, "mirror stopped");
      })()),
    kill: () =>
      (stopping ??= (async () => {
        await Promise.allSettled([convex.close(), client.destroy(), health.close()]);
      })()),
  };
}
