import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/** One JSON line per event on stdout. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "demo-feed" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ["token", "*.token", "authorization", "*.authorization"],
      censor: "[redacted]",
    },
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
