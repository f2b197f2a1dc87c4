import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { join } from "node:path";
import type { ServiceSpec } from "@g3/dev-stack";
import { waitForHttp } from "@g3/dev-stack";

/**
 * One service of the soak as a child process that can be SIGKILLed and started again. Each
 * process runs in its own process group (tsx starts node as a child): a kill reaches the whole
 * group, so nothing survives a "crash". Output is appended to `<logDir>/<name>.log`, with a
 * marker line per start and kill so a log shows where each fault hit.
 */
export class ManagedProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly log: WriteStream;
  starts = 0;

  constructor(
    readonly spec: ServiceSpec,
    logDir: string,
  ) {
    this.log = createWriteStream(join(logDir, `${spec.name}.log`), { flags: "a" });
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the process and waits until its ready URL answers (when it has one). */
  async start(readyTimeoutMs = 120_000): Promise<void> {
    if (this.child !== null) return;
    this.starts += 1;
    this.mark(`start #${this.starts}`);
    const child = spawn(this.spec.command, this.spec.args, {
      cwd: this.spec.cwd,
      env: { ...process.env, ...this.spec.env, FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    this.child = child;
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.mark(`exited (code ${code}, signal ${signal})`);
        if (this.child === child) this.child = null;
        resolve();
      });
    });
    if (this.spec.readyUrl !== undefined) {
      await waitForHttp(this.spec.readyUrl, readyTimeoutMs, () => this.child === child);
    }
  }

  /** SIGKILL to the whole process group, then wait until it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child?.pid === undefined) return;
    this.mark("SIGKILL (chaos)");
    this.signalGroup(child.pid, "SIGKILL");
    await this.exited;
  }

  /** SIGTERM (graceful), SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (child?.pid === undefined) return;
    const pid = child.pid;
    this.signalGroup(pid, "SIGTERM");
    const timer = setTimeout(() => this.signalGroup(pid, "SIGKILL"), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  async closeLog(): Promise<void> {
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
  }

  private signalGroup(pid: number, signal: NodeJS.Signals): void {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }

  private mark(what: string): void {
    this.log.write(`--- chaos ${new Date().toISOString()} ${this.spec.name}: ${what}\n`);
  }
}
