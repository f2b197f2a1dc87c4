// The offline Convex backend serving our convex/ app, configured as the suite's deployment.
import { createServer } from "node:net";
import { generateAuthKeys, silentLogger, startBackend, type Backend } from "@g3/convex-offline";
import { seedDemoWorld } from "@g3/dev-stack";
import { FUNCTIONS_DIR } from "./paths.js";
import { ADMIN_EMAIL, SERVICE_SECRET, WEBHOOK_SECRET } from "./world.js";

/** A free TCP port on `host`, `preferred` if it is free (a stable URL lets a web build be reused). */
export function freePort(host = "127.0.0.1", preferred = 0): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (preferred !== 0 && error.code === "EADDRINUSE") resolvePort(freePort(host, 0));
      else reject(error);
    });
    server.listen(preferred, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export type AttackBackendOptions = {
  /** Interface to serve on; a non-loopback address makes a non-loopback deployment. */
  host?: string;
  port?: number;
  /** Where documents persist (the webhook test measures its growth); null keeps them in memory. */
  dataDir: string | null;
  /** The web origin (Convex Auth's SITE_URL). */
  siteUrl: string;
  env?: Record<string, string>;
};

/**
 * Starts the backend with the deployment settings a local run has (dev mailbox, the suite's
 * secrets and admin) and seeds the demo tier, its Sell.app product and the VIP channel mapping.
 */
export async function startAttackBackend(options: AttackBackendOptions): Promise<Backend> {
  const keys = await generateAuthKeys();
  const backend = await startBackend({
    functionsDir: FUNCTIONS_DIR,
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    sitePort: 0,
    dataDir: options.dataDir,
    logger: silentLogger,
    env: {
      JWT_PRIVATE_KEY: keys.JWT_PRIVATE_KEY,
      JWKS: keys.JWKS,
      SITE_URL: options.siteUrl,
      EMAIL_PROVIDER: "dev",
      ADMIN_EMAILS: ADMIN_EMAIL,
      CONVEX_SERVICE_SECRET: SERVICE_SECRET,
      SELLAPP_WEBHOOK_SECRET: WEBHOOK_SECRET,
      ...options.env,
    },
  });
  try {
    await seedDemoWorld(backend.url, backend.adminKey);
  } catch (error) {
    await backend.close();
    throw error;
  }
  return backend;
}
