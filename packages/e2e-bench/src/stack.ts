import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  Supervisor,
  freePort,
  harnessStack,
  seedStartedBackend,
  type LocalEnv,
  type Ports,
} from "@g3/dev-stack";
import { ControlClient } from "@g3/discord-emulator";
import { ensureWebBuild } from "@g3/dev-stack/web-build";

/** Preferred backend port: a stable URL lets the production web build be reused between runs. */
const PREFERRED_BACKEND_PORT = 3410;

export type StackConfig = {
  root: string;
  web: boolean;
  discordRateLimits: boolean;
  /** Write a V8 CPU profile of the Convex backend into this folder (on shutdown). */
  cpuProfileDir?: string;
  say: (line: string) => void;
};

export type Stack = {
  ports: Ports;
  backendUrl: string;
  siteUrl: string;
  emulatorUrl: string;
  webUrl: string | null;
  adminKey: string;
  env: LocalEnv;
  control: ControlClient;
  workDir: string;
  logDir: string;
  pids: () => { name: string; pid: number }[];
  /** Throws if a service died since the start. */
  assertHealthy: () => void;
  close: () => Promise<void>;
};

/**
 * The whole local stack of `@g3/dev-stack` on free ports, in a fresh temp data dir: Discord
 * emulator (demo world), offline Convex (no watch, no codegen), collector, mirror and (optional)
 * the web app in production mode. Logs go to `<workDir>/logs/<service>.log`.
 */
export async function startStack(config: StackConfig): Promise<Stack> {
  const { root, say } = config;
  const ports: Ports = {
    backend: await freePort(PREFERRED_BACKEND_PORT),
    site: await freePort(),
    emulator: await freePort(),
    web: await freePort(),
    collectorHealth: await freePort(),
    mirrorHealth: await freePort(),
  };
  const workDir = mkdtempSync(join(tmpdir(), "g3-e2e-bench-"));
  const logDir = join(workDir, "logs");
  const backendUrl = `http://127.0.0.1:${ports.backend}`;
  const emulatorUrl = `http://127.0.0.1:${ports.emulator}`;

  if (config.web) {
    const built = await ensureWebBuild(root, backendUrl, say);
    say(built === "reused" ? "web: reusing the fresh production build" : "web: built");
  }

  let died: string | null = null;
  const supervisor = new Supervisor(
    logDir,
    (name, code) => {
      died = `${name} exited unexpectedly (code ${code}); see ${join(logDir, `${name}.log`)}`;
      say(died);
    },
    { echo: false },
  );
  const cpuProf = config.cpuProfileDir;
  const { env, dataDir, services } = await harnessStack({
    root,
    workDir,
    ports,
    env: { ALLOW_SYNTHETIC_SIGNALS: "true" },
    ...(cpuProf === undefined
      ? {}
      : { nodeFlags: { convex: ["--cpu-prof", `--cpu-prof-dir=${cpuProf}`] } }),
    serviceEnv: {
      // Our own client-side limiter stays at Discord's 50 req/s unless Discord limits are off.
      mirror: config.discordRateLimits ? {} : { DISCORD_REST_GLOBAL_RPS: "10000" },
      web: { NEXT_TELEMETRY_DISABLED: "1" },
    },
  });
  const close = async () => {
    await supervisor.stopAll();
  };
  try {
    say(`starting the Discord emulator on ${ports.emulator}…`);
    await supervisor.start(services.emulator);
    const control = new ControlClient(emulatorUrl);
    if (!config.discordRateLimits) await control.updateSettings({ rateLimits: { enabled: false } });
    say(`starting the offline Convex backend on ${ports.backend}/${ports.site}…`);
    await supervisor.start(services.backend);
    const adminKey = await seedStartedBackend(backendUrl, dataDir);
    for (const app of services.apps) {
      if (app.name === "web" && !config.web) continue;
      say(`starting ${app.name}…`);
      await supervisor.start(app);
    }
    return {
      ports,
      backendUrl,
      siteUrl: `http://127.0.0.1:${ports.site}`,
      emulatorUrl,
      // "localhost", not 127.0.0.1: Convex Auth cookies drop the __Host- prefix only for localhost.
      webUrl: config.web ? `http://localhost:${ports.web}` : null,
      adminKey,
      env,
      control,
      workDir,
      logDir,
      pids: () => supervisor.pids(),
      assertHealthy: () => {
        if (died !== null) throw new Error(died);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Removes the temp data dir (keeps it when asked, e.g. to read logs after a failure). */
export function removeWorkDir(workDir: string): void {
  rmSync(workDir, { recursive: true, force: true });
}
