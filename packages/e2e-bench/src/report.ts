import type { ProcUsage } from "./proc.js";
import type { RunSpec, SignalRecord } from "./run.js";
import { growth, summarize, type Summary } from "./stats.js";

/** Hops, in pipeline order. "ingest" = the collector received the gateway event (receivedAt). */
export const HOPS = [
  ["source_to_received", "source event → collector received"],
  ["received_to_committed", "collector received → committed in Convex"],
  ["committed_to_subscriber", "committed → dashboard subscriber updated (all K)"],
  ["committed_to_browser", "committed → card in the browser DOM"],
  ["committed_to_bot", "committed → mirror bot received"],
  ["bot_to_mirrored", "mirror bot received → mirrored message created"],
  ["ingest_to_subscriber", "ingest → dashboard subscriber (budget 30)"],
  ["ingest_to_probe", "ingest → probe dashboard (last in the fan-out, own thread)"],
  ["ingest_to_bot", "ingest → mirror bot received (budget 30)"],
  ["source_to_subscriber", "end to end: source → subscriber"],
  ["source_to_browser", "end to end: source → browser card"],
  ["source_to_mirrored", "end to end: source → mirrored message (budget 80)"],
] as const;

export type HopName = (typeof HOPS)[number][0];

export type RunResult = {
  spec: RunSpec;
  startedAt: string;
  hops: Record<HopName, Summary>;
  delivered: {
    signals: number;
    subscriberSamples: number;
    expectedSubscriberSamples: number;
    browser: number;
    mirrored: number;
  };
  throughput: {
    postedPerSecond: number;
    deliveredPerSecond: { subscribers: number | null; mirror: number | null };
  };
  processes: ProcUsage[];
  /** 1/5/15-minute load average when the run started (other work on the box shows here). */
  loadAverage: number[];
};

const diff = (to: number | undefined, from: number | undefined): number[] =>
  to === undefined || from === undefined ? [] : [to - from];

export function hopSamples(records: readonly SignalRecord[]): Record<HopName, number[]> {
  const out = Object.fromEntries(HOPS.map(([name]) => [name, [] as number[]])) as Record<
    HopName,
    number[]
  >;
  for (const r of records) {
    out.source_to_received.push(...diff(r.receivedAt, r.sourceAt));
    out.received_to_committed.push(...diff(r.committedAt, r.receivedAt));
    for (const at of r.subscriberAt) {
      out.committed_to_subscriber.push(...diff(at, r.committedAt));
      out.ingest_to_subscriber.push(...diff(at, r.receivedAt));
      out.source_to_subscriber.push(...diff(at, r.sourceAt));
    }
    out.ingest_to_probe.push(...diff(r.probeAt, r.receivedAt));
    out.committed_to_browser.push(...diff(r.browserAt, r.committedAt));
    out.source_to_browser.push(...diff(r.browserAt, r.sourceAt));
    out.committed_to_bot.push(...diff(r.botReceivedAt, r.committedAt));
    out.ingest_to_bot.push(...diff(r.botReceivedAt, r.receivedAt));
    out.bot_to_mirrored.push(...diff(r.mirroredAt, r.botReceivedAt));
    out.source_to_mirrored.push(...diff(r.mirroredAt, r.sourceAt));
  }
  return out;
}

function perSecond(count: number, fromMs: number, toMs: number | undefined): number | null {
  if (toMs === undefined || toMs <= fromMs) return null;
  return Math.round((count / ((toMs - fromMs) / 1000)) * 10) / 10;
}

export function summarizeRun(
  spec: RunSpec,
  records: readonly SignalRecord[],
  window: { startedAt: number; postedUntil: number },
  processes: ProcUsage[],
  loadAverage: number[] = [],
): RunResult {
  const samples = hopSamples(records);
  const hops = Object.fromEntries(HOPS.map(([name]) => [name, summarize(samples[name])])) as Record<
    HopName,
    Summary
  >;
  // Loops, not Math.max(...spread): 500 subscribers × 500 signals overflow the call stack.
  let firstPost = Number.POSITIVE_INFINITY;
  let lastSubscriber = Number.NEGATIVE_INFINITY;
  let lastMirror = Number.NEGATIVE_INFINITY;
  for (const r of records) {
    firstPost = Math.min(firstPost, r.postedAt);
    for (const at of r.subscriberAt)
      if (at !== undefined) lastSubscriber = Math.max(lastSubscriber, at);
    if (r.mirroredAt !== undefined) lastMirror = Math.max(lastMirror, r.mirroredAt);
  }
  return {
    spec,
    startedAt: new Date(window.startedAt).toISOString(),
    hops,
    delivered: {
      signals: records.length,
      subscriberSamples: samples.committed_to_subscriber.length,
      expectedSubscriberSamples: records.length * spec.subscribers,
      browser: records.filter((r) => r.browserAt !== undefined).length,
      mirrored: records.filter((r) => r.mirroredAt !== undefined).length,
    },
    throughput: {
      postedPerSecond: perSecond(records.length, window.startedAt, window.postedUntil) ?? 0,
      deliveredPerSecond: {
        subscribers: perSecond(
          records.length,
          firstPost,
          Number.isFinite(lastSubscriber) ? lastSubscriber : undefined,
        ),
        mirror: perSecond(
          records.length,
          firstPost,
          Number.isFinite(lastMirror) ? lastMirror : undefined,
        ),
      },
    },
    processes,
    loadAverage,
  };
}

const fmt = (value: number | null): string => (value === null ? "—" : String(value));

export function formatRun(result: RunResult): string {
  const { spec } = result;
  const lines = [
    `stored ${spec.stored} · subscribers ${spec.subscribers} · ${spec.mode} (${spec.signals} signals${spec.mode === "steady" ? ` at ${spec.rate}/s` : " at once"})`,
    `${"hop".padEnd(52)} ${"n".padStart(6)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)} ${"max".padStart(7)}  (ms)`,
  ];
  for (const [name, label] of HOPS) {
    const s = result.hops[name];
    lines.push(
      `${label.padEnd(52)} ${String(s.count).padStart(6)} ${fmt(s.p50).padStart(7)} ${fmt(s.p95).padStart(7)} ${fmt(s.p99).padStart(7)} ${fmt(s.max).padStart(7)}`,
    );
  }
  const d = result.delivered;
  lines.push(
    `delivered: subscriber samples ${d.subscriberSamples}/${d.expectedSubscriberSamples}, browser ${d.browser}/${d.signals}, mirrored ${d.mirrored}/${d.signals}`,
    `throughput: posted ${result.throughput.postedPerSecond}/s, delivered to all subscribers ${fmt(result.throughput.deliveredPerSecond.subscribers)}/s, mirrored ${fmt(result.throughput.deliveredPerSecond.mirror)}/s`,
    `load average at start: ${result.loadAverage.join(" / ")}`,
    `processes: ${result.processes.map((p) => `${p.name} ${p.cpuPercent}% cpu, rss ${p.rssAvgMb}/${p.rssMaxMb} MB`).join(" · ")}`,
    `cpu per signal (ms, over the measured run): ${result.processes.map((p) => `${p.name} ${fmt(Math.round((p.cpuMs / Math.max(d.signals, 1)) * 10) / 10)}`).join(" · ")}`,
  );
  return lines.join("\n");
}

export type BudgetCheck = { budget: string; holds: boolean | null; evidence: string };

const BUDGETS: { hop: HopName; limit: number; label: string }[] = [
  { hop: "ingest_to_subscriber", limit: 30, label: "ingest → dashboard subscriber p95 ≤ 30 ms" },
  { hop: "ingest_to_bot", limit: 30, label: "ingest → mirror bot received p95 ≤ 30 ms" },
  { hop: "source_to_mirrored", limit: 80, label: "source event → mirrored message p95 ≤ 80 ms" },
];

/** The issue's budgets over a whole matrix: absolute p95s, flatness over stored, growth over subscribers. */
export function checkBudgets(results: readonly RunResult[]): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  for (const { hop, limit, label } of BUDGETS) {
    const worst = results.reduce<RunResult | null>(
      (acc, r) => ((r.hops[hop].p95 ?? -1) > (acc?.hops[hop].p95 ?? -1) ? r : acc),
      null,
    );
    const p95 = worst?.hops[hop].p95 ?? null;
    checks.push({
      budget: label,
      holds: p95 === null ? null : p95 <= limit,
      evidence:
        worst === null || p95 === null
          ? "no samples"
          : `worst p95 ${p95} ms (stored ${worst.spec.stored}, ${worst.spec.subscribers} subscribers, ${worst.spec.mode})`,
    });
  }
  const key = (r: RunResult) => `${r.spec.subscribers}/${r.spec.mode}`;
  const storedLevels = [...new Set(results.map((r) => r.spec.stored))].sort((a, b) => a - b);
  const subscriberLevels = [...new Set(results.map((r) => r.spec.subscribers))].sort(
    (a, b) => a - b,
  );
  for (const { hop } of BUDGETS) {
    if (storedLevels.length >= 2) {
      const [low, high] = [storedLevels[0], storedLevels.at(-1)];
      const ratios: string[] = [];
      let flat = true;
      for (const r of results.filter((x) => x.spec.stored === low)) {
        const other = results.find((x) => x.spec.stored === high && key(x) === key(r));
        const g = growth(r.hops[hop], other?.hops[hop]);
        if (g === null) continue;
        ratios.push(`${key(r)}: ×${g}`);
        if (g > 1.2 || g < 0.8) flat = false;
      }
      checks.push({
        budget: `${hop} flat (±20%) from ${low} to ${high} stored`,
        holds: ratios.length === 0 ? null : flat,
        evidence: ratios.join(", ") || "no comparable runs",
      });
    }
    if (subscriberLevels.length >= 2) {
      const [low, high] = [subscriberLevels[0], subscriberLevels.at(-1)];
      const ratios: string[] = [];
      let ok = true;
      for (const r of results.filter((x) => x.spec.subscribers === low)) {
        const other = results.find(
          (x) =>
            x.spec.subscribers === high &&
            x.spec.stored === r.spec.stored &&
            x.spec.mode === r.spec.mode,
        );
        const g = growth(r.hops[hop], other?.hops[hop]);
        if (g === null) continue;
        ratios.push(`${r.spec.stored}/${r.spec.mode}: ×${g}`);
        if (g > 2) ok = false;
      }
      checks.push({
        budget: `${hop} no worse than 2× from ${low} to ${high} subscribers`,
        holds: ratios.length === 0 ? null : ok,
        evidence: ratios.join(", ") || "no comparable runs",
      });
    }
  }
  return checks;
}

export function formatBudgets(checks: readonly BudgetCheck[]): string {
  return checks
    .map(
      (c) =>
        `${c.holds === null ? "  n/a " : c.holds ? "  HOLDS" : "  MISSES"}  ${c.budget} — ${c.evidence}`,
    )
    .join("\n");
}
