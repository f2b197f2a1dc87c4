// Public API of @g3/discord-emulator.
export { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "./start.js";
export {
  ControlClient,
  ControlApiError,
  type ControlMessage,
  type WorldSummary,
} from "./control/client.js";
export { demoWorld, DEMO_IDS, DEMO_TOKENS } from "./demo-world.js";
export { parseWorldSpec, ZWorldSpec, type TWorldSpec, type TWorldSpecInput } from "./world/spec.js";
export { snowflakeFrom, snowflakeTimestampMs, SnowflakeGenerator } from "./snowflake.js";
export { DEFAULT_ROUTE_LIMITS } from "./ratelimit.js";
export type { TRestFaultInput, TGatewayFaultInput } from "./faults.js";
