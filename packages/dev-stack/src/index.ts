export { DEFAULT_PORTS, type Ports } from "./ports.js";
export { Supervisor, type ServiceSpec, type SupervisorOptions } from "./supervisor.js";
export { stackServices, type StackOptions } from "./services.js";
export { defaultLocalEnv, ensureLocalEnv, type LocalEnv } from "./local-env.js";
export { seedDemoWorld, DEMO_PRODUCT_ID } from "./seed.js";
export { waitForHttp } from "./wait-for.js";
