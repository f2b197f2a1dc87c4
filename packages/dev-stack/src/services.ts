import { join } from "node:path";
import type { LocalEnv } from "./local-env.js";
import { healthPort, type Ports } from "./ports.js";
import { DEMO_PRODUCT_ID, DEMO_VARIANT_ID } from "./seed.js";
import type { RestartPolicy } from "./restart-policy.js";
import type { ServiceSpec } from "./supervisor.js";

export type StackOptions = {
  root: string;
  ports: Ports;
  env: LocalEnv;
  reset: boolean;
  demoFeed: boolean;
  web: "dev" | "production";
  /** Convex data directory (default `<root>/.data/convex`). */
  dataDir?: string;
  /** The env file the backend loads (default `<root>/.env.local`). */
  envFile?: string;
  /** Reload Convex functions on change (default true, the dev loop; off for benchmarks). */
  watch?: boolean;
  /** Regenerate convex/_generated when the backend starts (default true). */
  codegen?: boolean;
  /**
   * Processes of each bot (collector and mirror), default 1. Instance 1 is `collector` /
   * `mirror` (ids `local-collector` / `local-mirror`, health 8081 / 8082); instance i > 1 is
   * `collector-i` / `mirror-i` with its own instance id and health port (see `healthPort`).
   */
  instances?: number;
  /** Restart the bots, the demo feed and the web app when they fail (default: a death is final). */
  restart?: RestartPolicy;
  /**
   * Extra environment per service name (tuning knobs, log levels). A bot's base name
   * (`collector`, `mirror`) applies to all its instances; `mirror-2` to that one only.
   */
  serviceEnv?: Record<string, Record<string, string>>;
  /** Node flags per TypeScript service name (base names too), before the script (e.g. `--cpu-prof`). */
  nodeFlags?: Record<string, string[]>;
};

/**
 * The stack a harness drives (chaos soak, delivery benchmark, the instances test) rather than a
 * developer: data kept, no demo feed, the production web build, no file watching and no codegen
 * (the harness runs against convex/_generated as committed).
 */
export const HARNESS_STACK = {
  reset: false,
  demoFeed: false,
  web: "production",
  watch: false,
  codegen: false,
} as const satisfies Partial<StackOptions>;

/**
 * TypeScript services run as `node --import tsx <script>`: one process per service (the `tsx`
 * binary would be a wrapper with the service as its child), so the pid the supervisor reports
 * and signals is the service itself.
 */
const TSX_IMPORT = ["--import", "tsx"];

/** The service name of a bot's instance: `collector` for the first, `collector-2` after it. */
export function instanceName(bot: "collector" | "mirror", instance: number): string {
  return instance === 1 ? bot : `${bot}-${instance}`;
}

/**
 * The market emulator (public market data, prices walking 20× faster than real ones so demo
 * signals resolve in minutes) and the tracker that follows signals on it. Only when the ports
 * name a market.
 */
function marketServices(options: StackOptions): ServiceSpec[] {
  const { root, ports, env } = options;
  if (ports.market === undefined) return [];
  const marketUrl = `http://127.0.0.1:${ports.market}`;
  const trackerPort = ports.trackerHealth ?? 8083;
  return [
    {
      name: "market",
      command: process.execPath,
      args: [
        ...TSX_IMPORT,
        join(root, "packages/market-emulator/src/cli.ts"),
        "--port",
        String(ports.market),
        "--volatility",
        "20",
      ],
      cwd: root,
      env: {},
      readyUrl: `${marketUrl}/_health`,
    },
    {
      name: "tracker",
      command: process.execPath,
      args: [...TSX_IMPORT, join(root, "apps/tracker/src/index.ts")],
      cwd: root,
      env: {
        CONVEX_URL: `http://127.0.0.1:${ports.backend}`,
        CONVEX_SERVICE_SECRET: env.CONVEX_SERVICE_SECRET ?? "",
        MARKET_WS_URL: `ws://127.0.0.1:${ports.market}`,
        MARKET_REST_URL: marketUrl,
        TRACKER_INSTANCE_ID: "local-tracker",
        TRACKER_HEALTH_PORT: String(trackerPort),
      },
      readyUrl: `http://127.0.0.1:${trackerPort}/health`,
    },
  ];
}

/**
 * The Sell.app stand-in with a small legacy store of the demo product (its orders and
 * subscriptions are only in the API, as a cutover finds them), so the hourly reconciliation and
 * the console's import buttons work locally. Only when the ports name it.
 */
function sellappServices(options: StackOptions): ServiceSpec[] {
  const { root, ports, env } = options;
  if (ports.sellapp === undefined) return [];
  return [
    {
      name: "sellapp",
      command: process.execPath,
      args: [
        ...TSX_IMPORT,
        join(root, "packages/sellapp-emulator/src/cli.ts"),
        "--port",
        String(ports.sellapp),
        "--demo",
        `${DEMO_PRODUCT_ID}:${DEMO_VARIANT_ID}`,
      ],
      cwd: root,
      env: {
        SELLAPP_API_KEY: env.SELLAPP_API_KEY ?? "",
        SELLAPP_WEBHOOK_SECRET: env.SELLAPP_WEBHOOK_SECRET ?? "",
        SELLAPP_EMULATOR_WEBHOOK_URL: `http://127.0.0.1:${ports.site}/webhooks/sellapp`,
      },
      readyUrl: `http://127.0.0.1:${ports.sellapp}/_control/state`,
    },
  ];
}

/** Every local service, in start order. */
export function stackServices(options: StackOptions): {
  emulator: ServiceSpec;
  backend: ServiceSpec;
  apps: ServiceSpec[];
} {
  const { root, ports, env } = options;
  const backendUrl = `http://127.0.0.1:${ports.backend}`;
  const emulatorUrl = `http://127.0.0.1:${ports.emulator}`;
  const botEnv = {
    CONVEX_URL: backendUrl,
    CONVEX_SERVICE_SECRET: env.CONVEX_SERVICE_SECRET ?? "",
    DISCORD_API_URL: `${emulatorUrl}/api`,
  };
  const emulator: ServiceSpec = {
    name: "discord",
    command: process.execPath,
    args: [
      ...TSX_IMPORT,
      join(root, "packages/discord-emulator/src/cli.ts"),
      "--port",
      String(ports.emulator),
    ],
    cwd: root,
    env: {},
    readyUrl: `${emulatorUrl}/_health`,
  };
  const backend: ServiceSpec = {
    name: "convex",
    command: process.execPath,
    args: [
      ...TSX_IMPORT,
      join(root, "packages/convex-offline/src/cli.ts"),
      "dev",
      "--dir",
      join(root, "convex"),
      "--port",
      String(ports.backend),
      "--site-port",
      String(ports.site),
      "--data",
      options.dataDir ?? join(root, ".data/convex"),
      "--env-file",
      options.envFile ?? join(root, ".env.local"),
      ...(options.watch === false ? [] : ["--watch"]),
      ...(options.codegen === false ? ["--no-codegen"] : []),
      ...(options.reset ? ["--reset"] : []),
    ],
    cwd: root,
    env: {},
    readyUrl: `${backendUrl}/version`,
    readyTimeoutMs: 120_000,
  };
  const next = join(root, "apps/web/node_modules/.bin/next");
  const webArgs = ["--port", String(ports.web), "--hostname", "127.0.0.1"];
  const web: ServiceSpec = {
    name: "web",
    command: next,
    args: options.web === "dev" ? ["dev", ...webArgs] : ["start", ...webArgs],
    cwd: join(root, "apps/web"),
    env: {
      NEXT_PUBLIC_CONVEX_URL: backendUrl,
      // Attachments are served from here; the web's CSP allows it as an image source.
      NEXT_PUBLIC_CONVEX_SITE_URL: `http://127.0.0.1:${ports.site}`,
      EMAIL_PROVIDER: env.EMAIL_PROVIDER ?? "dev",
      // Server-side only: /dev/mailbox reads the backend's mailbox with it.
      DEV_MAILBOX_SECRET: env.DEV_MAILBOX_SECRET ?? "",
    },
    readyUrl: `http://127.0.0.1:${ports.web}/`,
    readyTimeoutMs: 240_000,
  };

  const instances = options.instances ?? 1;
  if (!Number.isInteger(instances) || instances < 1 || instances > 9) {
    throw new Error(`instances must be a whole number from 1 to 9, not ${instances}`);
  }
  const bots: ServiceSpec[] = [];
  for (let instance = 1; instance <= instances; instance++) {
    const collectorPort = healthPort(ports, "collector", instance);
    const mirrorPort = healthPort(ports, "mirror", instance);
    bots.push(
      {
        name: instanceName("collector", instance),
        command: process.execPath,
        args: [...TSX_IMPORT, join(root, "apps/collector/src/index.ts")],
        cwd: root,
        env: {
          ...botEnv,
          DISCORD_COLLECTOR_TOKEN: env.DISCORD_COLLECTOR_TOKEN ?? "",
          COLLECTOR_HEALTH_PORT: String(collectorPort),
          // Stable across restarts, so the admin console lists one collector, not one per run.
          COLLECTOR_INSTANCE_ID: `local-${instanceName("collector", instance)}`,
        },
        readyUrl: `http://127.0.0.1:${collectorPort}/health`,
      },
      {
        name: instanceName("mirror", instance),
        command: process.execPath,
        args: [...TSX_IMPORT, join(root, "apps/mirror/src/index.ts")],
        cwd: root,
        env: {
          ...botEnv,
          DISCORD_MIRROR_TOKEN: env.DISCORD_MIRROR_TOKEN ?? "",
          DISCORD_CUSTOMER_GUILD_ID: env.DISCORD_CUSTOMER_GUILD_ID ?? "",
          // Stable across restarts: a restarted mirror releases its own leases at once.
          MIRROR_INSTANCE_ID: `local-${instanceName("mirror", instance)}`,
          MIRROR_HEALTH_PORT: String(mirrorPort),
        },
        readyUrl: `http://127.0.0.1:${mirrorPort}/health`,
      },
    );
  }
  const apps: ServiceSpec[] = [
    ...sellappServices(options),
    ...marketServices(options),
    ...bots,
    web,
  ];
  if (options.demoFeed) {
    apps.push({
      name: "demo-feed",
      command: process.execPath,
      args: [...TSX_IMPORT, join(root, "apps/demo-feed/src/index.ts")],
      cwd: root,
      env: {
        EMULATOR_URL: emulatorUrl,
        // Signals drawn around the market emulator's current prices, so the tracker sees them
        // fill and reach their levels (the emulator's prices wander far from fixed references).
        ...(options.ports.market === undefined
          ? {}
          : { DEMO_FEED_MARKET_URL: `http://127.0.0.1:${options.ports.market}` }),
      },
    });
  }
  const baseName = (name: string): string => name.replace(/-\d+$/, "");
  const withEnv = (spec: ServiceSpec): ServiceSpec => {
    const names = [...new Set([baseName(spec.name), spec.name])];
    return {
      ...spec,
      // Node flags go before `--import tsx` and the script.
      args:
        spec.command === process.execPath
          ? [...names.flatMap((name) => options.nodeFlags?.[name] ?? []), ...spec.args]
          : spec.args,
      env: names.reduce<Record<string, string>>(
        (env, name) => ({ ...env, ...options.serviceEnv?.[name] }),
        spec.env,
      ),
    };
  };
  const restartable = (spec: ServiceSpec): ServiceSpec =>
    options.restart === undefined ? spec : { ...spec, restart: options.restart };
  // The emulator and Convex are not restarted: the emulator's world lives in memory (a new one
  // is a different Discord), and a backend started with --reset would wipe its data again.
  return {
    emulator: withEnv(emulator),
    backend: withEnv(backend),
    apps: apps.map((spec) => restartable(withEnv(spec))),
  };
}
