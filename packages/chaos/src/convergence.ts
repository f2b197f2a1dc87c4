// Per-fault convergence: which part of the system one fault touched (its scope), and whether one
// observation of the real system shows that part caught up. Pure functions of the fault record and
// the observation (health endpoints, Convex, the emulator's world and request log), so every rule
// is unit-tested; the probe that gathers observations is convergence-probe.ts.
import type { FaultRecord } from "./faults.js";
import type { CustomerMessage, StoredSignalView } from "./invariants.js";
import { FAULT_KINDS, type FaultKind } from "./plan.js";
import { spread } from "./spread.js";
import type { BotKind } from "./stack.js";

/**
 * Messages changed this long before a fault started are in its scope too: work the bot already had
 * in hand when it was hit (a mirror lease lasts 5 s in the soak; a collector write is queued).
 */
export const SCOPE_LEAD_MS = 5_000;

/** A hop of the pipeline: source → Convex (collector), Convex → customer guild (mirror). */
export type Side = "collector" | "mirror";

export type Scope = {
  /** Epoch ms the convergence time is measured from: the fault's end, or its start if instantaneous. */
  from: number;
  sides: Side[];
  /** Bot instances that must report healthy: one instance, or every running one of these kinds. */
  health: { kinds: BotKind[]; only?: string };
  /** Gateway drop: this bot's gateway sessions must be connected again. */
  sessionsOf?: BotKind;
  /** Gateway drop: sessions dropped, each of which must resume (or identify anew) after `from`. */
  sessionsToResume?: number;
  /** Discord faults: the emulator fault whose hits must have landed (and, for a hang, ended). */
  emulatorFaultId?: string;
  windowStart: number;
  /**
   * Source changes up to here are in scope. "sessions" (gateway drop): until the sessions were seen
   * back, so what was posted while the bot was deaf counts; "hits" (hang): until the hung requests
   * ended. Both are pinned by `pinWindow` once observed.
   */
  windowEnd: number | "sessions" | "hits";
};

/** The scope of one fault, or null while it has not ended (a kill before its restart). */
export function scopeOf(fault: FaultRecord): Scope | null {
  const windowStart = fault.startedAt - SCOPE_LEAD_MS;
  const kind = fault.botKind;
  switch (fault.kind) {
    case "kill_bot": {
      if (fault.endedAt === undefined || kind === undefined) return null;
      // From the restart (spawn): the end is only recorded once the health answered ready.
      const from = fault.endedAt - (fault.readyMs ?? 0);
      return {
        from,
        sides: [kind],
        health: { kinds: [kind], ...(fault.instance ? { only: fault.instance } : {}) },
        windowStart,
        windowEnd: from,
      };
    }
    case "kill_backend": {
      if (fault.endedAt === undefined) return null;
      const from = fault.endedAt - (fault.readyMs ?? 0);
      return {
        from,
        sides: ["collector", "mirror"],
        health: { kinds: ["collector", "mirror"] },
        windowStart,
        windowEnd: from,
      };
    }
    case "partition":
      if (fault.endedAt === undefined || kind === undefined) return null;
      return {
        from: fault.endedAt,
        sides: [kind],
        health: { kinds: [kind], ...(fault.instance ? { only: fault.instance } : {}) },
        windowStart,
        windowEnd: fault.endedAt,
      };
    case "gateway_drop":
      if (kind === undefined) return null;
      return {
        from: fault.startedAt,
        // The mirror's gateway carries no work (deliveries come from Convex): sessions and health.
        sides: kind === "collector" ? ["collector"] : [],
        health: { kinds: [kind] },
        sessionsOf: kind,
        sessionsToResume: fault.droppedSessions ?? 0,
        windowStart,
        windowEnd: "sessions",
      };
    case "discord_5xx":
    case "discord_429":
      if (fault.endedAt === undefined || kind === undefined) return null;
      return {
        from: fault.endedAt,
        sides: [kind],
        health: { kinds: [kind] },
        ...(fault.emulatorFaultId ? { emulatorFaultId: fault.emulatorFaultId } : {}),
        windowStart,
        windowEnd: fault.endedAt,
      };
    case "discord_hang":
      if (kind === undefined) return null;
      return {
        from: fault.startedAt,
        sides: [kind],
        health: { kinds: [kind] },
        ...(fault.emulatorFaultId ? { emulatorFaultId: fault.emulatorFaultId } : {}),
        windowStart,
        windowEnd: "hits",
      };
  }
}

/** One request a Discord fault hit, from the emulator's request log. */
export type RequestHit = { id: number; method: string; path: string; endedAt: number };

export type BotObservation = {
  name: string;
  kind: BotKind;
  /** The soak has the process up (not inside a kill window). */
  running: boolean;
  healthy: boolean;
  /** Why not healthy, from the health body. */
  why?: string;
};

/** What the system showed at one moment; only the messages the open scopes need are read. */
export type Observation = {
  startedAt: number;
  /** When the last read finished: a convergence seen here happened no later than this. */
  at: number;
  bots: BotObservation[];
  /** Connected gateway sessions per bot (emulator). */
  sessions: Record<BotKind, number>;
  /** Per bot: when its sessions resumed or identified (emulator gateway log), epoch ms. */
  sessionStarts: Record<BotKind, readonly number[]>;
  /** Convex: the stored signal per source message id (null: none). */
  signals: ReadonlyMap<string, StoredSignalView>;
  /** The customer channel (emulator), by the message's `[ck-N]` tag. */
  customerByTag: ReadonlyMap<string, readonly CustomerMessage[]>;
  customerIds: ReadonlySet<string>;
  /** Source message ids with a mirror delivery still pending or leased (Convex). */
  unsettledDeliveries: ReadonlySet<string>;
  /** Per emulator fault id: the requests it hit that have ended (a hung one is logged at its end). */
  hits: ReadonlyMap<string, readonly RequestHit[]>;
  /** Per hang fault id: requests it holds that have not ended yet. */
  openHangs: ReadonlyMap<string, number>;
  /** `<method> <path>` → the newest request id on it that answered 2xx (emulator request log). */
  lastSuccess: ReadonlyMap<string, number>;
  /** Customer guild: role ids per member. */
  memberRoles: ReadonlyMap<string, ReadonlySet<string>>;
};

/**
 * What the soak did to the source channel through the emulator (never faulted, so each change
 * that returned is a fact), with the content each change left (null: deleted), and each message's tag.
 */
export type SourceModel = {
  changes: readonly { id: string; at: number; content: string | null }[];
  tags: ReadonlyMap<string, string>;
};

/**
 * The versions of a message that count as caught up for a window: the one it had at the window's
 * end, or any later one (the workload keeps editing and deleting; a later change still on its way
 * is not this fault's doing). `changedSince`: a later version exists.
 */
export function acceptedVersions(
  id: string,
  model: SourceModel,
  windowEnd: number,
): { accepted: (string | null)[]; changedSince: boolean } {
  const versions = model.changes.filter((change) => change.id === id);
  const base = versions.filter((change) => change.at <= windowEnd).at(-1);
  const later = versions.filter((change) => change.at > windowEnd);
  return {
    accepted: [...(base === undefined ? [] : [base.content]), ...later.map((c) => c.content)],
    changedSince: later.length > 0,
  };
}

const ROLE_PATH = /^\/guilds\/[^/]+\/members\/([^/]+)\/roles\/([^/]+)$/;
const MESSAGE_PATH = /^\/channels\/[^/]+\/messages\/([^/]+)$/;

/**
 * A faulted request landed when the same request later answered 2xx, or the state it was meant to
 * produce is there anyway (role added/removed, customer message gone). A new post or an edit is
 * judged by the messages scope instead: its path does not say which delivery it was.
 */
export function hitLanded(hit: RequestHit, observation: Observation): boolean {
  const later = observation.lastSuccess.get(`${hit.method} ${hit.path}`);
  if (later !== undefined && later > hit.id) return true;
  const role = ROLE_PATH.exec(hit.path);
  if (role !== null) {
    const has = observation.memberRoles.get(role[1] ?? "")?.has(role[2] ?? "") ?? false;
    if (hit.method === "PUT") return has;
    if (hit.method === "DELETE") return !has;
    return true;
  }
  const message = MESSAGE_PATH.exec(hit.path);
  if (message !== null && hit.method === "DELETE") {
    return !observation.customerIds.has(message[1] ?? "");
  }
  if (message !== null && hit.method === "PATCH") {
    // A later edit that answered 2xx (checked above), or the copy is gone.
    return !observation.customerIds.has(message[1] ?? "");
  }
  return true;
}

/**
 * Pins an open window end once it can be observed: a gateway drop's when the bot's sessions have
 * resumed and are connected, a hang's when none of its requests is still held (its last hung request's end).
 */
export function pinWindow(scope: Scope, observation: Observation, running: BotKindCounts): Scope {
  if (scope.windowEnd === "sessions") {
    if (sessionsWaiting(scope, observation, running) !== null) return scope;
    return { ...scope, windowEnd: observation.startedAt };
  }
  if (scope.windowEnd === "hits") {
    const id = scope.emulatorFaultId ?? "";
    if ((observation.openHangs.get(id) ?? 0) > 0) return scope;
    const ends = (observation.hits.get(id) ?? []).map((hit) => hit.endedAt);
    return { ...scope, windowEnd: Math.max(scope.from, ...ends) };
  }
  return scope;
}

export type BotKindCounts = Record<BotKind, number>;

/**
 * Why a dropped bot's gateway is not back, or null: every dropped session resumed (or a new one
 * identified) after the drop, and as many sessions are connected as instances run.
 */
function sessionsWaiting(
  scope: Scope,
  observation: Observation,
  running: BotKindCounts,
): string | null {
  const kind = scope.sessionsOf;
  if (kind === undefined) return null;
  const resumed = observation.sessionStarts[kind].filter((at) => at >= scope.from).length;
  const want = scope.sessionsToResume ?? 0;
  if (resumed < want) return `${kind} gateway sessions ${resumed}/${want} resumed`;
  if (observation.sessions[kind] < running[kind]) {
    return `${kind} gateway sessions ${observation.sessions[kind]}/${running[kind]} connected`;
  }
  return null;
}

export function runningCounts(bots: readonly BotObservation[]): BotKindCounts {
  const counts: BotKindCounts = { collector: 0, mirror: 0 };
  for (const bot of bots) if (bot.running) counts[bot.kind] += 1;
  return counts;
}

/** Source message ids a scope covers (an open window end reaches up to `now`). */
export function messagesInScope(scope: Scope, model: SourceModel, now: number): string[] {
  const end = typeof scope.windowEnd === "number" ? scope.windowEnd : now;
  const ids = new Set<string>();
  for (const change of model.changes) {
    if (change.at >= scope.windowStart && change.at <= end) ids.add(change.id);
  }
  return [...ids];
}

/**
 * What the scope still waits on in this observation; empty = converged. The window must be
 * pinned (see `pinWindow`) first.
 */
export function waitingOn(scope: Scope, observation: Observation, model: SourceModel): string[] {
  const waiting: string[] = [];
  const running = runningCounts(observation.bots);
  for (const bot of observation.bots) {
    const inScope =
      scope.health.only === undefined
        ? scope.health.kinds.includes(bot.kind) && bot.running
        : bot.name === scope.health.only;
    if (!inScope) continue;
    if (!bot.running) waiting.push(`${bot.name} not running`);
    else if (!bot.healthy) waiting.push(`${bot.name} ${bot.why ?? "not healthy"}`);
  }
  const sessions = sessionsWaiting(scope, observation, running);
  if (sessions !== null) waiting.push(sessions);
  if (scope.emulatorFaultId !== undefined) {
    const open = observation.openHangs.get(scope.emulatorFaultId) ?? 0;
    if (open > 0) waiting.push(`${open} hung request(s) not ended`);
    for (const hit of observation.hits.get(scope.emulatorFaultId) ?? []) {
      if (!hitLanded(hit, observation)) waiting.push(`${hit.method} ${hit.path} not landed`);
    }
  }
  if (typeof scope.windowEnd !== "number") {
    waiting.push(`window open (${scope.windowEnd})`);
    return waiting;
  }
  for (const id of messagesInScope(scope, model, scope.windowEnd)) {
    if (!observation.signals.has(id)) {
      waiting.push(`${id} not observed`);
      continue;
    }
    const { accepted, changedSince } = acceptedVersions(id, model, scope.windowEnd);
    if (scope.sides.includes("collector")) {
      const signal = observation.signals.get(id) ?? null;
      const stored = signal === null || signal.deleted ? null : signal.content;
      if (!accepted.includes(stored)) waiting.push(`${id} Convex behind the source`);
    }
    if (scope.sides.includes("mirror")) {
      const copies = observation.customerByTag.get(model.tags.get(id) ?? "") ?? [];
      if (copies.length > 1) waiting.push(`${id} ${copies.length} customer copies`);
      else if (!accepted.includes(copies[0]?.content ?? null)) {
        waiting.push(`${id} customer copy behind the source`);
      }
      // A delivery pending for a later version is that change's, not this fault's.
      if (!changedSince && observation.unsettledDeliveries.has(id)) {
        waiting.push(`${id} delivery pending`);
      }
    }
  }
  return waiting;
}

/** n / p50 / p95 / max (ms) of the faults that converged, and how many never did. */
export type ConvergenceStats = {
  n: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
  unconverged: number;
};

/**
 * Per fault kind: the spread of `convergedMs` and how many never converged. A kind whose faults
 * all stayed unconverged still appears (n 0, nulls), so a gap is not mistaken for "fast".
 */
export function convergenceStats(
  log: readonly FaultRecord[],
): Partial<Record<FaultKind, ConvergenceStats>> {
  const out: Partial<Record<FaultKind, ConvergenceStats>> = {};
  for (const kind of FAULT_KINDS) {
    const records = log.filter((record) => record.kind === kind);
    if (records.length === 0) continue;
    const times = records.flatMap((r) => (r.convergedMs === undefined ? [] : [r.convergedMs]));
    const s = spread(times);
    out[kind] = {
      n: s?.n ?? 0,
      p50: s?.p50 ?? null,
      p95: s?.p95 ?? null,
      max: s?.max ?? null,
      unconverged: records.length - times.length,
    };
  }
  return out;
}
