// End-to-end ingest benchmark: the real collector process between the Discord emulator and the
// offline Convex backend. Posts messages as the analyst, then reads each stored signal's timestamps:
//   source→received  = collector saw the gateway event − Discord message timestamp
//   received→commit  = ingest mutation ran − collector saw it
//   source→commit    = the whole hop
// Usage: pnpm --filter @g3/collector bench [-- --messages 200 --interval 20 --window 32]
// (--window = INGEST_WRITE_WINDOW: writes of one channel in flight; 1 = one at a time)
import { parseArgs } from "node:util";
import { DEFAULT_WRITE_WINDOW } from "../src/channel-pipeline.js";
import { CollectorProcess, PNG_1X1, startWorld, VIP, ANALYST, waitFor } from "../test/harness.js";

// `pnpm … bench -- --window 1` passes the `--` through: drop it.
const argv = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === "--"));
const { values } = parseArgs({
  args: argv,
  options: {
    messages: { type: "string", default: "200" },
    interval: { type: "string", default: "20" },
    window: { type: "string" },
  },
});
const messages = Number(values.messages);
const intervalMs = Number(values.interval);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1),
  };
}

const world = await startWorld();
const collector = CollectorProcess.start(world, {
  LOG_LEVEL: "info",
  ...(values.window === undefined ? {} : { INGEST_WRITE_WINDOW: values.window }),
});
try {
  await collector.waitReady();
  const posted: string[] = [];
  for (let n = 0; n < messages; n++) {
    const withFile = n % 10 === 0;
    const message = await world.emulator.control.postMessage(VIP, {
      authorId: ANALYST,
      content: `BTC/USDT LONG\nEntry: ${42000 + n}\nTP: ${43000 + n}\nSL: ${41000 + n}`,
      attachments: withFile
        ? [{ filename: "chart.png", dataBase64: PNG_1X1.toString("base64") }]
        : [],
    });
    posted.push(message.id);
    if (intervalMs > 0) await new Promise((r) => setTimeout(r, intervalMs));
  }
  const paced = await collect(posted);

  // Burst: everything at once, then time until the last one is committed.
  const burstStart = Date.now();
  const burst = await Promise.all(
    Array.from({ length: messages }, (_, n) =>
      world.emulator.control.postMessage(VIP, { authorId: ANALYST, content: `burst ${n}` }),
    ),
  );
  const burstStored = await collect(burst.map((m) => m.id));
  const lastCommit = Math.max(...burstStored.map((s) => s.committedAt));

  console.log(
    JSON.stringify(
      {
        machine: {
          node: process.version,
          platform: process.platform,
          cpus: (await import("node:os")).cpus().length,
        },
        writeWindow: values.window === undefined ? DEFAULT_WRITE_WINDOW : Number(values.window),
        paced: {
          messages,
          intervalMs,
          withAttachmentEvery: 10,
          sourceToReceivedMs: summary(paced.map((s) => s.receivedAt - s.sourceAt)),
          receivedToCommittedMs: summary(paced.map((s) => s.committedAt - s.receivedAt)),
          sourceToCommittedMs: summary(paced.map((s) => s.committedAt - s.sourceAt)),
          textOnlySourceToCommittedMs: summary(
            paced
              .filter((s) => s.attachmentIds.length === 0)
              .map((s) => s.committedAt - s.sourceAt),
          ),
          withAttachmentSourceToCommittedMs: summary(
            paced.filter((s) => s.attachmentIds.length > 0).map((s) => s.committedAt - s.sourceAt),
          ),
        },
        burst: {
          messages,
          wallMs: lastCommit - burstStart,
          perSecond: Math.round((messages / (lastCommit - burstStart)) * 1000),
          sourceToCommittedMs: summary(burstStored.map((s) => s.committedAt - s.sourceAt)),
        },
      },
      null,
      2,
    ),
  );
} finally {
  await collector.stop("SIGTERM");
  await world.close();
}

async function collect(ids: string[]) {
  const out = [];
  for (const id of ids) {
    const inspected = await waitFor(() => world.inspect(id), 60_000, `message ${id}`);
    out.push(inspected.signal);
  }
  return out;
}
