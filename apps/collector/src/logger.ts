import { pino, type DestinationStream, type Logger, type LoggerOptions } from "pino";

export type { Logger };

/** Fields that may carry credentials; pino replaces them wherever they appear. */
const REDACT = [
  "token",
  "secret",
  "serviceSecret",
  "discordToken",
  "authorization",
  "*.token",
  "*.secret",
  "*.serviceSecret",
  "*.discordToken",
  "*.authorization",
  "headers.authorization",
];

/** One JSON line per event on stdout. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: "collector" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT, censor: "[redacted]" },
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
