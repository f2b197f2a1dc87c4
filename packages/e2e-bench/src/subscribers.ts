import { type ChildProcess, fork } from "node:child_process";
import { availableParallelism, constants, setPriority } from "node:os";
import { fileURLToPath } from "node:url";
import { type Dashboard, openDashboard } from "./dashboard-subscriber.js";
import type { FromShare, ShareInput, ToShare } from "./subscriber-process.js";
import type { BenchUser } from "./users.js";

/**
 * K signed-in dashboard subscribers (see dashboard-subscriber.ts), spread over one child process
 * per core at the lowest CPU priority. They stand in for K browsers on K machines: here they share
 * the box with the system under test, and 500 clients need about a core of their own, so they
 * yield the CPU to the backend and bots instead of preempting them. Their own latencies still
 * include waiting for that CPU. Records, per subscriber, when each tagged signal first appeared.
 *
 * Plus one probe dashboard in this process (normal priority), connected after all the others:
 * the backend serves the sockets sharing a re-run in connection order, so the probe is the last
 * dashboard of the fan-out — its latency is the server's whole fan-out to K + 1 dashboards.
 */
export class Subscribers {
  private readonly seen: Map<string, number>[] = [];
  private readonly shares: ChildProcess[] = [];
  private readonly probeSeen = new Map<string, number>();
  private probe: Dashboard | null = null;

  static async open(backendUrl: string, users: BenchUser[]): Promise<Subscribers> {
    const pool = new Subscribers();
    const count = Math.max(1, Math.min(availableParallelism(), users.length));
    const shares: ShareInput["users"][] = Array.from({ length: count }, () => []);
    users.forEach((user, slot) => {
      pool.seen.push(new Map());
      shares[slot % count]?.push({ slot, user });
    });
    await Promise.all(shares.map((share) => pool.start(backendUrl, share)));
    const first = users[0];
    if (first !== undefined) {
      pool.probe = openDashboard(backendUrl, first, (tag, at) => {
        if (!pool.probeSeen.has(tag)) pool.probeSeen.set(tag, at);
      });
      await pool.probe.ready;
    }
    return pool;
  }

  get size(): number {
    return this.seen.length;
  }

  /** Per subscriber, when it first saw `tag` (undefined where it has not). */
  sightings(tag: string): (number | undefined)[] {
    return this.seen.map((tags) => tags.get(tag));
  }

  /** The subscriber processes, for CPU and memory sampling. */
  pids(): { name: string; pid: number }[] {
    return this.shares.flatMap((child, index) =>
      child.pid === undefined ? [] : [{ name: `subscribers-${index + 1}`, pid: child.pid }],
    );
  }

  /** When the probe dashboard first saw `tag`. */
  probeSighting(tag: string): number | undefined {
    return this.probeSeen.get(tag);
  }

  /** How many subscribers have seen every tag. */
  complete(tags: readonly string[]): number {
    return this.seen.filter((seen) => tags.every((tag) => seen.has(tag))).length;
  }

  async close(): Promise<void> {
    await this.probe?.close();
    await Promise.all(
      this.shares.map(
        (child) =>
          new Promise<void>((resolve) => {
            child.once("exit", () => resolve());
            child.send({ type: "close" } satisfies ToShare);
          }),
      ),
    );
  }

  private start(backendUrl: string, users: ShareInput["users"]): Promise<void> {
    const child = fork(fileURLToPath(new URL("./subscriber-process.ts", import.meta.url)), [], {
      execArgv: ["--import", import.meta.resolve("tsx")],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.shares.push(child);
    if (child.pid !== undefined) setPriority(child.pid, constants.priority.PRIORITY_LOW);
    return new Promise((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code) => reject(new Error(`subscriber process exited (${code})`)));
      child.on("message", (message: FromShare) => {
        if (message.type === "ready") resolve();
        if (message.type === "failed") reject(new Error(message.error));
        if (message.type !== "seen") return;
        for (const [slot, tag, at] of message.sightings) {
          const seen = this.seen[slot];
          if (seen !== undefined && !seen.has(tag)) seen.set(tag, at);
        }
      });
      child.send({ type: "start", input: { backendUrl, users } } satisfies ToShare);
    });
  }
}
