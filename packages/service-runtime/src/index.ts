export { type HealthReport, startHealthServer } from "./health-server";
export { isRefusedDiscordToken, loginToDiscord } from "./discord-login";
export { abortableSleep, keepTrying, type KeepTryingOptions } from "./keep-trying";
export {
  createServiceLogger,
  instanceLoggerFactory,
  type Logger,
  type ServiceLoggerOptions,
} from "./logger";
export { REDACT_DEPTH, REDACT_PATHS, REDACTED, SECRET_FIELD_NAMES } from "./redaction";
export {
  runService,
  type ProcessHost,
  type RunServiceOptions,
  type Stoppable,
} from "./run-service";
