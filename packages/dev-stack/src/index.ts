export { DEFAULT_PORTS, INSTANCE_PORT_STEP, healthPort, type Ports } from "./ports.js";
export {
  Supervisor,
  type ExitInfo,
  type FinalExit,
  type FinalExitReason,
  type ServiceSpec,
  type ServiceState,
  type ServiceStatus,
  type SupervisorEvent,
  type SupervisorOptions,
} from "./supervisor.js";
export { DEFAULT_RESTART_POLICY, decideRestart, type RestartPolicy } from "./restart-policy.js";
export { formatStatus, readStatusFile, type StackStatus } from "./status-file.js";
export { HARNESS_STACK, instanceName, stackServices, type StackOptions } from "./services.js";
export { startLocalStack, type LocalStack, type LocalStackOptions } from "./stack.js";
export { defaultLocalEnv, ensureLocalEnv, type LocalEnv } from "./local-env.js";
export { seedDemoWorld, seedStartedBackend, DEMO_PRODUCT_ID } from "./seed.js";
export { waitForHttp } from "./wait-for.js";
export { harnessStack, type HarnessStack, type HarnessStackOptions } from "./harness.js";
export { startAppBackend, type AppBackendOptions } from "./app-backend.js";
export { freePort } from "./free-port.js";
export { REPO_ROOT, CONVEX_DIR } from "./repo-paths.js";
export { grantTierByEmail, signUpVerified, type HarnessBackend } from "./accounts.js";
