// The collector bot as a child process (its real composition root, `node --import tsx
// src/index.ts` in apps/collector), for tests that run both bots end to end and SIGKILL them.
import { waitFor } from "@g3/dev-stack/poll";
import { DEMO_TOKENS } from "@g3/discord-emulator";
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { APP_DIR } from "./harness.js";

const COLLECTOR_DIR = resolve(APP_DIR, "../collector");

type LogLine = { event?: string } & Record<string, unknown>;

export class CollectorProcess {
  private readonly logs: LogLine[] = [];
  private readonly stderr: string[] = [];
  private readonly exit: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    let buffered = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        if (line.trim() === "") continue;
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          this.logs.push({ msg: line });
        }
      }
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => this.stderr.push(chunk));
    this.exit = new Promise((resolveExit) => child.once("exit", (code) => resolveExit(code)));
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
      () => this.logs.find((line) => line.event === "backfill.done"),
      timeoutMs,
      "collector backfilled",
      () => this.describe(),
    );
  }

  stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    this.child.kill(signal);
    return this.exit;
  }

  describe(): string {
    const tail = this.logs.slice(-20).map((line) => JSON.stringify(line));
    return `collector logs (last 20):\n${tail.join("\n")}\nstderr:\n${this.stderr.join("").slice(-2000)}`;
  }
}
