import type { BenchReport } from "./bench.js";
import type { HopName, RunResult } from "./report.js";

const COLUMNS: [HopName, string][] = [
  ["received_to_committed", "received→committed"],
  ["ingest_to_subscriber", "ingest→subscriber"],
  ["ingest_to_probe", "ingest→probe"],
  ["source_to_browser", "source→browser"],
  ["ingest_to_bot", "ingest→bot"],
  ["bot_to_mirrored", "bot→mirrored"],
  ["source_to_mirrored", "source→mirrored"],
];

const cell = (result: RunResult, hop: HopName): string => {
  const s = result.hops[hop];
  return s.count === 0 ? "—" : `${s.p50} / ${s.p95} / ${s.p99}`;
};

/** The matrix as a Markdown table (p50 / p95 / p99 ms per hop), for docs/performance.md. */
export function toMarkdown(report: BenchReport): string {
  const header = [
    "stored",
    "subs",
    "mode",
    ...COLUMNS.map(([, label]) => label),
    "delivered/s (subs · mirror)",
    "convex CPU · RSS max",
    "load",
  ];
  const rows = report.results.map((r) => {
    const convex = r.processes.find((p) => p.name === "convex");
    return [
      String(r.spec.stored),
      String(r.spec.subscribers),
      r.spec.mode === "burst" ? `burst ${r.spec.signals}` : `${r.spec.signals} @ ${r.spec.rate}/s`,
      ...COLUMNS.map(([hop]) => cell(r, hop)),
      `${r.throughput.deliveredPerSecond.subscribers ?? "—"} · ${r.throughput.deliveredPerSecond.mirror ?? "—"}`,
      convex === undefined ? "—" : `${convex.cpuPercent}% · ${convex.rssMaxMb} MB`,
      String(r.loadAverage[0] ?? "—"),
    ];
  });
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
