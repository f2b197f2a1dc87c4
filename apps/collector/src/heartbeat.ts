import { describeError, type IngestApi } from "./ingest-api.js";
import type { Logger } from "./logger.js";

/** Reports liveness to Convex (serviceHeartbeats) every interval; failures are logged, not fatal. */
export function startHeartbeat(options: {
  api: IngestApi;
  logger: Logger;
  instanceId: string;
  startedAt: number;
  intervalMs: number;
  details: () => Record<string, unknown>;
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
