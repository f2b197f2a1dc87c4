// Integration harness: the real Discord emulator and the real offline Convex backend, with the
// collector running as its own process (so it can be killed) through its real composition root.
import { captureChildLogs, type ChildLogs, type LogLine } from "@g3/dev-stack/child-logs";
import { waitFor } from "@g3/dev-stack/poll";
import { spawn, type ChildProcess } from "node:child_process";
import { createServer as createTcpServer, connect, type Socket } from "node:net";
import { dirname, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { adminClient, startBackend, silentLogger, type Backend } from "@g3/convex-offline";
import { DEMO_IDS, DEMO_TOKENS, startEmulator, type RunningEmulator } from "@g3/discord-emulator";
import type { FunctionReturnType } from "convex/server";
import { api, internal } from "../../../convex/_generated/api.js";

const here = dirname(fileURLToPath(import.meta.url));
const APP_DIR = resolve(here, "..");
const FUNCTIONS_DIR = resolve(here, "../../../convex");

export const SECRET = "collector-integration-secret";
export const VIP = DEMO_IDS.sourceVipSignals;
export const FREE_CHAT = DEMO_IDS.sourceFreeChat;
export const ANALYST = DEMO_IDS.analystUser;

export type Inspected = NonNullable<FunctionReturnType<typeof internal.ingest.inspectMessage>>;

export type World = {
  emulator: RunningEmulator;
  backend: Backend;
  /** A TCP link between the collector and Convex that tests can cut (a network partition). */
  convexLink: TcpLink;
  inspect: (messageId: string) => Promise<Inspected | null>;
  /** The ingest cursors of the channels, as the collector reads them (with `liveAt`). */
  cursors: (channelIds: string[]) => Promise<FunctionReturnType<typeof api.ingest.getCursors>>;
  mapChannel: (sourceChannelId: string, customerChannelId: string) => Promise<void>;
  close: () => Promise<void>;
};

/** `backendEnv`: more deployment variables (auth keys, admin emails) for tests that sign people in. */
export async function startWorld(
  options: { backendEnv?: Record<string, string> } = {},
): Promise<World> {
  const emulator = await startEmulator({ port: 0 });
  const backend = await startBackend({
    functionsDir: FUNCTIONS_DIR,
    port: 0,
    sitePort: 0,
    dataDir: null,
    env: { CONVEX_SERVICE_SECRET: SECRET, ...options.backendEnv },
    logger: silentLogger,
  });
  const convexLink = await startTcpLink(Number(new URL(backend.url).port));
  const admin = adminClient(backend.url, backend.adminKey);
  const mapChannel = async (sourceChannelId: string, customerChannelId: string) => {
    await admin.mutation(internal.seed.configure, {
      tier: { key: "vip", name: "VIP", graceHours: 24 },
      sellappProductId: "demo-vip",
      mappings: [
        {
          label: `source ${sourceChannelId}`,
          sourceGuildId: DEMO_IDS.sourceGuild,
          sourceChannelId,
          customerGuildId: DEMO_IDS.customerGuild,
          customerChannelId,
        },
      ],
    });
  };
  await mapChannel(VIP, DEMO_IDS.customerVipSignals);
  return {
    emulator,
    backend,
    convexLink,
    mapChannel,
    inspect: async (messageId) => admin.query(internal.ingest.inspectMessage, { messageId }),
    cursors: async (channelIds) =>
      admin.query(api.ingest.getCursors, { secret: SECRET, channelIds }),
    close: async () => {
      await convexLink.close();
      await backend.close();
      await emulator.close();
    },
  };
}

export type { LogLine };

/** The collector as a child process: `node --import tsx src/index.ts`, JSON logs captured. */
export class CollectorProcess {
  private readonly output: ChildLogs;
  readonly logs: LogLine[];
  readonly stderr: string[];
  private healthPort: number | undefined;

  private constructor(private readonly child: ChildProcess) {
    this.output = captureChildLogs(child);
    this.logs = this.output.logs;
    this.stderr = this.output.stderr;
  }

  static start(world: World, env: Record<string, string> = {}): CollectorProcess {
    const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
      cwd: APP_DIR,
      env: {
        PATH: process.env.PATH ?? "",
        DISCORD_API_URL: world.emulator.apiUrl,
        DISCORD_COLLECTOR_TOKEN: DEMO_TOKENS.collector,
        CONVEX_URL: world.convexLink.url,
        CONVEX_SERVICE_SECRET: SECRET,
        COLLECTOR_HEALTH_PORT: "0",
        HEARTBEAT_INTERVAL_MS: "1000",
        LOG_LEVEL: "debug",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return new CollectorProcess(child);
  }

  /** Resolves once GET /health answers 200 (gateway ready, watch list loaded). */
  async waitReady(timeoutMs = 20_000): Promise<void> {
    const line = await this.waitForLog((l) => l.event === "health.listening", timeoutMs);
    this.healthPort = Number(line.port);
    await waitFor(
      async () => (await this.health()).status === 200,
      timeoutMs,
      "collector ready",
      () => this.describe(),
    );
    await this.waitForLog((l) => l.event === "backfill.done", timeoutMs);
  }

  async health(): Promise<{ status: number; body: Record<string, unknown> }> {
    if (this.healthPort === undefined) throw new Error("health port unknown yet");
    const response = await fetch(`http://127.0.0.1:${this.healthPort}/health`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs = 15_000): Promise<LogLine> {
    return waitFor(
      () => this.logs.find(predicate),
      timeoutMs,
      "log line",
      () => this.describe(),
    );
  }

  count(predicate: (line: LogLine) => boolean): number {
    return this.logs.filter(predicate).length;
  }

  /** The exit code once the process ends on its own. */
  exited(): Promise<number | null> {
    return this.output.exit;
  }

  /** Sends a signal and waits for the exit code (null when killed by the signal). */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    this.child.kill(signal);
    return this.output.exit;
  }

  describe(): string {
    return this.output.describe("collector", 25);
  }
}

/** Polls until a probe is truthy (shared with the other harnesses). */
export { waitFor };

/** A valid 1×1 PNG. */
export const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

export type TcpLink = {
  url: string;
  /** Drops every open connection and refuses new ones until `heal`. */
  cut: () => void;
  heal: () => void;
  close: () => Promise<void>;
};

/**
 * A byte-level proxy to 127.0.0.1:targetPort (HTTP and WebSocket alike). Nagle is off on both legs,
 * as on the direct WebSocket (`ws` sets TCP_NODELAY): otherwise small frames sent one round trip
 * apart wait for delayed ACKs (~40 ms) and the proxy, not the collector, sets the pace.
 */
async function startTcpLink(targetPort: number): Promise<TcpLink> {
  let up = true;
  const sockets = new Set<Socket>();
  const server = createTcpServer({ noDelay: true }, (client) => {
    if (!up) {
      client.destroy();
      return;
    }
    const upstream = connect({ port: targetPort, host: "127.0.0.1", noDelay: true });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
  const { port } = server.address() as AddressInfo;
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    cut: () => {
      up = false;
      dropAll();
    },
    heal: () => {
      up = true;
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        dropAll();
        server.close(() => resolveClose());
      }),
  };
}
