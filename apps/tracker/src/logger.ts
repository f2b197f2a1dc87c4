import { createServiceLogger, type Logger } from "@g3/service-runtime";
import type { DestinationStream } from "pino";

/** JSON logs, one line per event, with the redaction list every service shares. */
export function createLogger(
  level: string,
  instanceId: string,
  destination?: DestinationStream,
): Logger {
  return createServiceLogger({
    service: "tracker",
    level,
    base: { instanceId },
    ...(destination === undefined ? {} : { destination }),
  });
}

export type { Logger };
