// The offline Convex backend serving our convex/ app, configured as the suite's deployment.
import type { Backend } from "@g3/convex-offline";
import { seedDemoWorld, startAppBackend } from "@g3/dev-stack";
import { ADMIN_EMAIL, SERVICE_SECRET, WEBHOOK_SECRET } from "./world.js";

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
  const backend = await startAppBackend({
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    dataDir: options.dataDir,
    env: {
      SITE_URL: options.siteUrl,
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
