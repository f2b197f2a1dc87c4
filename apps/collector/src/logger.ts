import { createServiceLogger, type Logger } from "@g3/service-runtime";
import type { DestinationStream } from "pino";

export type { Logger };

/** One JSON line per event on stdout, with the redaction list every service shares. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return createServiceLogger({
    service: "collector",
    level,
    ...(destination === undefined ? {} : { destination }),
  });
}
