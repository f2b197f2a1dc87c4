import { mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import { adminClient, type AdminClient } from "./admin-client.js";
import { refs } from "./convex-api.js";
import { BrowserProbe } from "./browser-probe.js";
import { describeMachine, type Machine } from "./machine.js";
import type { BenchOptions } from "./options.js";
import { preloadSignals } from "./preload.js";
import { ProcSampler, descendantsNamed, type ProcUsage } from "./proc.js";
import {
  checkBudgets,
  formatRun,
  summarizeRun,
  type BudgetCheck,
  type RunResult,
} from "./report.js";
import { runOnce, type RunSpec, type SignalRecord } from "./run.js";
import { removeWorkDir, startStack } from "./stack.js";
import { Subscribers } from "./subscribers.js";
import { seedPayingUsers } from "./users.js";

export type BenchReport = {
  machine: Machine;
  options: BenchOptions;
  web: "production (next start)" | "off";
  results: RunResult[];
  budgets: BudgetCheck[];
  /** Raw per-signal timestamps of every run (for re-analysis). */
  raw: { spec: RunSpec; records: SignalRecord[] }[];
  logs: string | null;
};

const WARMUP_SIGNALS = 5;
const QUIET_TIMEOUT_MS = 180_000;

/**
 * Waits until the bots' work queues are empty: seeding K paying users enqueues K paid-role jobs
 * for the mirror, which would otherwise compete with the first runs' signals.
 */
async function waitForQuietQueues(
  admin: AdminClient,
  secret: string,
  say: (line: string) => void,
): Promise<void> {
  const deadline = Date.now() + QUIET_TIMEOUT_MS;
  let lastReport = 0;
  for (;;) {
    const roles = await admin.query(refs.roleWork, { secret, limit: 100 });
    const mirror = await admin.query(refs.mirrorWork, { secret, limit: 100 });
    if (roles.length === 0 && mirror.length === 0) return;
    if (Date.now() > deadline) {
      say(
        `  work queues still busy after ${QUIET_TIMEOUT_MS / 1000} s (role jobs ${roles.length}, mirror ${mirror.length}); measuring anyway`,
      );
      return;
    }
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      say(
        `  waiting for the bots' queues to drain (role jobs ${roles.length}${roles.length === 100 ? "+" : ""}, mirror ${mirror.length})…`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function selfUsage(start: NodeJS.CpuUsage, startedAt: number): ProcUsage {
  const used = process.cpuUsage(start);
  const seconds = Math.max((performance.now() - startedAt) / 1000, 0.001);
  const rss = Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;
  return {
    name: "bench-clients",
    cpuPercent: Math.round(((used.user + used.system) / 1e6 / seconds) * 1000) / 10,
    cpuMs: Math.round((used.user + used.system) / 1000),
    rssAvgMb: rss,
    rssMaxMb: rss,
  };
}

/**
 * Runs the matrix on one stack: stored levels ascending (history only grows), and for each, every
 * subscriber count × mode with freshly opened dashboards. Prints progress and each run's table.
 */
export async function runBenchmark(
  root: string,
  options: BenchOptions,
  say: (line: string) => void,
  /** Called after every run with the report so far (long matrices save as they go). */
  onProgress: (partial: BenchReport) => void = () => undefined,
): Promise<BenchReport> {
  const machine = describeMachine();
  mkdirSync(options.out, { recursive: true });
  const cpuProfileDir = options.cpuProf ? `${options.out}/cpu-profiles` : undefined;
  if (cpuProfileDir !== undefined) mkdirSync(cpuProfileDir, { recursive: true });
  const stack = await startStack({
    root,
    web: options.browser,
    discordRateLimits: options.discordRateLimits,
    ...(cpuProfileDir === undefined ? {} : { cpuProfileDir }),
    say,
  });
  let browser: BrowserProbe | null = null;
  let failed = true;
  try {
    const admin = adminClient(stack.backendUrl, stack.adminKey);
    const maxSubscribers = Math.max(...options.subscribers);
    say(`seeding ${maxSubscribers} paying users (sign-up, email code, signed Sell.app webhook)…`);
    const users = await seedPayingUsers(
      {
        backendUrl: stack.backendUrl,
        siteUrl: stack.siteUrl,
        admin,
        webhookSecret: stack.env.SELLAPP_WEBHOOK_SECRET ?? "",
        runId: Date.now().toString(36),
      },
      0,
      maxSubscribers,
      (done) => say(`  users ${done}/${maxSubscribers}`),
    );
    await waitForQuietQueues(admin, stack.env.CONVEX_SERVICE_SECRET ?? "", say);
    const firstUser = users[0];
    if (options.browser && stack.webUrl !== null && firstUser !== undefined) {
      say("opening headless Chromium on the production dashboard…");
      browser = await BrowserProbe.open(stack.webUrl, firstUser);
    }
    let dashboards: Subscribers | null = null;
    const targets = () => {
      const pids = [...stack.pids(), ...(dashboards?.pids() ?? [])];
      const chromium = descendantsNamed(process.pid, /chrom/i)[0];
      return chromium === undefined ? pids : [...pids, { name: "chromium", pid: chromium }];
    };

    let stored = 0;
    let runNumber = 0;
    const results: RunResult[] = [];
    const raw: BenchReport["raw"] = [];
    /** The report so far (also written after each run, so an interrupted matrix keeps its rows). */
    const report = (): BenchReport => ({
      machine,
      options,
      web: options.browser ? "production (next start)" : "off",
      results,
      budgets: checkBudgets(results),
      raw,
      logs: null,
    });
    for (const storedLevel of options.stored) {
      if (stored < storedLevel) {
        say(`pre-loading history: ${stored} → ${storedLevel} stored signals…`);
        await browser?.park();
        const startedAt = Date.now();
        stored = await preloadSignals(admin, stored, storedLevel, (done) => {
          if (done % 20_000 === 0 || done === storedLevel) say(`  stored ${done}/${storedLevel}`);
        });
        say(`  loaded in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
      }
      for (const subscriberCount of options.subscribers) {
        for (const mode of options.mode) {
          const spec: RunSpec = {
            stored: storedLevel,
            subscribers: subscriberCount,
            mode,
            signals: mode === "burst" ? options.burst : options.signals,
            rate: options.rate,
          };
          say(
            `run: stored ${storedLevel} (actual ${stored}), ${subscriberCount} subscribers, ${mode} ${spec.signals} — opening dashboards…`,
          );
          const subscribers = await Subscribers.open(
            stack.backendUrl,
            users.slice(0, subscriberCount),
          );
          dashboards = subscribers;
          await browser?.reload();
          const context = {
            control: stack.control,
            admin,
            subscribers,
            browser,
            assertHealthy: stack.assertHealthy,
            say,
          };
          try {
            await runOnce(
              { ...context, runId: `w${runNumber}` },
              { ...spec, mode: "steady", signals: WARMUP_SIGNALS },
            );
            stored += WARMUP_SIGNALS;
            const load = loadavg().map((value) => Math.round(value * 100) / 100);
            const sampler = new ProcSampler(targets);
            const cpuStart = process.cpuUsage();
            const sampledFrom = performance.now();
            sampler.start();
            const run = await runOnce({ ...context, runId: `r${runNumber}` }, spec);
            const processes = [...sampler.stop(), selfUsage(cpuStart, sampledFrom)];
            stored += spec.signals;
            const result = summarizeRun(spec, run.records, run, processes, load);
            results.push(result);
            raw.push({ spec, records: run.records });
            say(formatRun(result));
            onProgress(report());
          } finally {
            await subscribers.close();
          }
          runNumber++;
        }
      }
    }
    failed = false;
    return report();
  } finally {
    await browser?.close();
    await stack.close();
    if (failed) say(`service logs kept in ${stack.logDir}`);
    else removeWorkDir(stack.workDir);
  }
}
