// The system Lighthouse audits: the offline backend with the demo tier, an admin and a paying
// customer, and the production web build on `next start` — as the attack suite and the e2e run it.
import { createServer } from "node:net";
import { join } from "node:path";
import {
  adminClient,
  generateAuthKeys,
  silentLogger,
  startBackend,
  type Backend,
} from "@g3/convex-offline";
import { seedDemoWorld } from "@g3/dev-stack";
import { waitFor } from "@g3/dev-stack/poll";
import { ensureWebBuild } from "@g3/dev-stack/web-build";
import { startWebProduction } from "@g3/dev-stack/web-start";
import { ConvexHttpClient } from "convex/browser";
import { api, internal } from "../../../convex/_generated/api.js";
import { FUNCTIONS_DIR, ROOT } from "./paths.js";

export const ADMIN_EMAIL = "admin@lighthouse.test";
export const CUSTOMER_EMAIL = "customer@lighthouse.test";
export const PASSWORD = "lighthouse-Audit-passphrase-2026!";
const SERVICE_SECRET = "lighthouse-service-secret-0123456789";
const WEBHOOK_SECRET = "lighthouse-sellapp-secret-0123456789";
/** The attack suite's and the benchmark's backend port: one production build serves all three. */
const PREFERRED_BACKEND_PORT = 3410;

export type AuditStack = { webUrl: string; close: () => Promise<void> };

function freePort(preferred = 0): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (preferred !== 0 && error.code === "EADDRINUSE") resolvePort(freePort(0));
      else reject(error);
    });
    server.listen(preferred, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Signs up over the wire and verifies with the code from the dev mailbox; returns the JWT. */
async function signUpVerified(backend: Backend, email: string): Promise<string> {
  const client = new ConvexHttpClient(backend.url, { logger: false });
  const started = await client.action(api.auth.signIn, {
    provider: "password",
    params: { email, password: PASSWORD, flow: "signUp" },
  });
  if (started.tokens) throw new Error(`sign-up of ${email} skipped email verification`);
  const admin = adminClient(backend.url, backend.adminKey);
  const code = await waitFor(
    async () => (await admin.query(internal.devMailbox.latestCodeFor, { to: email })) ?? undefined,
    20_000,
    `the verification code mailed to ${email}`,
  );
  const verified = await client.action(api.auth.signIn, {
    provider: "password",
    params: { email, code, flow: "email-verification" },
  });
  const token = verified.tokens?.token;
  if (token === undefined) throw new Error(`verifying ${email} returned no token`);
  return token;
}

/** The admin grants the customer the demo tier (a manual entitlement, audited like any). */
async function grantCustomer(backend: Backend, adminToken: string): Promise<void> {
  const client = new ConvexHttpClient(backend.url, { logger: false });
  client.setAuth(adminToken);
  const { users } = await client.query(api.entitlementAdmin.search, {
    emailPrefix: CUSTOMER_EMAIL,
  });
  const customer = users.find((user) => user.email === CUSTOMER_EMAIL);
  if (customer === undefined) throw new Error(`${CUSTOMER_EMAIL} was not found after sign-up`);
  await client.mutation(api.entitlementAdmin.grant, {
    userId: customer.id,
    tierKey: "vip",
    days: 30,
    reason: "Lighthouse audit account",
  });
}

/**
 * Starts everything. The production build is reused when current (ensureWebBuild); callers that
 * may build hold /tmp/g3-web-build.lock (the `pnpm lighthouse` script and the smoke take it).
 */
export async function startAuditStack(
  workDir: string,
  say: (line: string) => void,
): Promise<AuditStack> {
  const webPort = await freePort();
  const keys = await generateAuthKeys();
  const backend = await startBackend({
    functionsDir: FUNCTIONS_DIR,
    host: "127.0.0.1",
    port: await freePort(PREFERRED_BACKEND_PORT),
    sitePort: 0,
    dataDir: null,
    logger: silentLogger,
    env: {
      JWT_PRIVATE_KEY: keys.JWT_PRIVATE_KEY,
      JWKS: keys.JWKS,
      SITE_URL: `http://localhost:${webPort}`,
      EMAIL_PROVIDER: "dev",
      ADMIN_EMAILS: ADMIN_EMAIL,
      CONVEX_SERVICE_SECRET: SERVICE_SECRET,
      SELLAPP_WEBHOOK_SECRET: WEBHOOK_SECRET,
    },
  });
  try {
    await seedDemoWorld(backend.url, backend.adminKey);
    const adminToken = await signUpVerified(backend, ADMIN_EMAIL);
    await signUpVerified(backend, CUSTOMER_EMAIL);
    await grantCustomer(backend, adminToken);
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
