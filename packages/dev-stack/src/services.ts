import { join } from "node:path";
import type { LocalEnv } from "./local-env.js";
import type { Ports } from "./ports.js";
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
  /** Extra environment per service name (tuning knobs, log levels). */
  serviceEnv?: Record<string, Record<string, string>>;
  /** Node flags per tsx-run service name, before the script (e.g. `--cpu-prof`). */
  nodeFlags?: Record<string, string[]>;
};

const tsx = (root: string): string => join(root, "node_modules", ".bin", "tsx");

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
    command: tsx(root),
    args: [join(root, "packages/discord-emulator/src/cli.ts"), "--port", String(ports.emulator)],
    cwd: root,
    env: {},
    readyUrl: `${emulatorUrl}/_health`,
  };
  const backend: ServiceSpec = {
    name: "convex",
    command: tsx(root),
    args: [
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
    env: { NEXT_PUBLIC_CONVEX_URL: backendUrl, EMAIL_PROVIDER: env.EMAIL_PROVIDER ?? "dev" },
    readyUrl: `http://127.0.0.1:${ports.web}/`,
    readyTimeoutMs: 240_000,
  };

  const apps: ServiceSpec[] = [
    {
      name: "collector",
      command: tsx(root),
      args: [join(root, "apps/collector/src/index.ts")],
      cwd: root,
      env: {
        ...botEnv,
        DISCORD_COLLECTOR_TOKEN: env.DISCORD_COLLECTOR_TOKEN ?? "",
        COLLECTOR_HEALTH_PORT: String(ports.collectorHealth),
        // Stable across restarts, so the admin console lists one collector, not one per run.
        COLLECTOR_INSTANCE_ID: "local-collector",
      },
      readyUrl: `http://127.0.0.1:${ports.collectorHealth}/health`,
    },
    {
      name: "mirror",
      command: tsx(root),
      args: [join(root, "apps/mirror/src/index.ts")],
      cwd: root,
      env: {
        ...botEnv,
        DISCORD_MIRROR_TOKEN: env.DISCORD_MIRROR_TOKEN ?? "",
        DISCORD_CUSTOMER_GUILD_ID: env.DISCORD_CUSTOMER_GUILD_ID ?? "",
        MIRROR_INSTANCE_ID: "local-mirror",
        MIRROR_HEALTH_PORT: String(ports.mirrorHealth),
      },
      readyUrl: `http://127.0.0.1:${ports.mirrorHealth}/health`,
    },
    web,
  ];
  if (options.demoFeed) {
    apps.push({
      name: "demo-feed",
      command: tsx(root),
      args: [join(root, "apps/demo-feed/src/index.ts")],
      cwd: root,
      env: { EMULATOR_URL: emulatorUrl },
    });
  }
  const withEnv = (spec: ServiceSpec): ServiceSpec => ({
    ...spec,
    // tsx hands flags placed before the script to node.
    args:
      spec.command === tsx(root)
        ? [...(options.nodeFlags?.[spec.name] ?? []), ...spec.args]
        : spec.args,
    env: { ...spec.env, ...options.serviceEnv?.[spec.name] },
  });
  return { emulator: withEnv(emulator), backend: withEnv(backend), apps: apps.map(withEnv) };
}
