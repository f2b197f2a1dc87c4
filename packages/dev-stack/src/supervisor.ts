import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { waitForHttp } from "./wait-for.js";

export type ServiceSpec = {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** Answered once the service is ready. */
  readyUrl?: string;
  readyTimeoutMs?: number;
};

type Running = {
  spec: ServiceSpec;
  child: ChildProcess;
  log: WriteStream;
  exited: boolean;
  /** Resolves once the process is gone, its output read to the end and its log file flushed. */
  closed: Promise<void>;
};

export type SupervisorOptions = {
  /** Echo each service's output, prefixed, on this process's stdout (default true). */
  echo?: boolean;
};

const COLORS = [36, 35, 33, 32, 34, 31, 96, 95];

/**
 * Runs services as child processes: prefixed output on the terminal, a log file per service,
 * readiness checks, and an orderly stop (SIGTERM, then SIGKILL after a grace period) in reverse order.
 */
export class Supervisor {
  private readonly running: Running[] = [];
  private stopping = false;

  constructor(
    private readonly logDir: string,
    private readonly onUnexpectedExit: (name: string, code: number | null) => void,
    private readonly options: SupervisorOptions = {},
  ) {
    mkdirSync(logDir, { recursive: true });
  }

  /** The running services' process ids (the spawned command; its children are not listed). */
  pids(): { name: string; pid: number }[] {
    return this.running.flatMap((entry) =>
      entry.exited || entry.child.pid === undefined
        ? []
        : [{ name: entry.spec.name, pid: entry.child.pid }],
    );
  }

  async start(spec: ServiceSpec): Promise<void> {
    const color = COLORS[this.running.length % COLORS.length] ?? 36;
    const prefix = `\u001b[${color}m${spec.name.padEnd(9)}|\u001b[0m `;
    const log = createWriteStream(join(this.logDir, `${spec.name}.log`), { flags: "a" });
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env, FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // "close" comes after the last output line (which can follow "exit"): end the log there.
    const closed = new Promise<void>((resolve) => {
      child.on("close", (code) => {
        if (!this.stopping) this.onUnexpectedExit(spec.name, code);
        log.end(() => resolve());
      });
    });
    const entry: Running = { spec, child, log, exited: false, closed };
    this.running.push(entry);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => {
        log.write(`${line}\n`);
        if (this.options.echo !== false) process.stdout.write(`${prefix}${line}\n`);
      });
    }
    child.on("exit", () => {
      entry.exited = true;
    });
    if (spec.readyUrl) {
      try {
        await waitForHttp(spec.readyUrl, spec.readyTimeoutMs ?? 60_000, () => !entry.exited);
      } catch (error) {
        // Died before it was ready: let its last lines reach the log the message points at.
        if (entry.exited) await closed;
        throw error;
      }
    }
  }

  async stopAll(graceMs = 15_000): Promise<void> {
    this.stopping = true;
    for (const entry of [...this.running].reverse()) {
      if (!entry.exited) entry.child.kill("SIGTERM");
      const timer = setTimeout(() => entry.child.kill("SIGKILL"), graceMs);
      await entry.closed;
      clearTimeout(timer);
    }
  }
}
