import { instanceLoggerFactory, type Logger } from "@g3/service-runtime";

/** JSON logs, one line per event, with the redaction list every service shares and the instance. */
export const createLogger = instanceLoggerFactory("tracker");

export type { Logger };
