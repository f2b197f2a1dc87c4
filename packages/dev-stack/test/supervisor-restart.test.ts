import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { waitFor } from "../src/poll.js";
import type { RestartPolicy } from "../src/restart-policy.js";
import { readStatusFile } from "../src/status-file.js";
import {
  Supervisor,
  type FinalExit,
  type ServiceSpec,
  type SupervisorEvent,
} from "../src/supervisor.js";

/**
 * A service that counts its runs in a file and serves HTTP. From run `crashFrom` on it crashes
 * (exit 3) right after it starts; before that it serves until it is killed. On SIGTERM it appends
 * its name to `order` and exits 0.
 */
const CRASHY = `
const fs = require("fs");
const [runs, port, crashFrom, order, name] = process.argv.slice(1);
const run = (fs.existsSync(runs) ? Number(fs.readFileSync(runs, "utf8")) : 0) + 1;
fs.writeFileSync(runs, String(run));
console.log("run " + run);
if (run >= Number(crashFrom)) { console.error("crashing"); process.exit(3); }
const server = require("http").createServer((q, r) => r.end("run " + run)).listen(Number(port), "127.0.0.1");
process.on("SIGTERM", () => { fs.appendFileSync(order, name + "\\n"); server.close(() => process.exit(0)); });
`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

type Harness = {
  dir: string;
  supervisor: Supervisor;
  events: SupervisorEvent[];
  finals: [string, FinalExit][];
  statusFile: string;
  spec: (name: string, options: { crashFrom?: number; restart?: RestartPolicy }) => ServiceSpec;
  runs: (name: string) => number;
  order: () => string[];
};

const supervisors: Supervisor[] = [];
afterEach(async () => {
  for (const supervisor of supervisors.splice(0)) await supervisor.stopAll(2_000);
});

async function harness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), "dev-stack-restart-"));
  const events: SupervisorEvent[] = [];
  const finals: [string, FinalExit][] = [];
  const statusFile = join(dir, "status.json");
  const supervisor = new Supervisor(
    join(dir, "logs"),
    (name, _code, exit) => finals.push([name, exit]),
    { echo: false, statusFile, onEvent: (event) => events.push(event) },
  );
  supervisors.push(supervisor);
  const orderFile = join(dir, "order");
  const ports = new Map<string, number>();
  for (const name of ["a", "b", "c"]) ports.set(name, await freePort());
  return {
    dir,
    supervisor,
    events,
    finals,
    statusFile,
    spec: (name, { crashFrom = 1_000, restart }) => ({
      name,
      command: process.execPath,
      args: [
        "-e",
        CRASHY,
        join(dir, `${name}.runs`),
        String(ports.get(name)),
        String(crashFrom),
        orderFile,
        name,
      ],
      cwd: dir,
      env: {},
      readyUrl: `http://127.0.0.1:${ports.get(name)}/`,
      readyTimeoutMs: 10_000,
      ...(restart === undefined ? {} : { restart }),
    }),
    runs: (name) => {
      const file = join(dir, `${name}.runs`);
      return existsSync(file) ? Number(readFileSync(file, "utf8")) : 0;
    },
    order: () => (existsSync(orderFile) ? readFileSync(orderFile, "utf8").trim().split("\n") : []),
  };
}

const serviceStatus = (h: Harness, name: string) =>
  h.supervisor.status().find((service) => service.name === name);

describe("Supervisor restarts", () => {
  test("a killed service is restarted with doubling backoff, counted, and given up after the burst", async () => {
    const h = await harness();
    const policy = { initialDelayMs: 150, maxDelayMs: 400, resetAfterMs: 60_000, burst: 3 };
    await h.supervisor.start(h.spec("a", { crashFrom: 2, restart: policy }));
    const killed = h.supervisor.kill("a");
    expect(killed).toBeGreaterThan(0);

    await waitFor(() => serviceStatus(h, "a")?.state === "failed", 15_000, "a given up");
    const scheduled = h.events.filter((e) => e.event === "service.restart_scheduled");
    expect(scheduled.map((e) => [e.delayMs, e.code, e.signal])).toEqual([
      [150, null, "SIGKILL"],
      [300, 3, null],
      [400, 3, null],
    ]);
    expect(h.runs("a")).toBe(4);
    expect(h.finals).toEqual([
      ["a", { code: 3, signal: null, reason: "burst-limit", restarts: 3 }],
    ]);
    // The restart waited out its delay: the next start came no earlier than the scheduled time.
    const log = readFileSync(join(h.dir, "logs", "supervisor.log"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { at: string; event: string; delayMs?: number });
    for (const [index, line] of log.entries()) {
      if (line.event !== "service.restart_scheduled") continue;
      const next = log.slice(index + 1).find((l) => l.event === "service.started");
      expect(Date.parse(next?.at ?? "") - Date.parse(line.at)).toBeGreaterThanOrEqual(
        (line.delayMs ?? 0) - 5,
      );
    }
    const status = readStatusFile(h.statusFile);
    expect(status?.supervisorPid).toBe(process.pid);
    expect(status?.services).toEqual([
      expect.objectContaining({ name: "a", state: "failed", restarts: 3, pid: null }),
    ]);
    expect(readFileSync(join(h.dir, "logs", "a.log"), "utf8")).toContain(
      "[supervisor] restart 1 after SIGKILL",
    );
  });

  test("a restarted service serves again; a stable run resets the backoff", async () => {
    const h = await harness();
    const policy = { initialDelayMs: 100, maxDelayMs: 5_000, resetAfterMs: 300, burst: 2 };
    await h.supervisor.start(h.spec("b", { restart: policy }));
    const url = h.spec("b", {}).readyUrl ?? "";
    for (let round = 1; round <= 3; round++) {
      const before = serviceStatus(h, "b")?.pid;
      // Ran longer than resetAfterMs: each kill is a fresh failure (1 s·2⁰), never the burst.
      await new Promise((resolve) => setTimeout(resolve, 350));
      h.supervisor.kill("b");
      await waitFor(
        () => {
          const status = serviceStatus(h, "b");
          return status?.state === "running" && status.pid !== before && status.restarts === round;
        },
        10_000,
        `b running again after kill ${round}`,
      );
      expect(await (await fetch(url)).text()).toBe(`run ${round + 1}`);
    }
    const delays = h.events.flatMap((e) =>
      e.event === "service.restart_scheduled" ? [e.delayMs] : [],
    );
    expect(delays).toEqual([100, 100, 100]);
    expect(readStatusFile(h.statusFile)?.services[0]).toMatchObject({
      name: "b",
      state: "running",
      restarts: 3,
      lastExit: { code: null, signal: "SIGKILL" },
    });
    expect(h.finals).toEqual([]);
  });

  test("stopAll stops in reverse order with SIGTERM and restarts nothing, even mid-backoff", async () => {
    const h = await harness();
    // A backoff long enough to be seen by a poller on a loaded machine.
    const policy = { initialDelayMs: 1_500, maxDelayMs: 1_500, resetAfterMs: 60_000, burst: 5 };
    await h.supervisor.start(h.spec("a", { restart: policy }));
    await h.supervisor.start(h.spec("b", { restart: policy }));
    await h.supervisor.start(h.spec("c", { restart: policy }));
    h.supervisor.kill("b");
    await waitFor(() => serviceStatus(h, "b")?.state === "backoff", 5_000, "b in backoff");
    await h.supervisor.stopAll(5_000);

    expect(h.order()).toEqual(["c", "a"]); // b was down; c then a got SIGTERM, in that order
    expect(h.supervisor.status().map((s) => [s.name, s.state])).toEqual([
      ["a", "stopped"],
      ["b", "stopped"],
      ["c", "stopped"],
    ]);
    expect(h.supervisor.pids()).toEqual([]);
    // The cancelled restart of b never comes: wait past its delay and count b's runs.
    await new Promise((resolve) => setTimeout(resolve, policy.initialDelayMs + 500));
    expect(h.runs("b")).toBe(1);
    expect(h.finals).toEqual([]);
    expect(readStatusFile(h.statusFile)?.services.map((s) => s.state)).toEqual([
      "stopped",
      "stopped",
      "stopped",
    ]);
  });

  test("without a policy a death is final and reported; a clean exit is not restarted", async () => {
    const h = await harness();
    await h.supervisor.start(h.spec("a", {}));
    h.supervisor.kill("a", "SIGKILL");
    await waitFor(() => h.finals.length === 1, 5_000, "a reported");
    expect(h.finals[0]).toEqual([
      "a",
      { code: null, signal: "SIGKILL", reason: "no-restart-policy", restarts: 0 },
    ]);

    const policy = { initialDelayMs: 100, maxDelayMs: 100, resetAfterMs: 60_000, burst: 5 };
    await h.supervisor.start(h.spec("b", { restart: policy }));
    h.supervisor.kill("b", "SIGTERM"); // its handler exits 0: a clean exit
    await waitFor(() => h.finals.length === 2, 5_000, "b reported");
    expect(h.finals[1]).toEqual([
      "b",
      { code: 0, signal: null, reason: "clean-exit", restarts: 0 },
    ]);
    expect(serviceStatus(h, "b")?.state).toBe("exited");
  });

  test("restart() stops and starts one service on demand; the others keep running", async () => {
    const h = await harness();
    await h.supervisor.start(h.spec("a", {}));
    await h.supervisor.start(h.spec("b", {}));
    const before = serviceStatus(h, "a")?.pid;
    await h.supervisor.restart("a");
    expect(serviceStatus(h, "a")).toMatchObject({ state: "running" });
    expect(serviceStatus(h, "a")?.pid).not.toBe(before);
    expect(h.order()).toEqual(["a"]);
    expect(await (await fetch(h.spec("a", {}).readyUrl ?? "")).text()).toBe("run 2");
    expect(serviceStatus(h, "b")?.state).toBe("running");
    expect(h.finals).toEqual([]);
  });

  test("a killed service leaves no process behind: its whole group goes", async () => {
    const h = await harness();
    const pidFile = join(h.dir, "grandchild.pid");
    const port = await freePort();
    // The leader starts a long-lived child (as next dev or a tsx wrapper does), then serves.
    const leader =
      `const c=require("child_process").spawn(process.execPath,["-e","setInterval(()=>{},1000)"],{stdio:"ignore"});` +
      `require("fs").writeFileSync(${JSON.stringify(pidFile)},String(c.pid));` +
      `require("http").createServer((q,r)=>r.end("ok")).listen(${port},"127.0.0.1");`;
    writeFileSync(join(h.dir, "leader.js"), leader);
    await h.supervisor.start({
      name: "wrapper",
      command: process.execPath,
      args: [join(h.dir, "leader.js")],
      cwd: h.dir,
      env: {},
      readyUrl: `http://127.0.0.1:${port}/`,
    });
    const grandchild = Number(readFileSync(pidFile, "utf8"));
    expect(isAlive(grandchild)).toBe(true);
    h.supervisor.kill("wrapper");
    await waitFor(() => !isAlive(grandchild), 5_000, "the leader's child gone too");
  });
});

/** Alive and not a zombie (a reparented process is reaped whenever its new parent gets to it). */
function isAlive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}
