// Mirror latency benchmark: signals committed through ingest at a steady rate, one mirror running
// in-process against the emulator and the offline backend. Reports, per signal, commit → bot claimed
// (committed_to_bot) and commit → Discord confirmed the post (committed_to_mirrored), from the
// delivery rows' own timestamps (latency.deliveryTimings).
//   pnpm --filter @g3/mirror bench            # 300 signals at 20/s
//   MIRROR_BENCH_N=1000 MIRROR_BENCH_RATE=50 pnpm --filter @g3/mirror bench
import { internal } from "../../../convex/_generated/api.js";
import { startStack, waitFor } from "../test/integration/harness.js";

const n = Number(process.env.MIRROR_BENCH_N ?? "300");
const rate = Number(process.env.MIRROR_BENCH_RATE ?? "20");

type Timing = {
  sourceMessageId: string;
  committedAt?: number;
  deliveries: { botReceivedAt?: number; postedAt?: number }[];
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

const stack = await startStack({ relaxedRateLimits: true });
try {
  await stack.startMirror({ instanceId: "bench" });
  const ids: string[] = [];
  const started = Date.now();
  for (let i = 1; i <= n; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    ids.push(await stack.source.post(`[sig-${i}] BTC/USDT LONG entry ${42000 + i}`));
  }
  await waitFor(async () => (await stack.customerMessages()).length >= n, 120_000, "all posts");
  const timings: Timing[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    timings.push(
      ...(await stack.admin.query(internal.latency.deliveryTimings, {
        sourceMessageIds: ids.slice(i, i + 100),
      })),
    );
  }
  const toBot: number[] = [];
  const toMirrored: number[] = [];
  for (const timing of timings) {
    const delivery = timing.deliveries[0];
    if (timing.committedAt === undefined || delivery === undefined) continue;
    if (delivery.botReceivedAt !== undefined)
      toBot.push(delivery.botReceivedAt - timing.committedAt);
    if (delivery.postedAt !== undefined) toMirrored.push(delivery.postedAt - timing.committedAt);
  }
  console.log(
    JSON.stringify(
      {
        signals: n,
        ratePerSecond: rate,
        committed_to_bot_ms: summary(toBot),
        committed_to_mirrored_ms: summary(toMirrored),
      },
      null,
      2,
    ),
  );
} finally {
  await stack.close();
}
