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
  invariants: {
    invariant: string;
    checked: number;
    counts: Record<string, number>;
    violations: number;
  }[];
  violations: ReportedViolation[];
  logDir: string;
};

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
