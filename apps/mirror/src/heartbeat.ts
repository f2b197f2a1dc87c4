import type { Logger } from "./logger.js";
import type { MirrorApi } from "./mirror-api.js";
import type { RoleWorker } from "./role-worker.js";

/** Reports liveness, load and the role hierarchy to Convex every `everyMs`. */
export function startHeartbeat(args: {
  api: MirrorApi;
  roles: RoleWorker;
  guildId: string;
  startedAt: number;
  everyMs: number;
  gatewayReady: () => boolean;
  inFlight: () => number;
  logger: Logger;
}): () => Promise<void> {
  let running: Promise<void> | undefined;
  const beat = async () => {
    try {
      const hierarchy = await args.roles.hierarchy();
      await args.api.heartbeat({
        startedAt: args.startedAt,
        details: {
          guildId: args.guildId,
          gatewayReady: args.gatewayReady(),
          inFlight: args.inFlight(),
          ...hierarchy,
        },
      });
    } catch (error) {
      args.logger.warn(
        { event: "mirror.heartbeat_failed", error: String(error) },
        "heartbeat failed",
      );
    }
  };
  const tick = () => {
    running ??= beat().finally(() => {
      running = undefined;
    });
  };
  tick();
  const timer = setInterval(tick, args.everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
