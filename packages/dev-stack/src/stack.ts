import { join } from "node:path";
import { defaultLocalEnv, ensureLocalEnv, type LocalEnv } from "./local-env.js";
import { DEFAULT_PORTS, type Ports } from "./ports.js";
import { DEFAULT_RESTART_POLICY, type RestartPolicy } from "./restart-policy.js";
import { seedStartedBackend } from "./seed.js";
import { stackServices, type StackOptions } from "./services.js";
import {
  Supervisor,
  type FinalExit,
  type ServiceStatus,
  type SupervisorEvent,
} from "./supervisor.js";

export type LocalStackOptions = {
  /** The repository root. */
  root: string;
  ports?: Ports;
  /** Processes of each bot (default 1). */
  instances?: number;
  demoFeed?: boolean;
  web?: "dev" | "production";
  reset?: boolean;
  /** Restart policy of the bots, the demo feed and the web app; `false` = a death is final. */
  restart?: RestartPolicy | false;
  /** Default `<root>/.local/logs`. */
  logDir?: string;
  /** Default `<root>/.local/status.json`. */
  statusFile?: string;
  /** Default `<root>/.env.local` (created with fresh secrets when missing). */
  envFile?: string;
  /** Default `<root>/.data/convex`. */
  dataDir?: string;
  /** Echo every service's output on stdout (default true). */
  echo?: boolean;
  serviceEnv?: StackOptions["serviceEnv"];
  /** Progress messages ("starting convex…"). */
  say?: (message: string) => void;
  onEvent?: (event: SupervisorEvent) => void;
  /** A service stays down (died without a policy, gave up, or exited cleanly). */
  onFinalExit?: (name: string, exit: FinalExit) => void;
  /** Aborting it during the start stops what was started (Ctrl-C before everything is up). */
  signal?: AbortSignal;
};

export type LocalStack = {
  ports: Ports;
  env: LocalEnv;
  adminKey: string;
  /** Every service in start order with state, pid, restart count and last exit. */
  status: () => ServiceStatus[];
  /** Signals a service's process (default SIGKILL, a crash); its restart policy takes over. */
  kill: (name: string, signal?: NodeJS.Signals) => number;
  /** Stops one service and starts it again, ready. */
  restart: (name: string) => Promise<void>;
  /** Stops everything in reverse start order; nothing restarts. */
  stop: () => Promise<void>;
};

/**
 * Starts the local stack (emulator → Convex → seed → bots × instances → web → demo feed) under a
 * supervisor and resolves once every service is ready. Stops what it started if a start fails.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { root } = options;
  const ports = options.ports ?? DEFAULT_PORTS;
  const say = options.say ?? (() => undefined);
  const envFile = options.envFile ?? join(root, ".env.local");
  const dataDir = options.dataDir ?? join(root, ".data/convex");
  const { env, added } = await ensureLocalEnv(envFile, () => defaultLocalEnv(ports));
  if (added.length > 0) say(`wrote ${added.length} setting(s) to ${envFile} (${added.join(", ")})`);

  const supervisor = new Supervisor(
    options.logDir ?? join(root, ".local/logs"),
    (name, _code, exit) => options.onFinalExit?.(name, exit),
    {
      ...(options.echo === undefined ? {} : { echo: options.echo }),
      statusFile: options.statusFile ?? join(root, ".local/status.json"),
      ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
    },
  );
  const restart =
    options.restart === false ? undefined : (options.restart ?? DEFAULT_RESTART_POLICY);
  const services = stackServices({
    root,
    ports,
    env,
    reset: options.reset ?? false,
    demoFeed: options.demoFeed ?? true,
    web: options.web ?? "dev",
    dataDir,
    envFile,
    instances: options.instances ?? 1,
    ...(restart === undefined ? {} : { restart }),
    ...(options.serviceEnv === undefined ? {} : { serviceEnv: options.serviceEnv }),
  });
  const stopOnAbort = () => void supervisor.stopAll();
  options.signal?.addEventListener("abort", stopOnAbort, { once: true });
  try {
    say("starting the Discord emulator with the demo world…");
    await supervisor.start(services.emulator);
    say("starting the offline Convex backend…");
    await supervisor.start(services.backend);
    const adminKey = await seedStartedBackend(`http://127.0.0.1:${ports.backend}`, dataDir);
    say("configured the demo tier (vip) and the #vip-signals mapping");
    for (const app of services.apps) {
      if (options.signal?.aborted === true) break;
      say(`starting ${app.name}…`);
      await supervisor.start(app);
    }
    options.signal?.throwIfAborted();
    options.signal?.removeEventListener("abort", stopOnAbort);
    return {
      ports,
      env,
      adminKey,
      status: () => supervisor.status(),
      kill: (name, signal) => supervisor.kill(name, signal),
      restart: (name) => supervisor.restart(name),
      stop: () => supervisor.stopAll(),
    };
  } catch (error) {
    options.signal?.removeEventListener("abort", stopOnAbort);
    await supervisor.stopAll();
    throw options.signal?.aborted === true ? new Error("stopped before everything was up") : error;
  }
}
