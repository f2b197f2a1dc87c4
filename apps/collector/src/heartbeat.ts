import { describeError, type IngestApi } from "./ingest-api.js";
import type { Logger } from "./logger.js";

/**
 * Reports liveness to Convex (serviceHeartbeats) every interval, and stamps the channels the
 * collector is connected to and caught up on as live (`ingest.markChannelsLive`: a later start
 * rechecks from the last stamp). Failures are logged, not fatal.
 */
export function startHeartbeat(options: {
  api: IngestApi;
  logger: Logger;
  instanceId: string;
  startedAt: number;
  intervalMs: number;
  details: () => Record<string, unknown>;
  /** Channels with nothing missed so far: gateway up, catch-up done, no write outstanding. */
  liveChannels: () => string[];
}): { stop: () => void } {
  let inFlight = false;
  const beat = async () => {
    if (inFlight) return; // Convex unreachable: the previous beat is still queued in the client
    inFlight = true;
    try {
      await options.api.heartbeat({
        instanceId: options.instanceId,
        startedAt: options.startedAt,
        details: JSON.stringify(options.details()).slice(0, 3900),
      });
      const live = options.liveChannels();
      if (live.length > 0) await options.api.markChannelsLive(live);
    } catch (error) {
      options.logger.warn(
        { event: "heartbeat.failed", err: describeError(error) },
        "heartbeat failed",
      );
    } finally {
      inFlight = false;
    }
  };
  void beat();
  const timer = setInterval(() => void beat(), options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
