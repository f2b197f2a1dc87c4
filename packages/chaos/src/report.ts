import type { FaultRecord } from "./faults.js";
import type { InvariantResult, Violation } from "./invariants.js";

export type ReportedViolation = Violation & {
  /** Faults active within 10 s before (to 1 s after) the subject's last change: the likely cause. */
  faultsNear: string[];
};

export type SoakReport = {
  ok: boolean;
  seed: number;
  durationMs: number;
  instances: number;
  startedAt: string;
  workload: Record<string, number>;
  faults: Record<string, number>;
  faultLog: (FaultRecord & { atMs: number })[];
  /** From the end of the fault schedule until every invariant held; null if it never did. */
  timeToConvergeMs: number | null;
  /** Per killed service kind: restart → ready, and (collector) restart → backlog drained. */
  recovery: RecoveryStats;
  invariants: {
    invariant: string;
    checked: number;
    counts: Record<string, number>;
    violations: number;
  }[];
  violations: ReportedViolation[];
  logDir: string;
};

export type Spread = { n: number; p50: number; p95: number; max: number };
export type RecoveryStats = Record<string, Spread>;

/** Nearest-rank percentiles (p50, p95) and the max of a sample; null when it is empty. */
export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { n: sorted.length, p50: rank(50), p95: rank(95), max: sorted[sorted.length - 1] ?? 0 };
}

/**
 * Recovery times of the kills in the fault log, keyed `<what> <measure>`: "collector ready",
 * "collector drained", "mirror ready", "backend ready" (ms from the restart).
 */
export function recoveryStats(log: readonly FaultRecord[]): RecoveryStats {
  const samples = new Map<string, number[]>();
  const add = (key: string, value: number | undefined) => {
    if (value !== undefined) samples.set(key, [...(samples.get(key) ?? []), value]);
  };
  for (const record of log) {
    if (record.kind === "kill_backend") add("backend ready", record.readyMs);
    if (record.kind !== "kill_bot") continue;
    const what = record.target.startsWith("collector") ? "collector" : "mirror";
    add(`${what} ready`, record.readyMs);
    add(`${what} drained`, record.drainedMs);
  }
  const stats: RecoveryStats = {};
  for (const [key, values] of [...samples].sort(([a], [b]) => a.localeCompare(b))) {
    const s = spread(values);
    if (s !== null) stats[key] = s;
  }
  return stats;
}

export function describeFault(record: FaultRecord, start: number): string {
  const from = ((record.startedAt - start) / 1000).toFixed(1);
  const to = record.endedAt === undefined ? "" : `–${((record.endedAt - start) / 1000).toFixed(1)}`;
  return `${record.kind} ${record.target} @${from}${to}s${record.detail ? ` (${record.detail})` : ""}`;
}

export function faultsNear(
  log: readonly FaultRecord[],
  at: number | undefined,
  start: number,
): string[] {
  if (at === undefined) return [];
  return log
    .filter((f) => f.startedAt <= at + 1_000 && (f.endedAt ?? f.startedAt) >= at - 10_000)
    .map((f) => describeFault(f, start));
}

/** One line per invariant with its counts, then each violation. */
export function formatReport(report: SoakReport): string {
  const lines = [
    `chaos soak seed=${report.seed} duration=${report.durationMs / 1000}s instances=${report.instances}: ${report.ok ? "OK" : "VIOLATIONS"}`,
    `workload: ${Object.entries(report.workload)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
    `faults:   ${
      Object.entries(report.faults)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ") || "none"
    }`,
    `converged: ${report.timeToConvergeMs === null ? "no" : `${(report.timeToConvergeMs / 1000).toFixed(1)} s after the last fault`}`,
    `recovery (ms from restart): ${
      Object.entries(report.recovery)
        .map(([k, s]) => `${k} n=${s.n} p50=${s.p50} p95=${s.p95} max=${s.max}`)
        .join("; ") || "no kills"
    }`,
  ];
  for (const result of report.invariants) {
    const counts = Object.entries(result.counts)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ");
    lines.push(
      `${result.violations === 0 ? "✓" : "✗"} ${result.invariant}: ${result.checked} checked, ${result.violations} violation(s) [${counts}]`,
    );
  }
  for (const v of report.violations) {
    lines.push(
      `  ${v.invariant}/${v.kind} ${v.id}: expected ${v.expected}; found ${v.found}` +
        (v.faultsNear.length > 0 ? `\n      near: ${v.faultsNear.join("; ")}` : ""),
    );
  }
  return lines.join("\n");
}

export function summarise(results: readonly InvariantResult[]) {
  return results.map((r) => ({
    invariant: r.invariant,
    checked: r.checked,
    counts: r.counts,
    violations: r.violations.length,
  }));
}
