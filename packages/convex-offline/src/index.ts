export { startBackend, BACKEND_VERSION, type Backend, type BackendOptions } from "./backend.js";
export { generateAuthKeys, type AuthKeys } from "./auth/keys.js";
export { parseEnvFile } from "./env.js";
export { jsonLogger, silentLogger, type Logger, type LogLevel } from "./log.js";
export { adminClient, type AdminClient } from "./adminClient.js";
