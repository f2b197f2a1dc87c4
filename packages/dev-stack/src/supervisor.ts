import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { decideRestart, type RestartPolicy } from "./restart-policy.js";
import { writeStatusFile } from "./status-file.js";
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
  /** Restart the service when it fails (after it was ready once). Without it, a death is final. */
  restart?: RestartPolicy;
};

export type ServiceState =
  /** Spawned, waiting for its ready URL. */
  | "starting"
  | "running"
  /** Died; waiting out the backoff before the next start. */
  | "backoff"
  | "stopping"
  /** Stopped by the supervisor. */
  | "stopped"
  /** Exited on its own with code 0 (on-failure does not restart a clean exit). */
  | "exited"
  /** Died and will not be restarted (no policy, died before ready, or the burst limit). */
  | "failed";

export type ExitInfo = { code: number | null; signal: NodeJS.Signals | null; at: string };

export type ServiceStatus = {
  name: string;
  state: ServiceState;
  pid: number | null;
  /** Automatic restarts since the supervisor started it. */
  restarts: number;
  startedAt: string | null;
  lastExit: ExitInfo | null;
  nextRestartAt: string | null;
};

/** Why a service that exited on its own stays down. */
export type FinalExitReason = "no-restart-policy" | "not-ready" | "clean-exit" | "burst-limit";

export type FinalExit = {
  code: number | null;
  signal: NodeJS.Signals | null;
  reason: FinalExitReason;
  restarts: number;
};

/** One line of `<logDir>/supervisor.log` (JSON), also handed to `onEvent`. */
export type SupervisorEvent =
  | { event: "service.started"; service: string; pid: number | null; restarts: number }
  | { event: "service.ready"; service: string; restarts: number }
  | {
      event: "service.restart_scheduled";
      service: string;
      code: number | null;
      signal: NodeJS.Signals | null;
      ranMs: number;
      restarts: number;
      consecutiveFailures: number;
      delayMs: number;
    }
  | {
      event: "service.down";
      service: string;
      code: number | null;
      signal: NodeJS.Signals | null;
      ranMs: number;
      reason: FinalExitReason;
      restarts: number;
    }
  | { event: "service.ready_timeout"; service: string; error: string }
  | { event: "service.stopped"; service: string; code: number | null; signal: string | null };

export type SupervisorOptions = {
  /** Echo each service's output, prefixed, on this process's stdout (default true). */
  echo?: boolean;
  /** Rewritten (atomically) on every state change with every service's status. */
  statusFile?: string;
  /** Each lifecycle event, as written to `<logDir>/supervisor.log`. */
  onEvent?: (event: SupervisorEvent) => void;
};

type Run = {
  child: ChildProcess;
  startedAt: number;
  exited: boolean;
  /** Resolves once the process is gone and its output read to the end. */
  closed: Promise<void>;
};

type Service = {
  spec: ServiceSpec;
  prefix: string;
  log: WriteStream;
  state: ServiceState;
  run: Run | null;
  /** Ready at least once: from then on a failure is restarted (if the spec has a policy). */
  armed: boolean;
  restarts: number;
  consecutiveFailures: number;
  lastExit: ExitInfo | null;
  nextRestartAt: number | null;
  restartTimer: NodeJS.Timeout | null;
};

const COLORS = [36, 35, 33, 32, 34, 31, 96, 95];

/**
 * Runs services as child processes: prefixed output on the terminal, a log file per service,
 * readiness checks, restarts with backoff for services that have a policy, a status file, and an
 * orderly stop (SIGTERM, then SIGKILL after a grace period) in reverse start order.
 *
 * Each service runs in its own process group, signalled as a group, so a wrapper's children
 * (next dev's workers) neither outlive it nor see the terminal's Ctrl-C before their turn.
 */
export class Supervisor {
  private readonly services: Service[] = [];
  private stopping = false;

  /**
   * @param onFinalExit a service exited on its own and stays down (see `FinalExit.reason`); a
   *   service that is being restarted is not reported here (see `options.onEvent`).
   */
  constructor(
    private readonly logDir: string,
    private readonly onFinalExit: (name: string, code: number | null, exit: FinalExit) => void,
    private readonly options: SupervisorOptions = {},
  ) {
    mkdirSync(logDir, { recursive: true });
  }

  /** The running services' process ids (each the leader of its service's process group). */
  pids(): { name: string; pid: number }[] {
    return this.services.flatMap((service) =>
      service.run === null || service.run.exited || service.run.child.pid === undefined
        ? []
        : [{ name: service.spec.name, pid: service.run.child.pid }],
    );
  }

  status(): ServiceStatus[] {
    return this.services.map((service) => ({
      name: service.spec.name,
      state: service.state,
      pid: service.run === null || service.run.exited ? null : (service.run.child.pid ?? null),
      restarts: service.restarts,
      startedAt: service.run === null ? null : new Date(service.run.startedAt).toISOString(),
      lastExit: service.lastExit,
      nextRestartAt:
        service.nextRestartAt === null ? null : new Date(service.nextRestartAt).toISOString(),
    }));
  }

  /** Starts a service and waits until it is ready; throws if it dies or times out first. */
  async start(spec: ServiceSpec): Promise<void> {
    if (this.find(spec.name) !== undefined) throw new Error(`${spec.name} is already supervised`);
    const color = COLORS[this.services.length % COLORS.length] ?? 36;
    const service: Service = {
      spec,
      prefix: `\u001b[${color}m${spec.name.padEnd(11)}|\u001b[0m `,
      log: createWriteStream(join(this.logDir, `${spec.name}.log`), { flags: "a" }),
      state: "starting",
      run: null,
      armed: false,
      restarts: 0,
      consecutiveFailures: 0,
      lastExit: null,
      nextRestartAt: null,
      restartTimer: null,
    };
    this.services.push(service);
    if (!(await this.launch(service))) throw new Error(`${spec.name} exited before it was ready`);
  }

  /**
   * Sends a signal to a service's process (default SIGKILL, a crash). What follows is what a real
   * crash gets: a restart per its policy. Returns the pid signalled.
   */
  kill(name: string, signal: NodeJS.Signals = "SIGKILL"): number {
    const service = this.require(name);
    const pid = service.run?.exited === false ? service.run.child.pid : undefined;
    if (pid === undefined) throw new Error(`${name} is not running (${service.state})`);
    process.kill(pid, signal);
    return pid;
  }

  /** Stops one service (SIGTERM, SIGKILL after the grace period) and starts it again, ready. */
  async restart(name: string, graceMs = 15_000): Promise<void> {
    const service = this.require(name);
    await this.stopService(service, graceMs);
    if (this.stopping) return;
    service.consecutiveFailures = 0;
    if (!(await this.launch(service))) {
      throw new Error(
        `${name} did not get ready after the restart (its restart policy takes over)`,
      );
    }
  }

  /** Stops one service; it stays down until `restart`. */
  async stop(name: string, graceMs = 15_000): Promise<void> {
    await this.stopService(this.require(name), graceMs);
  }

  /** Stops every service in reverse start order; nothing is restarted from here on. */
  async stopAll(graceMs = 15_000): Promise<void> {
    this.stopping = true;
    for (const service of [...this.services].reverse()) await this.stopService(service, graceMs);
    await Promise.all(
      this.services.map(
        (service) => new Promise<void>((resolve) => service.log.end(() => resolve())),
      ),
    );
  }

  /** Spawns a run and waits for it to be ready; false when a restart did not get ready. */
  private async launch(service: Service): Promise<boolean> {
    const run = this.spawnRun(service);
    const { spec } = service;
    if (spec.readyUrl) {
      try {
        await waitForHttp(spec.readyUrl, spec.readyTimeoutMs ?? 60_000, () => !run.exited);
      } catch (error) {
        if (service.armed) {
          // A restart that never got ready: kill it, which counts as one more failure.
          if (!run.exited) {
            this.emit({
              event: "service.ready_timeout",
              service: spec.name,
              error: message(error),
            });
            killGroup(run.child.pid, "SIGKILL");
          }
          return false;
        }
        // Died before it was ready: let its last lines reach the log the message points at.
        if (run.exited) await run.closed;
        else await this.stopService(service, 5_000);
        throw error;
      }
    }
    if (service.run !== run || run.exited) return false;
    service.armed = true;
    this.setState(service, "running");
    this.emit({ event: "service.ready", service: spec.name, restarts: service.restarts });
    return true;
  }

  private spawnRun(service: Service): Run {
    const { spec } = service;
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env, FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const run: Run = { child, startedAt: Date.now(), exited: false, closed: Promise.resolve() };
    // "close" comes after the last output line (which can follow "exit").
    run.closed = new Promise<void>((resolve) => {
      child.on("close", (code, signal) => {
        this.onRunClosed(service, run, code, signal);
        resolve();
      });
    });
    child.on("error", (error) =>
      service.log.write(`[supervisor] spawn failed: ${error.message}\n`),
    );
    child.on("exit", () => {
      run.exited = true;
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => {
        service.log.write(`${line}\n`);
        if (this.options.echo !== false) process.stdout.write(`${service.prefix}${line}\n`);
      });
    }
    service.run = run;
    service.nextRestartAt = null;
    this.setState(service, "starting");
    this.emit({
      event: "service.started",
      service: spec.name,
      pid: child.pid ?? null,
      restarts: service.restarts,
    });
    return run;
  }

  private onRunClosed(
    service: Service,
    run: Run,
    code: number | null,
    signal: NodeJS.Signals | null,
  ): void {
    const { spec } = service;
    killGroup(run.child.pid, "SIGKILL"); // whatever the leader left behind
    const ranMs = Date.now() - run.startedAt;
    service.lastExit = { code, signal, at: new Date().toISOString() };
    if (service.run !== run) return;
    if (this.stopping || service.state === "stopping") {
      this.setState(service, "stopped");
      this.emit({ event: "service.stopped", service: spec.name, code, signal });
      return;
    }
    const down = (reason: FinalExitReason) => {
      this.setState(service, reason === "clean-exit" ? "exited" : "failed");
      this.emit({
        event: "service.down",
        service: spec.name,
        code,
        signal,
        ranMs,
        reason,
        restarts: service.restarts,
      });
      this.onFinalExit(spec.name, code, { code, signal, reason, restarts: service.restarts });
    };
    if (!service.armed) return down("not-ready");
    if (spec.restart === undefined) return down("no-restart-policy");
    const decision = decideRestart(
      spec.restart,
      { code, signal, ranMs },
      service.consecutiveFailures,
    );
    service.consecutiveFailures = decision.consecutiveFailures;
    if (!decision.restart) return down(decision.reason);

    service.nextRestartAt = Date.now() + decision.delayMs;
    this.setState(service, "backoff");
    this.emit({
      event: "service.restart_scheduled",
      service: spec.name,
      code,
      signal,
      ranMs,
      restarts: service.restarts + 1,
      consecutiveFailures: decision.consecutiveFailures,
      delayMs: decision.delayMs,
    });
    service.restartTimer = setTimeout(() => {
      service.restartTimer = null;
      if (this.stopping || service.state !== "backoff") return;
      service.restarts++;
      service.log.write(
        `[supervisor] restart ${service.restarts} after ${signal ?? `exit code ${code}`}\n`,
      );
      void this.launch(service);
    }, decision.delayMs);
  }

  private async stopService(service: Service, graceMs: number): Promise<void> {
    if (service.restartTimer !== null) {
      clearTimeout(service.restartTimer);
      service.restartTimer = null;
    }
    const run = service.run;
    if (run === null || run.exited) {
      if (service.state === "backoff" || service.state === "starting") {
        service.nextRestartAt = null;
        this.setState(service, "stopped");
      }
      if (run !== null) await run.closed;
      return;
    }
    this.setState(service, "stopping");
    killGroup(run.child.pid, "SIGTERM");
    const timer = setTimeout(() => killGroup(run.child.pid, "SIGKILL"), graceMs);
    await run.closed;
    clearTimeout(timer);
  }

  private setState(service: Service, state: ServiceState): void {
    service.state = state;
    if (this.options.statusFile !== undefined) {
      writeStatusFile(this.options.statusFile, this.status());
    }
  }

  private emit(event: SupervisorEvent): void {
    const line = JSON.stringify({ at: new Date().toISOString(), ...event });
    appendFileSync(join(this.logDir, "supervisor.log"), `${line}\n`);
    this.options.onEvent?.(event);
  }

  private find(name: string): Service | undefined {
    return this.services.find((service) => service.spec.name === name);
  }

  private require(name: string): Service {
    const service = this.find(name);
    if (service === undefined) throw new Error(`no service named ${name}`);
    return service;
  }
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Signals a whole process group; a group already gone is not an error. */
function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: nothing left in the group.
  }
}
