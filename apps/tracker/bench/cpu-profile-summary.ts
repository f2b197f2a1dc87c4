// Reads the offline backend's V8 CPU profile (node --cpu-prof) and sums what it did during the
// bench's measured window only — start-up, bundling and posting the signals are left out — so
// the "committed" part of tick-to-Convex can be read as functions, not guessed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type CpuProfile = {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
};

/** The window in the profiles' clock: process.hrtime in microseconds (V8's monotonic time). */
export type Window = { startUs: number; endUs: number };

export function hrtimeUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/\?.*$/, "").replace(/^.*\//, "");
  return `${functionName || "(anonymous)"} ${file}${file === "" ? "" : `:${lineNumber + 1}`}`;
}

/** Busy time in the window and the functions that took it (self time, top `limit`). */
export function summarizeWindow(profile: CpuProfile, window: Window, limit = 12): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let at = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < window.startUs || at > window.endUs) return;
    const node = byId.get(id);
    if (node === undefined) return;
    total += delta;
    const key = label(node);
    self.set(key, (self.get(key) ?? 0) + delta);
  });
  const idle = self.get("(idle) ") ?? 0;
  const busy = total - idle;
  const ms = (us: number) => `${Math.round(us / 1000)} ms`;
  const lines = [
    `backend CPU in the window: busy ${ms(busy)} of ${ms(total)} (${total > 0 ? Math.round((busy / total) * 100) : 0} %)`,
  ];
  for (const [name, us] of [...self]
    .filter(([k]) => k !== "(idle) ")
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)) {
    lines.push(`  ${ms(us).padStart(8)}  ${name}`);
  }
  return lines;
}

/** The main thread's profile of process `pid` in `dir` (node names them CPU.<date>.<pid>.0.<n>). */
export function readMainThreadProfile(dir: string, pid: number): CpuProfile | undefined {
  const name = readdirSync(dir).find((f) => f.includes(`.${pid}.0.`) && f.endsWith(".cpuprofile"));
  return name === undefined
    ? undefined
    : (JSON.parse(readFileSync(join(dir, name), "utf8")) as CpuProfile);
}
