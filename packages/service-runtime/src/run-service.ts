import type { Logger } from "pino";

/** What a composed service hands back: one call that stops everything it started. */
export type Stoppable = { stop: () => Promise<void> };

/** The parts of `process` a service runner uses (tests pass their own). */
export type ProcessHost = {
  on: (
    event: "SIGTERM" | "SIGINT" | "unhandledRejection",
    listener: (arg: unknown) => void,
  ) => void;
  exit: (code: number) => void;
};

export type RunServiceOptions<App extends Stoppable> = {
  /** The event prefix: "mirror" logs `mirror.shutdown`, `mirror.start_failed`, … */
  service: string;
  logger: Logger;
  /** How long `stop()` may take after SIGTERM/SIGINT before the process exits 1 anyway. */
  shutdownTimeoutMs: number;
  /** The composition root: builds and starts the service (config is already loaded). */
  start: () => Promise<App>;
  host?: ProcessHost;
};

/**
 * Runs a composed service as a process: logs unhandled rejections, starts it (exit 1 with a
 * `<service>.start_failed` line if that throws), and on the first SIGTERM or SIGINT stops it and
 * exits 0, or exits 1 when stopping fails or outlasts `shutdownTimeoutMs` (a process manager
 * then sees a failed stop instead of a hang). Later signals during the shutdown are ignored.
 */
export async function runService<App extends Stoppable>(
  options: RunServiceOptions<App>,
): Promise<App | undefined> {
  const { service, logger, host = process } = options;
  const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
  host.on("unhandledRejection", (reason) => {
    logger.error(
      { event: "process.unhandled_rejection", error: String(reason) },
      "unhandled rejection",
    );
  });

  let app: App;
  try {
    app = await options.start();
  } catch (error) {
    logger.fatal(
      { event: `${service}.start_failed`, error: errorText(error) },
      `${service} failed to start`,
    );
    logger.flush();
    host.exit(1);
    return undefined;
  }

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ event: `${service}.shutdown`, signal }, "shutting down");
    const hardStop = setTimeout(() => {
      logger.error(
        { event: `${service}.shutdown_timeout` },
        "graceful shutdown timed out; exiting",
      );
      logger.flush();
      host.exit(1);
    }, options.shutdownTimeoutMs);
    hardStop.unref();
    app.stop().then(
      () => {
        clearTimeout(hardStop);
        logger.flush();
        host.exit(0);
      },
      (error: unknown) => {
        clearTimeout(hardStop);
        logger.error(
          { event: `${service}.shutdown_failed`, error: errorText(error) },
          "shutdown failed",
        );
        logger.flush();
        host.exit(1);
      },
    );
  };
  host.on("SIGTERM", () => shutdown("SIGTERM"));
  host.on("SIGINT", () => shutdown("SIGINT"));
  return app;
}
