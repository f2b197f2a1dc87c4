// The system Lighthouse audits: the offline backend with the demo tier, an admin, a paying customer
// and forty signals in the customer's feed, and the production web build on `next start` — as the
// attack suite and the e2e run it.
import { join } from "node:path";
import {
  freePort,
  grantTierByEmail,
  seedDemoWorld,
  signUpVerified,
  startAppBackend,
} from "@g3/dev-stack";
import { ensureWebBuild } from "@g3/dev-stack/web-build";
import { startWebProduction } from "@g3/dev-stack/web-start";
import { seedAuditedFeed } from "./feed-seed.js";
import { ROOT } from "./paths.js";

export const ADMIN_EMAIL = "admin@lighthouse.test";
export const CUSTOMER_EMAIL = "customer@lighthouse.test";
export const PASSWORD = "lighthouse-Audit-passphrase-2026!";
const SERVICE_SECRET = "lighthouse-service-secret-0123456789";
const WEBHOOK_SECRET = "lighthouse-sellapp-secret-0123456789";
/** The attack suite's and the benchmark's backend port: one production build serves all three. */
const PREFERRED_BACKEND_PORT = 3410;

export type AuditStack = { webUrl: string; close: () => Promise<void> };

/**
 * Starts everything. The production build is reused when current (ensureWebBuild); callers that
 * may build hold /tmp/g3-web-build.lock (the `pnpm lighthouse` script and the smoke take it).
 */
export async function startAuditStack(
  workDir: string,
  say: (line: string) => void,
): Promise<AuditStack> {
  const webPort = await freePort();
  const backend = await startAppBackend({
    port: await freePort(PREFERRED_BACKEND_PORT),
    env: {
      SITE_URL: `http://localhost:${webPort}`,
      ADMIN_EMAILS: ADMIN_EMAIL,
      CONVEX_SERVICE_SECRET: SERVICE_SECRET,
      SELLAPP_WEBHOOK_SECRET: WEBHOOK_SECRET,
    },
  });
  try {
    await seedDemoWorld(backend.url, backend.adminKey);
    const adminToken = await signUpVerified(backend, ADMIN_EMAIL, PASSWORD);
    await signUpVerified(backend, CUSTOMER_EMAIL, PASSWORD);
    // The admin grants the customer the demo tier (a manual entitlement, audited like any).
    await grantTierByEmail(backend, adminToken, {
      email: CUSTOMER_EMAIL,
      tierKey: "vip",
      days: 30,
      reason: "Lighthouse audit account",
    });
    await seedAuditedFeed(backend.url, SERVICE_SECRET);
    await ensureWebBuild(ROOT, backend.url, say);
    const web = await startWebProduction(ROOT, {
      backendUrl: backend.url,
      port: webPort,
      logFile: join(workDir, "next-server.log"),
    });
    return {
      webUrl: web.url,
      close: async () => {
        await web.close();
        await backend.close();
      },
    };
  } catch (error) {
    await backend.close();
    throw error;
  }
}
