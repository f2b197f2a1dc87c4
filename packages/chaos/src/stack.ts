import { mkdirSync } from "node:fs";
import { join } from "node:path";
import {
  freePort,
  harnessStack,
  seedStartedBackend,
  type LocalEnv,
  type Ports,
  type ServiceSpec,
} from "@g3/dev-stack";
import { startEmulator, type RunningEmulator } from "@g3/discord-emulator";
import { ManagedProcess } from "./processes.js";
import { TcpProxy } from "./tcp-proxy.js";
import { chaosWorld, type CustomerIdentity } from "./world.js";

export type BotKind = "collector" | "mirror";

/** One bot instance: its process and the proxy that is its only road to Convex. */
export type BotInstance = { name: string; kind: BotKind; process: ManagedProcess; proxy: TcpProxy };

export type ChaosStack = {
  emulator: RunningEmulator;
  backend: ManagedProcess;
  backendUrl: string;
  siteUrl: string;
  adminKey: string;
  env: LocalEnv;
  bots: BotInstance[];
  logDir: string;
  close: () => Promise<void>;
};

/** The redirect URI registered on the demo world's mirror app; nothing listens there. */
const REDIRECT_URI = "http://127.0.0.1:3000/api/discord/callback";

function instanceSpec(base: ServiceSpec, name: string, env: Record<string, string>): ServiceSpec {
  const healthPort = env.COLLECTOR_HEALTH_PORT ?? env.MIRROR_HEALTH_PORT ?? "";
  return {
    ...base,
    name,
    env: { ...base.env, ...env },
    readyUrl: `http://127.0.0.1:${healthPort}/health`,
  };
}

/**
 * The local stack for the soak, in `workDir`: the Discord emulator in this process (it is never
 * killed — its in-memory world is the source of truth the invariants compare against), the offline
 * Convex backend as a child process with a data directory (so it can be SIGKILLed and restarted),
 * and `instances` collectors and mirrors, each reaching Convex only through its own TCP proxy.
 */
export async function startChaosStack(options: {
  root: string;
  workDir: string;
  instances: number;
  customers: CustomerIdentity[];
  say: (line: string) => void;
  /**
   * Extra environment per bot kind, over the soak's own (focused scenarios turn a repair off
   * through the bots' real settings to prove the checks notice).
   */
  botEnv?: Partial<Record<BotKind, Record<string, string>>>;
  /** Messages already in the source #vip-signals at start (see `chaosWorld`). */
  sourceHistory?: { id: string; content: string }[];
}): Promise<ChaosStack> {
  const { root, workDir, say } = options;
  const logDir = join(workDir, "logs");
  mkdirSync(logDir, { recursive: true });
  const emulator = await startEmulator({
    world: chaosWorld(options.customers, options.sourceHistory),
  });
  const emulatorPort = Number(new URL(emulator.url).port);
  const ports: Ports = {
    backend: await freePort(),
    site: await freePort(),
    emulator: emulatorPort,
    web: 3000,
    collectorHealth: 0,
    mirrorHealth: 0,
  };
  const { env, dataDir, services } = await harnessStack({
    root,
    workDir,
    ports,
    env: { DISCORD_REDIRECT_URI: REDIRECT_URI },
  });
  const backend = new ManagedProcess(services.backend, logDir);
  const bots: BotInstance[] = [];
  const close = async () => {
    for (const bot of bots) await bot.process.stop();
    await backend.stop();
    for (const bot of bots) {
      await bot.proxy.close();
      await bot.process.closeLog();
    }
    await backend.closeLog();
    await emulator.close();
  };
  try {
    say(`emulator on ${emulator.url}; starting the offline Convex backend on ${ports.backend}…`);
    await backend.start();
    const backendUrl = `http://127.0.0.1:${ports.backend}`;
    const adminKey = await seedStartedBackend(backendUrl, dataDir);
    const base = (name: string) => {
      const spec = services.apps.find((app) => app.name === name);
      if (spec === undefined) throw new Error(`dev-stack has no ${name} service`);
      return spec;
    };
    for (let i = 1; i <= options.instances; i++) {
      for (const kind of ["collector", "mirror"] as const) {
        const name = `${kind}-${i}`;
        const proxy = new TcpProxy(ports.backend);
        const proxyUrl = `http://127.0.0.1:${await proxy.listen()}`;
        const health = String(await freePort());
        const env: Record<string, string> =
          kind === "collector"
            ? {
                CONVEX_URL: proxyUrl,
                COLLECTOR_HEALTH_PORT: health,
                COLLECTOR_INSTANCE_ID: name,
              }
            : {
                CONVEX_URL: proxyUrl,
                MIRROR_HEALTH_PORT: health,
                MIRROR_INSTANCE_ID: name,
                // Discord limits are off in the emulator; the soak injects its own 429s.
                DISCORD_REST_GLOBAL_RPS: "10000",
                // Shortest lease: work a killed instance held is taken over within seconds.
                MIRROR_LEASE_MS: "5000",
                MIRROR_ROLE_RECONCILE_MINUTES: "0.25",
                MIRROR_DRIFT_CHECK_MINUTES: "0.5",
                // The customer message is then the source content verbatim, which the check compares.
                MIRROR_SUMMARY: "off",
              };
        const process = new ManagedProcess(
          instanceSpec(base(kind), name, { ...env, ...options.botEnv?.[kind] }),
          logDir,
        );
        bots.push({ name, kind, process, proxy });
      }
    }
    for (const bot of bots) {
      say(`starting ${bot.name}…`);
      await bot.process.start();
    }
    return {
      emulator,
      backend,
      backendUrl,
      siteUrl: `http://127.0.0.1:${ports.site}`,
      adminKey,
      env,
      bots,
      logDir,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
