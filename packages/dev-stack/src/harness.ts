import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { defaultLocalEnv, ensureLocalEnv, type LocalEnv } from "./local-env.js";
import { HARNESS_STACK, stackServices, type StackOptions } from "./services.js";

export type HarnessStackOptions = Omit<
  StackOptions,
  keyof typeof HARNESS_STACK | "env" | "dataDir" | "envFile"
> & {
  /** Holds the env file (`env`) and the backend's data (`convex/`). */
  workDir: string;
  /** Settings over the local defaults for these ports (`defaultLocalEnv`). */
  env?: LocalEnv;
};

export type HarnessStack = {
  /** The deployment's env as written to `envFile` (the secrets a harness calls with). */
  env: LocalEnv;
  envFile: string;
  /** The backend's data directory; its `admin_key` appears there when the backend starts. */
  dataDir: string;
  services: ReturnType<typeof stackServices>;
};

/**
 * The services of the stack a harness drives (chaos soak, delivery benchmark, the instances test)
 * in `workDir`, as `HARNESS_STACK` runs them, and the env they share. Nothing is started: the
 * harness starts what it needs in its own order (under the supervisor or its own processes), then
 * seeds with `seedStartedBackend(backendUrl, dataDir)`.
 */
export async function harnessStack(options: HarnessStackOptions): Promise<HarnessStack> {
  const { workDir, env: extra, ...rest } = options;
  const dataDir = join(workDir, "convex");
  mkdirSync(dataDir, { recursive: true });
  const envFile = join(workDir, "env");
  const { env } = await ensureLocalEnv(envFile, async () => ({
    ...(await defaultLocalEnv(rest.ports)),
    ...extra,
  }));
  const services = stackServices({
    ...rest,
    env,
    ...HARNESS_STACK,
    dataDir,
    envFile,
  });
  return { env, envFile, dataDir, services };
}
