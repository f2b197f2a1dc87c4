import pino, { type Logger } from "pino";

/** JSON logs, one line per event. Tokens and the service secret are redacted wherever they appear. */
export function createLogger(level: string, instanceId: string): Logger {
  return pino({
    level,
    base: { service: "mirror", instanceId },
    redact: {
      paths: [
        "token",
        "secret",
        "*.token",
        "*.secret",
        "headers.authorization",
        "*.headers.authorization",
      ],
      censor: "[redacted]",
    },
  });
}

export type { Logger };
