import { readFileSync, readdirSync } from "node:fs";

/** Clock ticks per second for /proc/<pid>/stat times (USER_HZ; 100 on every Linux we run on). */
export const CLOCK_TICKS = 100;

export type ProcSnapshot = { cpuTicks: number; rssBytes: number };

/** utime + stime (ticks) from the text of /proc/<pid>/stat; the command name may hold spaces. */
export function parseStatTicks(stat: string): number {
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After ")": state(3) ppid(4) … utime is field 14, stime 15 → indexes 11 and 12 here.
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) {
    throw new Error(`unexpected /proc stat line: ${stat.slice(0, 80)}`);
  }
  return utime + stime;
}

/** VmRSS (bytes) from the text of /proc/<pid>/status; 0 for a zombie without one. */
export function parseStatusRss(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match?.[1] === undefined ? 0 : Number(match[1]) * 1024;
}

function children(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      if (text !== "") out.push(...text.split(" ").map(Number));
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/** The process and all its descendants (a tsx wrapper runs the real node process as a child). */
export function processTree(pid: number): number[] {
  const seen: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.shift();
    if (next === undefined || seen.includes(next)) continue;
    seen.push(next);
    queue.push(...children(next));
  }
  return seen;
}

/** CPU ticks and RSS summed over a process tree; processes that vanished count as zero. */
export function snapshotTree(pid: number): ProcSnapshot {
  let cpuTicks = 0;
  let rssBytes = 0;
  for (const member of processTree(pid)) {
    try {
      cpuTicks += parseStatTicks(readFileSync(`/proc/${member}/stat`, "utf8"));
      rssBytes += parseStatusRss(readFileSync(`/proc/${member}/status`, "utf8"));
    } catch {
      // exited between listing and reading
    }
  }
  return { cpuTicks, rssBytes };
}

export type ProcUsage = {
  name: string;
  /** Average CPU over the window, percent of one core. */
  cpuPercent: number;
  /** CPU time used over the window (user + system), in ms: divided by signals, a cost per signal. */
  cpuMs: number;
  rssAvgMb: number;
  rssMaxMb: number;
};

/**
 * Samples named process trees every `intervalMs` between start() and stop(): average CPU (from
 * the tick delta over the window) and average/max RSS.
 */
export class ProcSampler {
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private readonly first = new Map<string, ProcSnapshot>();
  private readonly last = new Map<string, ProcSnapshot>();
  private readonly rss = new Map<string, number[]>();

  constructor(
    private readonly targets: () => { name: string; pid: number }[],
    private readonly intervalMs = 250,
  ) {}

  start(): void {
    this.startedAt = performance.now();
    this.sample(true);
    this.timer = setInterval(() => this.sample(false), this.intervalMs);
  }

  stop(): ProcUsage[] {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.sample(false);
    const seconds = Math.max((performance.now() - this.startedAt) / 1000, 0.001);
    const usage: ProcUsage[] = [];
    for (const [name, start] of this.first) {
      const end = this.last.get(name) ?? start;
      const rss = this.rss.get(name) ?? [0];
      const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
      const cpuSeconds = (end.cpuTicks - start.cpuTicks) / CLOCK_TICKS;
      usage.push({
        name,
        cpuPercent: Math.round((cpuSeconds / seconds) * 100 * 10) / 10,
        cpuMs: Math.round(cpuSeconds * 1000),
        rssAvgMb: mb(rss.reduce((a, b) => a + b, 0) / rss.length),
        rssMaxMb: mb(Math.max(...rss)),
      });
    }
    return usage;
  }

  private sample(initial: boolean): void {
    for (const { name, pid } of this.targets()) {
      const snapshot = snapshotTree(pid);
      if (initial || !this.first.has(name)) this.first.set(name, snapshot);
      this.last.set(name, snapshot);
      const list = this.rss.get(name) ?? [];
      list.push(snapshot.rssBytes);
      this.rss.set(name, list);
    }
  }
}

/** Direct and indirect children of `pid` whose command name matches (e.g. the Chromium tree). */
export function descendantsNamed(pid: number, pattern: RegExp): number[] {
  return processTree(pid).filter((member) => {
    if (member === pid) return false;
    try {
      return pattern.test(readFileSync(`/proc/${member}/comm`, "utf8").trim());
    } catch {
      return false;
    }
  });
}
