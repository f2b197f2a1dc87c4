// Benchmarks (not timed tests): mutation → subscriber latency with 1/100/500 ConvexClients,
// point and range reads at 1k and 100k documents over HTTP and in-process, before (stock
// convex-test storage) and after (indexed storage), and memory. Run: pnpm --filter @g3/convex-offline bench
import { cpus, loadavg, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { convexTest } from "convex-test";
import type { GenericSchema, SchemaDefinition } from "convex/server";
import { api } from "../test/fixture-app/convex/_generated/api.js";
import { FIXTURE_DIR, startFixture, webSocketConstructor } from "../test/helpers.js";
import { loadModules } from "../src/engine/modules.js";
import { Engine } from "../src/engine/engine.js";
import { DocumentStore } from "../src/storage/documentStore.js";
import { memoryFileStore } from "../src/storage/fileStore.js";
import { summarize, type Summary } from "./stats.js";
import { jsonLogger } from "../src/log.js";

const quick = process.argv.includes("--quick");

type Latency = { clientSide: Summary; serverFlush: Summary };

async function subscriberLatency(subscribers: number, iterations: number): Promise<Latency> {
  // The server's own fan-out time comes from its `sync.flush` debug events.
  const flushMs: number[] = [];
  let measuring = false;
  const logger = jsonLogger("debug", (line) => {
    if (!measuring || !line.includes('"sync.flush"')) return;
    const event = JSON.parse(line) as { transitions: number; ms: number };
    if (event.transitions > 0) flushMs.push(event.ms);
  });
  const backend = await startFixture({ logger });
  const clients = Array.from(
    { length: subscribers },
    () => new ConvexClient(backend.url, { webSocketConstructor, unsavedChangesWarning: false }),
  );
  const writer = new ConvexHttpClient(backend.url);
  const latest = new Map<number, (count: number) => void>();
  const ready = clients.map(
    (client, i) =>
      new Promise<void>((resolve) => {
        client.onUpdate(api.messages.count, { channel: "bench" }, (count) => {
          if (count === 0) resolve();
          latest.get(i)?.(count);
        });
      }),
  );
  await Promise.all(ready);
  measuring = true;
  const samples: number[] = [];
  for (let iteration = 1; iteration <= iterations; iteration++) {
    const start = performance.now();
    const arrivals = clients.map(
      (_, i) =>
        new Promise<void>((resolve) => {
          latest.set(i, (count) => {
            if (count !== iteration) return;
            samples.push(performance.now() - start);
            resolve();
          });
        }),
    );
    await writer.mutation(api.messages.send, {
      channel: "bench",
      author: "bench",
      body: `#${iteration}`,
    });
    await Promise.all(arrivals);
  }
  await Promise.all(clients.map((client) => client.close()));
  await backend.close();
  return { clientSide: summarize(samples), serverFlush: summarize(flushMs) };
}

type ReadResult = { docs: number; mode: string; point: Summary; range: Summary };

async function httpReads(
  docs: number,
  iterations: number,
): Promise<{ result: ReadResult; loadMs: number; heapMb: number; rssMb: number }> {
  const backend = await startFixture();
  const http = new ConvexHttpClient(backend.url);
  const loadStart = performance.now();
  const chunk = 5000;
  for (let from = 0; from < docs; from += chunk) {
    await http.mutation(api.items.bulkInsert, { from, count: Math.min(chunk, docs - from) });
  }
  const loadMs = performance.now() - loadStart;
  global.gc?.();
  const memory = process.memoryUsage();
  const point: number[] = [];
  const range: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const n = Math.floor(Math.random() * docs);
    let t = performance.now();
    const found = await http.query(api.items.byN, { n });
    point.push(performance.now() - t);
    if (found?.n !== n) throw new Error("point read returned the wrong row");
    const from = Math.floor(Math.random() * (docs - 100));
    t = performance.now();
    const rows = await http.query(api.items.between, { from, to: from + 100 });
    range.push(performance.now() - t);
    if (rows.length !== 100) throw new Error("range read returned the wrong rows");
  }
  await backend.close();
  return {
    result: { docs, mode: "HTTP, indexed store", point: summarize(point), range: summarize(range) },
    loadMs: Math.round(loadMs),
    heapMb: Math.round(memory.heapUsed / 2 ** 20),
    rssMb: Math.round(memory.rss / 2 ** 20),
  };
}

/** Our engine and indexed store, called directly (no HTTP). */
async function inProcessReads(docs: number, iterations: number): Promise<ReadResult> {
  const engine = await Engine.load({
    functionsDir: FIXTURE_DIR,
    store: new DocumentStore(),
    files: memoryFileStore(),
    clock: Engine.initialClock(),
    onCommit: () => {},
    urls: { uploadUrl: () => "", storageUrl: () => "" },
  });
  const chunk = 5000;
  for (let from = 0; from < docs; from += chunk) {
    await engine.runMutation(
      "items:bulkInsert",
      { from, count: Math.min(chunk, docs - from) },
      null,
    );
  }
  const point: number[] = [];
  const range: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const n = Math.floor(Math.random() * docs);
    let start = performance.now();
    await engine.runQuery("items:byN", { n }, null);
    point.push(performance.now() - start);
    const from = Math.floor(Math.random() * (docs - 100));
    start = performance.now();
    await engine.runQuery("items:between", { from, to: from + 100 }, null);
    range.push(performance.now() - start);
  }
  await engine.close();
  return {
    docs,
    mode: "in-process, indexed store (after)",
    point: summarize(point),
    range: summarize(range),
  };
}

/** The stock convex-test engine (full scan + sort per query) on the same functions. */
async function stockConvexTestReads(docs: number, iterations: number): Promise<ReadResult> {
  const modules = await loadModules(FIXTURE_DIR);
  const schema = (await modules.importModule("schema")).default as SchemaDefinition<
    GenericSchema,
    boolean
  >;
  const t = convexTest(schema, modules.map);
  const chunk = 5000;
  for (let from = 0; from < docs; from += chunk) {
    await t.mutation(api.items.bulkInsert, { from, count: Math.min(chunk, docs - from) });
  }
  const point: number[] = [];
  const range: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const n = Math.floor(Math.random() * docs);
    let start = performance.now();
    await t.query(api.items.byN, { n });
    point.push(performance.now() - start);
    const from = Math.floor(Math.random() * (docs - 100));
    start = performance.now();
    await t.query(api.items.between, { from, to: from + 100 });
    range.push(performance.now() - start);
  }
  await modules.dispose();
  return {
    docs,
    mode: "in-process, stock convex-test (before)",
    point: summarize(point),
    range: summarize(range),
  };
}

async function main(): Promise<void> {
  const machine = {
    date: new Date().toISOString(),
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
  };
  console.log(JSON.stringify({ machine }));
  for (const subscribers of quick ? [1, 100] : [1, 100, 500]) {
    const latency = await subscriberLatency(subscribers, quick ? 20 : 50);
    console.log(
      JSON.stringify({ bench: "mutation→subscriber update (ms)", subscribers, ...latency }),
    );
  }
  for (const docs of quick ? [1000] : [1000, 100_000]) {
    const reads = await httpReads(docs, quick ? 50 : 200);
    console.log(
      JSON.stringify({
        bench: "reads (ms)",
        ...reads.result,
        loadMs: reads.loadMs,
        heapMb: reads.heapMb,
        rssMb: reads.rssMb,
      }),
    );
  }
  for (const docs of quick ? [1000] : [1000, 100_000]) {
    console.log(
      JSON.stringify({ bench: "reads (ms)", ...(await inProcessReads(docs, quick ? 50 : 200)) }),
    );
  }
  for (const docs of quick ? [1000] : [1000, 100_000]) {
    console.log(
      JSON.stringify({
        bench: "reads (ms)",
        ...(await stockConvexTestReads(docs, docs > 10_000 ? 10 : 100)),
      }),
    );
  }
  console.log(JSON.stringify({ loadAverageAtEnd: loadavg().map((x) => Math.round(x * 10) / 10) }));
  process.exit(0);
}

await main();
