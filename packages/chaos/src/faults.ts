import { DEMO_IDS, type TRestFaultInput } from "@g3/discord-emulator";
import type { PlannedFault } from "./plan.js";
import type { BotKind, ChaosStack } from "./stack.js";

export type FaultRecord = {
  kind: PlannedFault["kind"];
  target: string;
  startedAt: number;
  endedAt?: number;
  detail?: string;
  /** The bot kind the fault hit (every fault but `kill_backend`). */
  botKind?: BotKind;
  /** The one bot instance it hit (`kill_bot`, `partition`); absent = every instance of the kind. */
  instance?: string;
  /** Discord faults: the emulator's fault id, which its request log names on every hit. */
  emulatorFaultId?: string;
  /** `discord_hang`: how many requests it hangs. */
  hangCount?: number;
  /** `gateway_drop`: how many sessions it dropped (each must resume or identify again). */
  droppedSessions?: number;
  /** Kills only: from the restart (spawn) until the health URL answered ready (polled every 250 ms). */
  readyMs?: number;
  /**
   * Collector kills only: from the restart until its health also showed nothing left to catch up
   * (no backfill pending, empty write queue) — ready and its outage backlog drained.
   */
  drainedMs?: number;
  /**
   * From the fault's end (its start for a gateway drop or a hang) until the probe first observed
   * its scope converged (see convergence.ts); absent when it never did before the checks ended.
   */
  convergedMs?: number;
  /** Unconverged faults: what the last observation was still waiting on. */
  waitingOn?: string[];
  /** Per reason (message ids folded into "message"), how many observations it held the fault back. */
  heldBy?: Record<string, number>;
};

const BOT_IDS = { collector: DEMO_IDS.collectorApp, mirror: DEMO_IDS.mirrorApp } as const;

/** Routes a bot uses, to aim Discord faults where they hurt. */
const ROUTES = {
  collector: ["/channels/**", "/gateway/bot"],
  mirror: ["/channels/**", "/guilds/*/members/*/roles/*", "/channels/*/messages/*"],
} as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The collector's health body fields that say whether it still has backlog. */
type CollectorHealth = { ready?: boolean; backfillsPending?: number; queueDepth?: number };

/**
 * Polls a collector's health until it is ready with no backfill pending and an empty write
 * queue; true when it got there within `timeoutMs`.
 */
export async function collectorDrained(url: string, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      const body = (await response.json()) as CollectorHealth;
      if (body.ready === true && body.backfillsPending === 0 && body.queueDepth === 0) return true;
    } catch {
      // Not answering yet: keep polling.
    }
    await sleep(100);
  }
  return false;
}

/**
 * Injects the planned faults into the running stack. Faults with a duration run in the
 * background (a down bot, a partition) while the schedule goes on; the log records each one with
 * its target and window, so a violation can be lined up with what hit the system around it.
 */
export class FaultInjector {
  readonly log: FaultRecord[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private backendBusy = false;

  constructor(
    private readonly stack: ChaosStack,
    private readonly say: (line: string) => void,
  ) {}

  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const record of this.log) counts[record.kind] = (counts[record.kind] ?? 0) + 1;
    return counts;
  }

  inject(fault: PlannedFault): void {
    const task = this.run(fault).catch((error: unknown) => {
      this.say(
        `fault ${fault.kind} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }

  /** Waits for every fault to end (bots restarted, partitions healed), then clears Discord faults. */
  async finish(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    await this.stack.emulator.control.clearFaults();
    for (const bot of this.stack.bots) bot.proxy.heal();
    if (!this.stack.backend.running) await this.stack.backend.start();
    for (const bot of this.stack.bots) if (!bot.process.running) await bot.process.start();
  }

  private record(
    kind: PlannedFault["kind"],
    target: string,
    detail?: string,
    about: Pick<
      FaultRecord,
      "botKind" | "instance" | "emulatorFaultId" | "hangCount" | "droppedSessions"
    > = {},
  ): FaultRecord {
    const record: FaultRecord = {
      kind,
      target,
      startedAt: Date.now(),
      ...(detail ? { detail } : {}),
      ...about,
    };
    this.log.push(record);
    this.say(`fault: ${kind} ${target}${detail ? ` (${detail})` : ""}`);
    return record;
  }

  private async run(fault: PlannedFault): Promise<void> {
    const { bots, emulator, backend } = this.stack;
    const bot = bots[Math.floor(fault.pick * bots.length)];
    const botKind = fault.pick < 0.5 ? "collector" : "mirror";
    switch (fault.kind) {
      case "kill_bot": {
        if (bot === undefined || !bot.process.running) return;
        const record = this.record("kill_bot", bot.name, `down ${fault.durationMs} ms`, {
          botKind: bot.kind,
          instance: bot.name,
        });
        await bot.process.kill();
        await sleep(fault.durationMs);
        const restartedAt = Date.now();
        // May not get ready while partitioned; then no recovery time is recorded.
        const ready = await bot.process.start().then(
          () => true,
          () => false,
        );
        record.endedAt = Date.now();
        if (!ready) return;
        record.readyMs = record.endedAt - restartedAt;
        const healthUrl = bot.process.spec.readyUrl;
        if (bot.kind === "collector" && healthUrl !== undefined) {
          if (await collectorDrained(healthUrl)) record.drainedMs = Date.now() - restartedAt;
        }
        return;
      }
      case "kill_backend": {
        if (this.backendBusy || !backend.running) return;
        this.backendBusy = true;
        const record = this.record("kill_backend", "convex", `down ${fault.durationMs} ms`);
        try {
          await backend.kill();
          await sleep(fault.durationMs);
          const restartedAt = Date.now();
          await backend.start();
          record.readyMs = Date.now() - restartedAt;
        } finally {
          this.backendBusy = false;
          record.endedAt = Date.now();
        }
        return;
      }
      case "gateway_drop": {
        // Before the call: a session may resume before the call's answer is read.
        const droppedAt = Date.now();
        const { affected } = await emulator.control.gatewayAction({
          action: "drop",
          botId: BOT_IDS[botKind],
        });
        const record = this.record("gateway_drop", botKind, `${affected} session(s)`, {
          botKind,
          droppedSessions: affected,
        });
        record.startedAt = droppedAt;
        record.endedAt = droppedAt;
        return;
      }
      case "discord_5xx":
      case "discord_429":
      case "discord_hang": {
        const routes = ROUTES[botKind];
        const route = routes[Math.floor(fault.param * routes.length)] ?? "/channels/**";
        const base = { route, botId: BOT_IDS[botKind] };
        const input: TRestFaultInput =
          fault.kind === "discord_5xx"
            ? {
                ...base,
                kind: "status",
                status: fault.param < 0.5 ? 502 : 503,
                probability: 0.5 + fault.param / 2,
                durationMs: Math.max(1, fault.durationMs),
              }
            : fault.kind === "discord_429"
              ? {
                  ...base,
                  kind: "ratelimit",
                  retryAfterMs: Math.round(200 + fault.param * 1_300),
                  global: fault.param < 0.2,
                  durationMs: Math.max(1, fault.durationMs),
                }
              : { ...base, kind: "hang", count: 1 + Math.floor(fault.param * 3) };
        const injected = await emulator.control.injectRestFault(input);
        const record = this.record(
          fault.kind,
          `${botKind} ${route}`,
          fault.kind === "discord_hang" ? `${input.count} request(s)` : `${fault.durationMs} ms`,
          {
            botKind,
            emulatorFaultId: injected.id,
            ...(input.count === undefined ? {} : { hangCount: input.count }),
          },
        );
        if (fault.kind !== "discord_hang") {
          await sleep(fault.durationMs);
          record.endedAt = Date.now();
        }
        return;
      }
      case "partition": {
        if (bot === undefined || bot.proxy.isCut) return;
        const record = this.record("partition", `${bot.name} ✕ convex`, `${fault.durationMs} ms`, {
          botKind: bot.kind,
          instance: bot.name,
        });
        bot.proxy.partition();
        await sleep(fault.durationMs);
        bot.proxy.heal();
        record.endedAt = Date.now();
        return;
      }
    }
  }
}
