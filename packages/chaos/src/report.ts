import type { FaultRecord } from "./faults.js";
import type { ConvergenceStats } from "./convergence.js";
import type { InvariantResult, Violation } from "./invariants.js";
import type { FaultKind } from "./plan.js";
import { spread, type Spread } from "./spread.js";

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
  /**
   * Per fault kind: from each fault's end (its start for gateway drops and hangs) until the probe
   * observed the part of the system it touched caught up (convergence.ts says what that is).
   */
  convergence: Partial<Record<FaultKind, ConvergenceStats>>;
  invariants: {
    invariant: string;
    checked: number;
    counts: Record<string, number>;
    violations: number;
  }[];
  violations: ReportedViolation[];
  logDir: string;
};

export type RecoveryStats = Record<string, Spread>;
export { spread, type Spread };

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
    `convergence (ms from each fault's end, its start for gateway_drop/discord_hang): ${
      Object.entries(report.convergence)
        .map(
          ([k, s]) =>
            `${k} n=${s.n} p50=${s.p50 ?? "–"} p95=${s.p95 ?? "–"} max=${s.max ?? "–"}` +
            (s.unconverged > 0 ? ` unconverged=${s.unconverged}` : ""),
        )
        .join("; ") || "no faults"
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
