// The collector bot as a child process (its real composition root, `node --import tsx
// src/index.ts` in apps/collector), for tests that run both bots end to end and SIGKILL them.
import { captureChildLogs, type ChildLogs } from "@g3/dev-stack/child-logs";
import { waitFor } from "@g3/dev-stack/poll";
import { DEMO_TOKENS } from "@g3/discord-emulator";
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { APP_DIR } from "./harness.js";

const COLLECTOR_DIR = resolve(APP_DIR, "../collector");

export class CollectorProcess {
  private readonly output: ChildLogs;

  private constructor(private readonly child: ChildProcess) {
    this.output = captureChildLogs(child);
  }

  /** `env` needs DISCORD_API_URL, CONVEX_URL and CONVEX_SERVICE_SECRET; the rest has test defaults. */
  static start(env: Record<string, string>): CollectorProcess {
    const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
      cwd: COLLECTOR_DIR,
      env: {
        PATH: process.env.PATH ?? "",
        DISCORD_COLLECTOR_TOKEN: DEMO_TOKENS.collector,
        COLLECTOR_HEALTH_PORT: "0",
        HEARTBEAT_INTERVAL_MS: "1000",
        LOG_LEVEL: "info",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return new CollectorProcess(child);
  }

  /** Resolves once the first backfill of the watched channels is done. */
  async waitReady(timeoutMs = 30_000): Promise<void> {
    await waitFor(
      () => this.output.logs.find((line) => line.event === "backfill.done"),
      timeoutMs,
      "collector backfilled",
      () => this.describe(),
    );
  }

  stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    this.child.kill(signal);
    return this.output.exit;
  }

  describe(): string {
    return this.output.describe("collector", 20);
  }
}
