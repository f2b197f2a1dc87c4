// The local stack for browser tests: the offline Convex backend, the Discord, Web Push and market
// data stand-ins (in this process) and the Next.js app (`next build` + `next start` in a child
// process), each on a free 127.0.0.1 port.
import { spawn, type ChildProcess } from "node:child_process";
import { createECDH } from "node:crypto";
import { mkdirSync, openSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateAuthKeys, silentLogger, startBackend, type Backend } from "@g3/convex-offline";
import { startMarketEmulator, type RunningMarket } from "@g3/market-emulator";
import { startPushService, type PushServiceEmulator } from "@g3/push-service-emulator";
import {
  DEMO_IDS,
  DEMO_TOKENS,
  demoWorld,
  startEmulator,
  type RunningEmulator,
} from "@g3/discord-emulator";

export const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const FUNCTIONS_DIR = join(WEB_DIR, "..", "..", "convex");
const NEXT_BIN = join(WEB_DIR, "node_modules", "next", "dist", "bin", "next");

export const SERVICE_SECRET = "e2e-service-secret-0123456789";
export const WEBHOOK_SECRET = "e2e-sellapp-secret-0123456789";
export const ADMIN_EMAIL = "admin@e2e.test";
/** Shared by the backend and the web server (never the browser): /dev/mailbox reads with it. */
const DEV_MAILBOX_SECRET = "e2e-dev-mailbox-secret-0123456789";

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd: WEB_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolveRun()
        : reject(new Error(`${args.join(" ")} exited with ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export type Stack = {
  backend: Backend;
  emulator: RunningEmulator;
  /** The Web Push service stand-in the backend's push fan-out sends to. */
  pushService: PushServiceEmulator;
  /** Public market data for the tracker; the outcomes journey scripts its prices. */
  market: RunningMarket;
  vapidPublicKey: string;
  webUrl: string;
  close: () => Promise<void>;
};

/** The demo Discord world, with this run's web origin registered as the OAuth2 redirect. */
function discordWorld(redirectUri: string) {
  return {
    ...demoWorld,
    applications: demoWorld.applications.map((app) =>
      app.id === DEMO_IDS.mirrorApp ? { ...app, redirectUris: [redirectUri] } : app,
    ),
  };
}

/** A VAPID key pair as web-push takes it: raw P-256 public point and private scalar, base64url. */
function vapidKeys() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return {
    publicKey: ecdh.getPublicKey().toString("base64url"),
    privateKey: ecdh.getPrivateKey().toString("base64url"),
  };
}

export async function startStack(): Promise<Stack> {
  const [port, sitePort, webPort] = [await freePort(), await freePort(), await freePort()];
  // "localhost", not 127.0.0.1: Next names loopback hosts "localhost" in redirects it builds, so
  // the browser must use that name to stay same-origin.
  const webUrl = `http://localhost:${webPort}`;
  const keys = await generateAuthKeys();
  const redirectUri = `${webUrl}/api/discord/callback`;
  const emulator = await startEmulator({
    port: 0,
    world: discordWorld(redirectUri),
    logLevel: "silent",
  });
  const pushService = await startPushService();
  // Fast ticks so a scripted path runs in seconds; an hour of candles for the tracker's catch-up.
  const market = await startMarketEmulator({ tickMs: 50, prehistoryMinutes: 60 });
  const vapid = vapidKeys();
  const backend = await startBackend({
    functionsDir: FUNCTIONS_DIR,
    port,
    sitePort,
    dataDir: null,
    logger: silentLogger,
    env: {
      JWT_PRIVATE_KEY: keys.JWT_PRIVATE_KEY,
      JWKS: keys.JWKS,
      SITE_URL: webUrl,
      EMAIL_PROVIDER: "dev",
      DEV_MAILBOX_SECRET,
      ADMIN_EMAILS: ADMIN_EMAIL,
      CONVEX_SERVICE_SECRET: SERVICE_SECRET,
      SELLAPP_WEBHOOK_SECRET: WEBHOOK_SECRET,
      DISCORD_API_URL: emulator.apiUrl,
      DISCORD_CLIENT_ID: DEMO_IDS.mirrorApp,
      DISCORD_CLIENT_SECRET: DEMO_TOKENS.mirrorClientSecret,
      DISCORD_REDIRECT_URI: redirectUri,
      DISCORD_MIRROR_TOKEN: DEMO_TOKENS.mirror,
      DISCORD_CUSTOMER_GUILD_ID: DEMO_IDS.customerGuild,
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: "mailto:ops@e2e.test",
    },
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_PUBLIC_CONVEX_URL: backend.url,
    NEXT_PUBLIC_CONVEX_SITE_URL: backend.siteUrl,
    EMAIL_PROVIDER: "dev",
    DEV_MAILBOX_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production" as const,
  };
  let web: ChildProcess | undefined;
  try {
    // NEXT_PUBLIC_* is inlined at build time, so the build follows the backend's port.
    await run(process.execPath, [NEXT_BIN, "build"], env);
    // The server's output goes to screenshots/next-server.log for diagnosing a failed run.
    mkdirSync(join(WEB_DIR, "screenshots"), { recursive: true });
    const log = openSync(join(WEB_DIR, "screenshots", "next-server.log"), "w");
    web = spawn(
      process.execPath,
      [NEXT_BIN, "start", "--port", String(webPort), "--hostname", "127.0.0.1"],
      { cwd: WEB_DIR, env, stdio: ["ignore", log, log] },
    );
    await waitForHttp(webUrl, web, 60_000);
  } catch (error) {
    web?.kill("SIGTERM");
    await backend.close();
    await emulator.close();
    await pushService.close();
    await market.close();
    throw error;
  }
  const child = web;
  return {
    backend,
    emulator,
    pushService,
    market,
    vapidPublicKey: vapid.publicKey,
    webUrl,
    close: async () => {
      child.kill("SIGTERM");
      await backend.close();
      await emulator.close();
      await pushService.close();
      await market.close();
    },
  };
}
