import { pino, type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { REDACT_PATHS, REDACTED } from "./redaction";

export type { DestinationStream, Logger };

export type ServiceLoggerOptions = {
  /** The `service` field on every line: "collector", "mirror", "demo-feed". */
  service: string;
  level: string;
  /** More fields on every line (e.g. `instanceId`). */
  base?: Record<string, string>;
  /** Where lines go; stdout when absent. Tests pass a collector. */
  destination?: DestinationStream;
};

/**
 * One JSON line per event, ISO time, level as a label, and every credential field redacted
 * (SECRET_FIELD_NAMES, at any depth up to REDACT_DEPTH, in bindings of child loggers too).
 */
export function createServiceLogger(options: ServiceLoggerOptions): Logger {
  const pinoOptions: LoggerOptions = {
    level: options.level,
    base: { service: options.service, ...options.base },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return options.destination === undefined
    ? pino(pinoOptions)
    : pino(pinoOptions, options.destination);
}

/**
 * The logger factory of a bot that runs as several instances (mirror, tracker): every line names
 * the service and the instance, so two instances' lines can be told apart in one stream.
 */
export function instanceLoggerFactory(
  service: string,
): (level: string, instanceId: string, destination?: DestinationStream) => Logger {
  return (level, instanceId, destination) =>
    createServiceLogger({
      service,
      level,
      base: { instanceId },
      ...(destination === undefined ? {} : { destination }),
    });
}
