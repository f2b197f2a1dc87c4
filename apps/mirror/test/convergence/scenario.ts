// The convergence scenario: N signals created, edited and deleted at the source while the mirror
// runs under injected faults (429 storms, a 5xx rate on every message route, gateway drops) and
// its replicas are SIGKILLed and restarted. Afterwards the customer channel must show exactly the
// source state: no missing, duplicate or stale message (checked by src/drift.ts).
import { mulberry32 } from "@g3/seeded-random";
import { checkDrift, describeDrift, type DriftReport } from "../../src/drift.js";
import { api } from "../../../../convex/_generated/api.js";
import {
  asActual,
  MIRROR_BOT,
  SECRET,
  MirrorProcess,
  startStack,
  waitFor,
  type Stack,
} from "../integration/harness.js";

export type ConvergenceOptions = {
  signals: number;
  replicas: number;
  kills: number;
  /** Probability of a 5xx on each message create/edit/delete. */
  errorRate: number;
  convergeTimeoutMs: number;
  log: (line: string) => void;
};

export type ConvergenceResult = {
  ok: boolean;
  report: DriftReport;
  counts: Record<string, number>;
  timings: { workloadMs: number; convergeMs: number; totalMs: number };
};

const MIN_CHAOS_MS = 8_000;
const keyOf = (content: string) => /\[sig-\d+\]/.exec(content)?.[0];

export async function runConvergence(
  options: ConvergenceOptions,
  seed = 1,
): Promise<ConvergenceResult> {
  const random = mulberry32(seed); // seeded, so a failing run can be replayed
  const started = Date.now();
  const stack = await startStack({ relaxedRateLimits: true });
  const counts: Record<string, number> = {
    creates: 0,
    edits: 0,
    deletes: 0,
    kills: 0,
    storms: 0,
    gatewayFaults: 0,
  };
  const replicas = new Map<string, MirrorProcess>();
  const startReplica = async (id: string) => {
    const replica = MirrorProcess.start({
      ...stack.mirrorEnv(id),
      LOG_LEVEL: "info",
      MIRROR_LEASE_MS: "15000",
    });
    replicas.set(id, replica);
    await replica.waitStarted();
  };
  try {
    for (const route of ["/channels/:id/messages", "/channels/:id/messages/:mid"]) {
      await stack.emulator.control.injectRestFault({
        kind: "status",
        status: 502,
        route,
        botId: MIRROR_BOT,
        probability: options.errorRate,
      });
    }
    await Promise.all(
      Array.from({ length: options.replicas }, (_, i) => startReplica(`replica-${i + 1}`)),
    );
    options.log(`stack up, ${options.replicas} replica(s) running`);

    const expected = new Map<string, { id: string; content: string }>();
    const workloadStarted = Date.now();
    const chaos = startChaos(stack, options, random, counts, replicas, startReplica);
    await workload(stack, options.signals, random, expected, counts, options.log);
    const workloadMs = Date.now() - workloadStarted;
    options.log(`workload done in ${workloadMs} ms: ${JSON.stringify(counts)}`);
    // Faults stay on while the mirror works through the backlog, so most deliveries meet them.
    const drained = await waitFor(
      async () =>
        (await stack.service.query(api.mirror.work, { secret: SECRET, limit: 200 })).length <=
        Math.max(5, Math.ceil(options.signals * 0.02)),
      options.convergeTimeoutMs,
      "the backlog to drain under faults",
    ).then(
      () => true,
      () => false,
    );
    counts.drainedUnderFaults = drained ? 1 : 0;
    // Every kind of fault gets its turns, however fast a small run drains.
    const chaosLeft = MIN_CHAOS_MS - (Date.now() - workloadStarted);
    if (chaosLeft > 0) await new Promise((r) => setTimeout(r, chaosLeft));
    options.log(
      `backlog ${drained ? "drained" : "NOT drained"} under faults after ${Date.now() - workloadStarted} ms`,
    );
    await chaos.finish();
    // Injected-fault hits, from the emulator's fault registry (its request log is a bounded ring).
    const faults = await stack.emulator.control.faults();
    counts.injected5xx = faults.rest
      .filter((fault) => fault.kind === "status")
      .reduce((sum, fault) => sum + fault.hits, 0);
    await stack.emulator.control.clearFaults();
    options.log("chaos over, faults cleared; waiting for convergence");

    const convergeStarted = Date.now();
    const want = [...expected].map(([key, value]) => ({ key, content: value.content }));
    let report = checkDrift(want, asActual(await stack.customerMessages()), { keyOf });
    try {
      report = await waitFor(
        async () => {
          const now = checkDrift(want, asActual(await stack.customerMessages()), { keyOf });
          report = now;
          return now.ok ? now : undefined;
        },
        options.convergeTimeoutMs,
        "convergence",
        () => describeDrift(report),
      );
      // Stable: nothing moves afterwards (no late duplicate from a zombie).
      await new Promise((r) => setTimeout(r, 1_000));
      report = checkDrift(want, asActual(await stack.customerMessages()), { keyOf });
    } catch (error) {
      options.log(String(error));
    }
    const convergeMs = Date.now() - convergeStarted;
    if (!report.ok) {
      for (const [id, replica] of replicas) {
        options.log(`${id} output (tail):\n${replica.output.join("").slice(-4000)}`);
      }
    }
    for (const replica of replicas.values()) {
      const code = await replica.stop("SIGTERM");
      if (code !== 0) counts.uncleanExits = (counts.uncleanExits ?? 0) + 1;
    }
    return {
      ok: report.ok,
      report,
      counts,
      timings: { workloadMs, convergeMs, totalMs: Date.now() - started },
    };
  } finally {
    for (const replica of replicas.values()) await replica.stop("SIGKILL");
    await stack.close();
  }
}

async function workload(
  stack: Stack,
  n: number,
  random: () => number,
  expected: Map<string, { id: string; content: string }>,
  counts: Record<string, number>,
  log: (line: string) => void,
): Promise<void> {
  const alive: string[] = [];
  const batch = 25;
  for (let first = 1; first <= n; first += batch) {
    const last = Math.min(n, first + batch - 1);
    await Promise.all(
      Array.from({ length: last - first + 1 }, async (_, offset) => {
        const i = first + offset;
        const key = `[sig-${i}]`;
        const parentKey =
          alive.length > 0 && random() < 0.1
            ? alive[Math.floor(random() * alive.length)]
            : undefined;
        const parent = parentKey === undefined ? undefined : expected.get(parentKey);
        const content = `${key} ${random() < 0.5 ? "LONG" : "SHORT"} PAIR${i}/USDT entry ${1000 + i}`;
        const id = await stack.source.post(
          content,
          parent === undefined ? {} : { replyTo: parent.id },
        );
        expected.set(key, { id, content });
        alive.push(key);
        counts.creates = (counts.creates ?? 0) + 1;
      }),
    );
    // Edits (some rapid, coalescing) and deletes among what exists so far.
    const edits = Math.round(batch * 0.35);
    for (let e = 0; e < edits; e++) {
      const key = alive[Math.floor(random() * alive.length)];
      const row = key === undefined ? undefined : expected.get(key);
      if (key === undefined || row === undefined) continue;
      const content = `${key} edited ${e} at ${Date.now()} TP ${Math.floor(random() * 1000)}`;
      await stack.source.edit(row.id, content);
      expected.set(key, { id: row.id, content });
      counts.edits = (counts.edits ?? 0) + 1;
    }
    const deletes: string[] = [];
    for (let d = 0; d < Math.round(batch * 0.15); d++) {
      const index = Math.floor(random() * alive.length);
      const key = alive[index];
      const row = key === undefined ? undefined : expected.get(key);
      if (key === undefined || row === undefined) continue;
      alive.splice(index, 1);
      expected.delete(key);
      deletes.push(row.id);
    }
    await stack.source.remove(deletes);
    counts.deletes = (counts.deletes ?? 0) + deletes.length;
    if (last % 200 === 0 || last === n) log(`ingested ${last}/${n}`);
  }
}

function startChaos(
  stack: Stack,
  options: ConvergenceOptions,
  random: () => number,
  counts: Record<string, number>,
  replicas: Map<string, MirrorProcess>,
  startReplica: (id: string) => Promise<void>,
) {
  let stopped = false;
  let killsLeft = options.kills;
  const loop = (async () => {
    // A fixed rhythm (storm, gateway fault, kill while kills are left), with random parameters.
    for (let tick = 0; !stopped || killsLeft > 0; tick++) {
      await new Promise((r) => setTimeout(r, 500 + random() * 700));
      const phase = tick % 3;
      if (killsLeft > 0 && (phase === 2 || stopped)) {
        const ids = [...replicas.keys()];
        const id = ids[Math.floor(random() * ids.length)];
        const replica = id === undefined ? undefined : replicas.get(id);
        if (id === undefined || replica === undefined) continue;
        await replica.stop("SIGKILL");
        killsLeft--;
        counts.kills = (counts.kills ?? 0) + 1;
        options.log(`killed ${id}`);
        await new Promise((r) => setTimeout(r, 100 + random() * 500));
        await startReplica(id);
      } else if (phase === 0) {
        // A 429 storm: for 0.5–2 s every message request is rate limited (some globally).
        const storm = await stack.emulator.control.injectRestFault({
          kind: "ratelimit",
          route: "/channels/:id/messages/**",
          botId: MIRROR_BOT,
          retryAfterMs: Math.round(100 + random() * 900),
          global: random() < 0.2,
        });
        await new Promise((r) => setTimeout(r, 500 + random() * 1_500));
        const left = (await stack.emulator.control.faults()).rest.find((f) => f.id === storm.id);
        counts.injected429 = (counts.injected429 ?? 0) + (left?.hits ?? 0);
        await stack.emulator.control.removeFault(storm.id);
        counts.storms = (counts.storms ?? 0) + 1;
      } else {
        const actions = [
          { action: "drop" as const, botId: MIRROR_BOT },
          { action: "reconnect" as const, botId: MIRROR_BOT },
          { action: "invalid_session" as const, resumable: random() < 0.5, botId: MIRROR_BOT },
        ];
        const action = actions[Math.floor(random() * actions.length)];
        if (action !== undefined) await stack.emulator.control.gatewayAction(action);
        counts.gatewayFaults = (counts.gatewayFaults ?? 0) + 1;
      }
    }
  })();
  return {
    finish: async () => {
      stopped = true;
      await loop;
    },
  };
}
