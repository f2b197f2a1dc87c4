// The "Faults survived" table of docs/reliability.md §14 from a soak report, so the docs are
// pasted from a run rather than retyped.
import { z } from "zod";
import { FAULT_KINDS, type FaultKind } from "./plan.js";

const ZSpread = z.object({ n: z.number(), p50: z.number(), p95: z.number(), max: z.number() });
const ZConvergence = z.object({
  n: z.number(),
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  max: z.number().nullable(),
  unconverged: z.number(),
});

/** The parts of a report (SoakReport) the table reads; a report from before per-fault convergence has none. */
export const ZTableReport = z.object({
  faults: z.record(z.string(), z.number()),
  timeToConvergeMs: z.number().nullable(),
  recovery: z.record(z.string(), ZSpread),
  convergence: z.record(z.string(), ZConvergence).optional(),
  violations: z.array(z.object({ faultsNear: z.array(z.string()) })),
});
export type TableReport = z.infer<typeof ZTableReport>;

/** Which recovery measures belong to which fault kind. */
const RECOVERY_OF: Partial<Record<FaultKind, string[]>> = {
  kill_bot: ["collector ready", "collector drained", "mirror ready"],
  kill_backend: ["backend ready"],
};

const seconds = (ms: number) => (ms / 1000).toFixed(1);

function convergedCell(stats: z.infer<typeof ZConvergence> | undefined): string {
  if (stats === undefined) return "not measured";
  const never = stats.unconverged > 0 ? `; ${stats.unconverged} never converged` : "";
  if (stats.n === 0 || stats.p50 === null || stats.p95 === null || stats.max === null) {
    return `—${never}`;
  }
  return `${seconds(stats.p50)} / ${seconds(stats.p95)} / ${seconds(stats.max)} s (n=${stats.n})${never}`;
}

function recoveryCell(report: TableReport, kind: FaultKind): string {
  const cells = (RECOVERY_OF[kind] ?? []).flatMap((key) => {
    const s = report.recovery[key];
    return s === undefined
      ? []
      : [`${key} ${seconds(s.p50)} / ${seconds(s.p95)} / ${seconds(s.max)} s (n=${s.n})`];
  });
  return cells.join("; ") || "—";
}

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/**
 * One row per injected fault kind: injected, violations near a fault of that kind, convergence
 * p50 / p95 / max (from each fault's end until its scope was observed caught up) and, for kills,
 * the restart → ready (and drained) times; then the whole run's time to converge.
 */
export function markdownTable(report: TableReport): string {
  const header = [
    "fault",
    "injected",
    "violations",
    "converged p50 / p95 / max",
    "recovery p50 / p95 / max",
  ];
  const lines = [row(header), row(header.map(() => "---"))];
  let injected = 0;
  for (const kind of FAULT_KINDS) {
    const count = report.faults[kind] ?? 0;
    if (count === 0) continue;
    injected += count;
    const violations = report.violations.filter((v) =>
      v.faultsNear.some((near) => near.startsWith(`${kind} `)),
    ).length;
    lines.push(
      row([
        `\`${kind}\``,
        String(count),
        String(violations),
        convergedCell(report.convergence?.[kind]),
        recoveryCell(report, kind),
      ]),
    );
  }
  const converge =
    report.timeToConvergeMs === null
      ? "never converged"
      : `every invariant held ${seconds(report.timeToConvergeMs)} s after the last fault`;
  lines.push(
    row(["**whole run**", String(injected), String(report.violations.length), converge, "—"]),
  );
  return lines.join("\n");
}
