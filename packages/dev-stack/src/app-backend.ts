import { generateAuthKeys, silentLogger, startBackend, type Backend } from "@g3/convex-offline";
import { CONVEX_DIR } from "./repo-paths.js";

export type AppBackendOptions = {
  /** The deployment's environment, over the defaults (fresh Convex Auth keys, the dev mailbox). */
  env: Record<string, string>;
  /** Interface to serve on (default loopback); a non-loopback address makes a non-loopback deployment. */
  host?: string;
  /** The API port (default: any free one); the HTTP actions' site port is always any free one. */
  port?: number;
  /** Where documents persist (default null: in memory, gone when closed). */
  dataDir?: string | null;
};

/**
 * Our Convex app on the offline backend, in this process, for a test harness: silent, on free
 * ports unless told, with Convex Auth keys of its own and mail going to the dev mailbox (read back
 * with the admin key) — the deployment settings every harness starts from.
 */
export async function startAppBackend(options: AppBackendOptions): Promise<Backend> {
  const keys = await generateAuthKeys();
  return await startBackend({
    functionsDir: CONVEX_DIR,
    ...(options.host === undefined ? {} : { host: options.host }),
    port: options.port ?? 0,
    sitePort: 0,
    dataDir: options.dataDir ?? null,
    logger: silentLogger,
    env: {
      JWT_PRIVATE_KEY: keys.JWT_PRIVATE_KEY,
      JWKS: keys.JWKS,
      EMAIL_PROVIDER: "dev",
      ...options.env,
    },
  });
}
