import { adminClient } from "@g3/convex-offline";
import { DEMO_IDS, type ControlClient } from "@g3/discord-emulator";
import {
  messagesInScope,
  pinWindow,
  runningCounts,
  scopeOf,
  waitingOn,
  type BotObservation,
  type Observation,
  type RequestHit,
  type Scope,
  type SourceModel,
} from "./convergence.js";
import { refs } from "./convex-refs.js";
import type { FaultRecord } from "./faults.js";
import { tagOf, type CustomerMessage, type StoredSignalView } from "./invariants.js";
import { mapLimit } from "./map-limit.js";
import type { BotInstance, BotKind } from "./stack.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** latency:deliveryTimings takes at most this many ids per call. */
const TIMINGS_BATCH = 200;

type CollectorHealth = { ready?: boolean; convex?: string };
type MirrorHealth = { gatewayReady?: boolean; convexConnected?: boolean };

/**
 * A collector is back when it is ready and connected to Convex. Its write queue and pending
 * backfills are not asked to be empty: under a steady workload on a loaded machine they rarely
 * are (a 4-minute run saw queues of 60–110 events), which would measure the global backlog rather
 * than this fault; the messages the fault touched are checked in Convex instead.
 */
function collectorVerdict(body: CollectorHealth): { healthy: boolean; why?: string } {
  if (body.ready !== true) return { healthy: false, why: "not ready" };
  if (body.convex !== "connected") return { healthy: false, why: "Convex disconnected" };
  return { healthy: true };
}

function mirrorVerdict(body: MirrorHealth): { healthy: boolean; why?: string } {
  if (body.gatewayReady !== true) return { healthy: false, why: "gateway not ready" };
  if (body.convexConnected !== true) return { healthy: false, why: "Convex disconnected" };
  return { healthy: true };
}

const kindOf = (botId: string): BotKind | null =>
  botId === DEMO_IDS.collectorApp ? "collector" : botId === DEMO_IDS.mirrorApp ? "mirror" : null;

async function observeBot(bot: BotInstance): Promise<BotObservation> {
  const base = { name: bot.name, kind: bot.kind };
  const url = bot.process.spec.readyUrl;
  if (!bot.process.running || url === undefined) return { ...base, running: false, healthy: false };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    const body = (await response.json()) as CollectorHealth & MirrorHealth;
    const verdict = bot.kind === "collector" ? collectorVerdict(body) : mirrorVerdict(body);
    return { ...base, running: true, ...verdict };
  } catch {
    return { ...base, running: true, healthy: false, why: "health not answering" };
  }
}

/**
 * Watches every fault of the run until the part of the system it touched is observed caught up,
 * and writes `convergedMs` (or, at the end, `waitingOn`) into its record. Rounds run back to back
 * (at least `intervalMs` apart) while a fault is open; each reads the bots' health endpoints, the
 * emulator (gateway sessions, the customer channel, members, request log, fault state)
 * and Convex (the signals and mirror deliveries in scope, with the admin key). A round that
 * cannot read (the backend is down) proves nothing and is skipped.
 */
export class ConvergenceProbe {
  private readonly open = new Map<FaultRecord, Scope>();
  private readonly seen = new Set<FaultRecord>();
  private readonly hits = new Map<string, RequestHit[]>();
  private readonly lastSuccess = new Map<string, number>();
  /** Hang faults: the most hits the emulator reported while the fault was armed. */
  private readonly hangHits = new Map<string, number>();
  private requestCursor = 0;
  private eventCursor = 0;
  private readonly sessionStarts: Record<BotKind, number[]> = { collector: [], mirror: [] };
  private cleared = false;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  rounds = 0;

  constructor(
    private readonly deps: {
      log: readonly FaultRecord[];
      bots: readonly BotInstance[];
      control: ControlClient;
      backendUrl: string;
      adminKey: string;
      model: () => SourceModel;
      intervalMs?: number;
    },
  ) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const began = Date.now();
        await this.round().catch(() => undefined);
        await sleep(Math.max(0, (this.deps.intervalMs ?? 250) - (Date.now() - began)));
      }
    })();
  }

  /** The soak cleared every Discord fault: a hang that disappears now was cleared, not used up. */
  faultsCleared(): void {
    this.cleared = true;
  }

  /** True when every fault recorded so far has converged. */
  get settled(): boolean {
    return this.open.size === 0 && this.deps.log.every((record) => this.seen.has(record));
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** One observation, then every open fault checked against it. */
  async round(): Promise<void> {
    for (const record of this.deps.log) {
      if (this.seen.has(record)) continue;
      const scope = scopeOf(record);
      if (scope === null) continue;
      this.seen.add(record);
      this.open.set(record, scope);
    }
    if (this.open.size === 0) return;
    const model = this.deps.model();
    const observation = await this.observe(model);
    this.rounds += 1;
    const running = runningCounts(observation.bots);
    for (const [record, scope] of this.open) {
      const pinned = pinWindow(scope, observation, running);
      this.open.set(record, pinned);
      const waiting = waitingOn(pinned, observation, model);
      if (waiting.length === 0) {
        record.convergedMs = Math.max(0, observation.at - pinned.from);
        delete record.waitingOn;
        this.open.delete(record);
      } else {
        record.waitingOn = waiting.slice(0, 5);
      }
      // Per reason (message ids folded), the rounds it held the fault back: what dominated.
      const held = (record.heldBy ??= {});
      for (const reason of new Set(waiting.map((w) => w.replace(/^\d{15,} /, "message ")))) {
        held[reason] = (held[reason] ?? 0) + 1;
      }
    }
  }

  private async observe(model: SourceModel): Promise<Observation> {
    const { control } = this.deps;
    const startedAt = Date.now();
    const scopes = [...this.open.values()];
    const ids = [...new Set(scopes.flatMap((scope) => messagesInScope(scope, model, startedAt)))];
    const [bots, sessions, customer, members, faults] = await Promise.all([
      Promise.all(this.deps.bots.map(observeBot)),
      control.gatewaySessions(),
      control.messages(DEMO_IDS.customerVipSignals),
      control.members(DEMO_IDS.customerGuild),
      control.faults(),
      this.readRequests(),
      this.readGatewayEvents(),
    ]);
    const admin = adminClient(this.deps.backendUrl, this.deps.adminKey);
    const signals = new Map<string, StoredSignalView>();
    await mapLimit(ids, 6, async (id) => {
      const found = await admin.query(refs.inspectMessage, { messageId: id });
      signals.set(
        id,
        found === null
          ? null
          : { content: found.signal.content, deleted: found.signal.deletedAt !== undefined },
      );
    });
    const unsettled = new Set<string>();
    for (let i = 0; i < ids.length; i += TIMINGS_BATCH) {
      const timings = await admin.query(refs.deliveryTimings, {
        sourceMessageIds: ids.slice(i, i + TIMINGS_BATCH),
      });
      for (const timing of timings) {
        if (timing.deliveries.some((d) => d.status === "pending" || d.status === "leased")) {
          unsettled.add(timing.sourceMessageId);
        }
      }
    }

    const kindOf = (botId: string): BotKind | null =>
      botId === DEMO_IDS.collectorApp
        ? "collector"
        : botId === DEMO_IDS.mirrorApp
          ? "mirror"
          : null;
    const connected: Record<BotKind, number> = { collector: 0, mirror: 0 };
    for (const session of sessions) {
      const kind = kindOf(session.botId);
      if (kind !== null && session.connected) connected[kind] += 1;
    }
    const customerByTag = new Map<string, CustomerMessage[]>();
    for (const message of customer) {
      const tag = tagOf(message.content);
      if (tag === undefined) continue;
      customerByTag.set(tag, [
        ...(customerByTag.get(tag) ?? []),
        { id: message.id, content: message.content, attachments: [] },
      ]);
    }
    const openHangs = new Map<string, number>();
    for (const [record] of this.open) {
      const id = record.emulatorFaultId;
      if (record.kind !== "discord_hang" || id === undefined) continue;
      const armed = faults.rest.find((fault) => fault.id === id);
      if (armed !== undefined) this.hangHits.set(id, armed.hits);
      // Gone while the schedule runs: used up (every request it was meant to hang was taken).
      const taken =
        armed?.hits ?? (this.cleared ? (this.hangHits.get(id) ?? 0) : (record.hangCount ?? 0));
      openHangs.set(id, Math.max(0, taken - (this.hits.get(id)?.length ?? 0)));
    }
    return {
      startedAt,
      at: Date.now(),
      bots,
      sessions: connected,
      sessionStarts: this.sessionStarts,
      signals,
      customerByTag,
      customerIds: new Set(customer.map((m) => m.id)),
      unsettledDeliveries: unsettled,
      hits: this.hits,
      openHangs,
      lastSuccess: this.lastSuccess,
      memberRoles: new Map(
        members.flatMap((m) => (m.user ? [[m.user.id, new Set(m.roles)] as const] : [])),
      ),
    };
  }

  /** New entries of the emulator's gateway log: when each bot's sessions resumed or identified. */
  private async readGatewayEvents(): Promise<void> {
    const entries = await this.deps.control.events(this.eventCursor, 5_000);
    for (const entry of entries) {
      this.eventCursor = Math.max(this.eventCursor, entry.id);
      if (entry.kind !== "resumed" && entry.kind !== "identify") continue;
      const kind = kindOf(entry.botId);
      if (kind !== null) this.sessionStarts[kind].push(Date.parse(entry.time));
    }
  }

  /** New entries of the emulator's request log: the faults' hits, and the last 2xx per request. */
  private async readRequests(): Promise<void> {
    const entries = await this.deps.control.requests(this.requestCursor, 5_000);
    for (const entry of entries) {
      this.requestCursor = Math.max(this.requestCursor, entry.id);
      const key = `${entry.method} ${entry.path}`;
      if (entry.status >= 200 && entry.status < 300) this.lastSuccess.set(key, entry.id);
      if (entry.fault === undefined) continue;
      // "<kind>:<fault id>", e.g. "hang:3f2…"
      const faultId = entry.fault.slice(entry.fault.indexOf(":") + 1);
      this.hits.set(faultId, [
        ...(this.hits.get(faultId) ?? []),
        {
          id: entry.id,
          method: entry.method,
          path: entry.path,
          endedAt: Date.parse(entry.time) + entry.durationMs,
        },
      ]);
    }
  }
}
