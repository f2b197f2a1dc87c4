// Bench: 500 open signals on 150 symbols, followed live. Measures tick-to-Convex latency — from
// the market's event time of the trade that changed a track to the moment its recordProgress
// mutation is committed (the client has the response) — over a window of live trading.
//
//   pnpm --filter @g3/tracker bench [-- --signals 500 --symbols 150 --seconds 60 --volatility 10]
//   pnpm --filter @g3/tracker bench -- --cpu-prof /tmp/prof   # V8 CPU profile of the backend
//
// Everything runs on this machine, each in its own process as in production: the market emulator
// and the offline Convex backend as child processes (their CLIs), the tracker in this one through
// its composition root with the real ConvexClient and market adapter.
import { adminClient, generateAuthKeys } from "@g3/convex-offline";
import { MarketControl } from "@g3/market-emulator";
import { waitFor } from "@g3/dev-stack/poll";
import { ConvexHttpClient } from "convex/browser";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { api, internal } from "../../../convex/_generated/api.js";
import { composeTracker } from "../src/compose.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { hrtimeUs, readMainThreadProfile, summarizeWindow } from "./cpu-profile-summary.js";

const argv = process.argv.slice(2);
const { values } = parseArgs({
  // `pnpm bench -- --x` passes the "--" on: skip it.
  args: argv[0] === "--" ? argv.slice(1) : argv,
  options: {
    signals: { type: "string", default: "500" },
    symbols: { type: "string", default: "150" },
    seconds: { type: "string", default: "60" },
    volatility: { type: "string", default: "3" },
    // A directory for the offline backend's V8 CPU profile (written when it exits): where the
    // "committed" part of the latency goes.
    "cpu-prof": { type: "string" },
  },
});
const SIGNALS = Number(values.signals);
const SYMBOLS = Number(values.symbols);
const SECONDS = Number(values.seconds);
const SECRET = "tracker-bench-secret-0123456789";
/** Issue #19's budget: p95 tick-to-Convex on a 2-core machine. */
const BUDGET_P95_MS = 50;
const CHANNEL = "1196426054860931082";
const here = dirname(fileURLToPath(import.meta.url));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const root = resolve(here, "../../..");
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const address = server.address();
  await new Promise<void>((r) => server.close(() => r()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
const children: ChildProcess[] = [];
function child(script: string, args: string[], nodeFlags: string[] = []): ChildProcess {
  const proc = spawn(
    process.execPath,
    [...nodeFlags, "--import", "tsx", join(root, script), ...args],
    { cwd: root, stdio: "ignore" },
  );
  children.push(proc);
  return proc;
}
const profileDir = values["cpu-prof"] === undefined ? undefined : resolve(values["cpu-prof"]);
const [marketPort, backendPort, sitePort] = [await freePort(), await freePort(), await freePort()];
const work = mkdtempSync(join(tmpdir(), "tracker-bench-"));
const adminKey = randomBytes(24).toString("hex");
const keys = await generateAuthKeys();
const backendEnv = {
  ...keys,
  CONVEX_SERVICE_SECRET: SECRET,
  EMAIL_PROVIDER: "dev",
  SITE_URL: "http://127.0.0.1:3000",
};
writeFileSync(
  join(work, "env"),
  Object.entries(backendEnv)
    // Multi-line values (the PEM key) double-quoted with \n, the rest single-quoted (JWKS is JSON).
    .map(([k, v]) => `${k}=${v.includes("\n") ? JSON.stringify(v) : `'${v}'`}`)
    .join("\n"),
);
child("packages/market-emulator/src/cli.ts", [
  "--port",
  String(marketPort),
  "--volatility",
  String(values.volatility),
  "--seed",
  "bench",
]);
const backendProcess = child(
  "packages/convex-offline/src/cli.ts",
  [
    "dev",
    "--dir",
    join(root, "convex"),
    "--port",
    String(backendPort),
    "--site-port",
    String(sitePort),
    "--data",
    join(work, "data"),
    "--env-file",
    join(work, "env"),
    "--admin-key",
    adminKey,
    "--no-codegen",
    "--log-level",
    "warn",
  ],
  profileDir === undefined ? [] : ["--cpu-prof", "--cpu-prof-dir", profileDir],
);
const marketUrl = `http://127.0.0.1:${marketPort}`;
const backendUrl = `http://127.0.0.1:${backendPort}`;
const up = async (url: string) => {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
};
await waitFor(() => up(`${marketUrl}/_health`), 60_000, "market emulator");
await waitFor(() => up(`${backendUrl}/version`), 180_000, "offline backend");
const market = {
  url: marketUrl,
  wsUrl: `ws://127.0.0.1:${marketPort}`,
  control: new MarketControl(marketUrl),
};
const admin = adminClient(backendUrl, adminKey);
await admin.mutation(internal.seed.configure, {
  tier: { key: "vip", name: "VIP", graceHours: 24 },
  sellappProductId: "bench-vip",
  mappings: [
    {
      label: "VIP signals",
      sourceGuildId: "1196425551544451080",
      sourceChannelId: CHANNEL,
      customerGuildId: "1196427313152131087",
      customerChannelId: "1196427564810371088",
    },
  ],
});

// 150 symbols with names the emulator derives prices for; 500 long signals spread over them,
// entries just under the price and levels a few percent away, so tracks fill and hit levels
// while the bench runs.
const symbols = Array.from({ length: SYMBOLS }, (_, i) => `Q${String(i).padStart(3, "0")}USDT`);
const service = new ConvexHttpClient(backendUrl);
const format = (p: number) => Number(p.toPrecision(6));
let messageId = 1_330_000_000_000_000_000n;
const postStarted = Date.now();
for (let i = 0; i < SIGNALS; i++) {
  const symbol = symbols[i % SYMBOLS] ?? "Q000USDT";
  const price = await market.control.price(symbol);
  const spread = 0.004 + (i % 5) * 0.003;
  const content = [
    `${symbol.replace("USDT", "")}/USDT LONG`,
    `Entry: ${format(price * (1 - spread / 4))}`,
    `Targets: ${format(price * (1 + spread))}, ${format(price * (1 + 2 * spread))}, ${format(price * (1 + 3 * spread))}`,
    `SL: ${format(price * (1 - 2 * spread))}`,
    "Leverage: 10x",
  ].join("\n");
  messageId += 1000n;
  const now = Date.now();
  await service.mutation(api.ingest.upsertMessage, {
    secret: SECRET,
    message: {
      messageId: messageId.toString(),
      channelId: CHANNEL,
      guildId: "1196425551544451080",
      authorId: "1196423789936771073",
      authorName: "Analyst",
      content,
      attachments: [],
      sourceAt: now,
      receivedAt: now,
      origin: "gateway",
    },
  });
}
const postedIn = Date.now() - postStarted;

const config = loadConfig({
  CONVEX_URL: backendUrl,
  CONVEX_SERVICE_SECRET: SECRET,
  MARKET_WS_URL: market.wsUrl,
  MARKET_REST_URL: market.url,
  TRACKER_INSTANCE_ID: "tracker-bench",
  TRACKER_HEALTH_PORT: "0",
  LOG_LEVEL: "warn",
});
const startedAt = Date.now();
const app = await composeTracker(
  config,
  createLogger(config.LOG_LEVEL, config.TRACKER_INSTANCE_ID),
);
const { tracker } = app;
await waitFor(
  () => tracker.tracksStarted >= SIGNALS && tracker.book.all().every((t) => !t.catchingUp),
  300_000,
  "every signal discovered and caught up",
  () => `${tracker.book.size} tracks, ${tracker.catchUps} catch-ups`,
);
const readyIn = Date.now() - startedAt;
const openAtStart = tracker.book.size;
const symbolsAtStart = tracker.book.symbols().length;
tracker.writer.latencies.length = 0;
for (const list of Object.values(tracker.writer.breakdown)) list.length = 0;
const writesBefore = tracker.writer.writes;
const cpuBefore = process.cpuUsage();
const load = loadavg()[0] ?? NaN;
const measuredWindow = { startUs: hrtimeUs(), endUs: 0 };
await new Promise((r) => setTimeout(r, SECONDS * 1000));
measuredWindow.endUs = hrtimeUs();
const cpu = process.cpuUsage(cpuBefore);
const loadAtEnd = loadavg()[0] ?? NaN;
const samples = [...tracker.writer.latencies].sort((a, b) => a - b);
const state = await market.control.state();
const breakdownP95Ms = Object.fromEntries(
  Object.entries(tracker.writer.breakdown).map(([k, list]) => [
    k,
    percentile(
      [...list].sort((a, b) => a - b),
      95,
    ),
  ]),
);
const report = {
  commit: gitCommit(),
  signals: SIGNALS,
  symbols: SYMBOLS,
  postedInMs: postedIn,
  discoveredAndCaughtUpInMs: readyIn,
  openTracksAtStart: openAtStart,
  symbolsFollowedAtStart: symbolsAtStart,
  openTracksAtEnd: tracker.book.size,
  windowSeconds: SECONDS,
  tradesSentByMarket: state.framesSent,
  stateChanges: samples.length,
  mutations: tracker.writer.writes - writesBefore,
  tickToConvexMs: {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples[samples.length - 1] ?? NaN,
  },
  breakdownP95Ms,
  processCpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / (SECONDS * 1000)) * 100),
  cores: cpus().length,
  loadAverage1m: { start: load, end: loadAtEnd },
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
const met = report.tickToConvexMs.p95 <= BUDGET_P95_MS;
const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "–" : `${n} ms`);
process.stdout.write(
  [
    "",
    `tick-to-Convex p95 ${ms(report.tickToConvexMs.p95)} — budget ${BUDGET_P95_MS} ms ${met ? "MET" : "MISSED"}`,
    `  p50 ${ms(report.tickToConvexMs.p50)}, p99 ${ms(report.tickToConvexMs.p99)}, max ${ms(report.tickToConvexMs.max)}`,
    `  p95 parts: received ${ms(breakdownP95Ms.received)}, queued ${ms(breakdownP95Ms.queued)}, committed ${ms(breakdownP95Ms.committed)}`,
    `  ${report.stateChanges} state changes in ${report.mutations} mutations over ${SECONDS} s; ` +
      `${openAtStart - tracker.book.size} tracks closed; ${report.tradesSentByMarket} trades sent`,
    `  load average (1 min) ${load.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end; ` +
      `${report.cores} cores; commit ${report.commit}`,
    ...(profileDir === undefined ? [] : [`  backend CPU profile in ${profileDir}`]),
    "",
  ].join("\n"),
);
await app.kill();
// The backend writes its CPU profile when it exits: wait for every child to be gone.
await Promise.all(
  children.map(
    (proc) =>
      new Promise<void>((done) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return done();
        proc.once("exit", () => done());
        proc.kill("SIGTERM");
      }),
  ),
);
// The run's backend data and env (it holds generated auth keys) go with it.
rmSync(work, { recursive: true, force: true });
if (profileDir !== undefined) {
  mkdirSync(profileDir, { recursive: true });
  writeFileSync(join(profileDir, "window.json"), JSON.stringify(measuredWindow));
  const profile =
    backendProcess.pid === undefined
      ? undefined
      : readMainThreadProfile(profileDir, backendProcess.pid);
  const lines =
    profile === undefined
      ? ["no backend CPU profile found"]
      : summarizeWindow(profile, measuredWindow);
  process.stdout.write(`${lines.join("\n")}\n`);
}
process.exit(met ? 0 : 1);

function gitCommit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root }).toString();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "apps/tracker", "convex"], {
      cwd: root,
    }).toString();
    return `${head.trim()}${dirty.trim() === "" ? "" : " (+ uncommitted changes)"}`;
  } catch {
    return "unknown";
  }
}
