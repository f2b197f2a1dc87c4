// The WebSocket sync server: per-socket in-order message processing, subscriptions, and
// one Transition per affected socket after each batch of commits (wire note §2).
import { type IncomingMessage } from "node:http";
import { performance } from "node:perf_hooks";
import { type Duplex } from "node:stream";
import { decodeJwt } from "jose";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import { adminKeyMatches } from "../auth/adminKey.js";
import { identityFromAttributes } from "../auth/identity.js";
import { type TokenVerifier } from "../auth/tokenVerifier.js";
import { callFunction } from "../engine/calls.js";
import { newRequestId, socketRequestId } from "../engine/errorReport.js";
import { outsideFunctions } from "../engine/context.js";
import { type Engine } from "../engine/engine.js";
import { type Logger, errorMessage } from "../log.js";
import { type DocumentChange } from "../storage/documentStore.js";
import { type ReadSet } from "../storage/readSet.js";
import { CompletedRequests } from "./completedRequests.js";
import {
  type AddQuery,
  type ClientMessage,
  type ServerMessage,
  type ModificationJson,
  clientMessage,
  encodeTs,
} from "./protocol.js";
import { EvaluationMemo } from "./evaluationMemo.js";
import { flushOrder } from "./flushOrder.js";
import { type Subscription, evaluate, modificationFor } from "./querySubscription.js";
import { Session } from "./session.js";

export const SYNC_PATH = /^\/api\/[^/]+\/sync\/?$/;
const PING_INTERVAL_MS = 15_000;
/** Longest a flush holds the engine lock before letting writers in (see SyncHub.flush). */
const FLUSH_SLICE_MS = 4;

export type SyncDeps = {
  readonly engine: () => Engine;
  readonly verifier: () => TokenVerifier;
  readonly adminKey: string;
  readonly logger: Logger;
  /** Ping idle sockets this often (default 15 s, as Convex does). */
  readonly pingIntervalMs?: number;
  /** How long one slice of a flush may hold the engine lock (default FLUSH_SLICE_MS). */
  readonly flushSliceMs?: number;
};

export class SyncHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  private readonly sessions = new Set<Session>();
  private readonly completed = new CompletedRequests();
  private readonly inFlight = new Map<string, Promise<ServerMessage>>();
  private flushScheduled = false;
  /** The running flush's shared re-runs (null between flushes), see EvaluationMemo. */
  private activeMemo: EvaluationMemo | null = null;
  private exclusiveChain: Promise<void> = Promise.resolve();
  private nextSessionId = 1;
  private readonly pingTimer: NodeJS.Timeout;

  constructor(private readonly deps: SyncDeps) {
    this.pingTimer = setInterval(() => {
      for (const session of this.sessions) session.send({ type: "Ping" });
    }, deps.pingIntervalMs ?? PING_INTERVAL_MS);
    this.pingTimer.unref();
  }

  get connectionCount(): number {
    return this.sessions.size;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  }

  /**
   * Called after each commit (from inside the committing function's context, under the engine
   * lock): marks the subscriptions whose read set the commit touched, per socket.
   */
  onCommit(changes: DocumentChange[]): void {
    // Subscribers of the same query share one read set (one re-run per snapshot): test it once.
    const touched = new Map<ReadSet, boolean>();
    for (const session of this.sessions) {
      for (const sub of session.subscriptions.values()) {
        const readSet = sub.readSet;
        if (readSet === null) {
          session.staleSubs.add(sub);
          continue;
        }
        let hit = touched.get(readSet);
        if (hit === undefined) {
          hit = readSet.touchedBy(changes);
          touched.set(readSet, hit);
        }
        if (hit) session.staleSubs.add(sub);
      }
    }
    this.activeMemo?.forget(changes);
    this.requestFlush();
  }

  /** Re-runs every subscription (code reload, auth config change). */
  invalidateAll(): void {
    this.activeMemo?.clear(); // results of the old code or auth config are not reused
    for (const session of this.sessions) {
      for (const sub of session.subscriptions.values()) session.staleSubs.add(sub);
    }
    this.requestFlush();
  }

  /** Drops every socket from the server side (clients reconnect). For tests and reloads. */
  dropConnections(code = 1012, reason = "server dropped the connection"): void {
    for (const session of this.sessions) session.socket.close(code, reason);
  }

  async close(): Promise<void> {
    clearInterval(this.pingTimer);
    for (const session of this.sessions) session.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await this.exclusiveChain;
  }

  private exclusive(task: () => Promise<void>): Promise<void> {
    const run = this.exclusiveChain.then(task, task);
    this.exclusiveChain = run.catch((error: unknown) => {
      this.deps.logger.log("error", "sync.internal_error", { error: errorMessage(error) });
    });
    return this.exclusiveChain;
  }

  private requestFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    outsideFunctions(() =>
      setImmediate(() => {
        void this.exclusive(() => this.flush());
      }),
    );
  }

  /**
   * Re-runs stale subscriptions and sends one Transition per affected socket, in time slices:
   * each slice holds the engine lock (one snapshot for every Transition it sends, and one
   * shared re-run per distinct query — per caller only if the run read the caller's identity,
   * see EvaluationMemo) for at most FLUSH_SLICE_MS, then yields to the event
   * loop so a mutation that arrived meanwhile (the next ingest, a bot's claim) runs before the
   * next slice. Within a slice, sockets go in `flushOrder`: writers awaiting their mutation's
   * Transition first, then the cheapest job (a shared re-run and its fan-out), so bots' small work
   * queries and the writer's own confirmation are not stuck behind hundreds of dashboards.
   */
  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const started = performance.now();
    let transitions = 0;
    let reruns = 0;
    let slices = 0;
    // Shared re-runs for this flush; commits between its slices forget what they touch.
    const memo = new EvaluationMemo();
    this.activeMemo = memo;
    const snapshots = new Set<bigint>();
    const sliceMs = this.deps.flushSliceMs ?? FLUSH_SLICE_MS;
    const pending = (session: Session) =>
      !session.closed && (session.staleSubs.size > 0 || session.needsTransition);
    for (;;) {
      // Let I/O in between slices: without this the whole fan-out is one chain of microtasks,
      // and a mutation arriving meanwhile is not even read until it ends.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const engine = this.deps.engine();
      if (![...this.sessions].some(pending)) break;
      slices += 1;
      await engine.holdForReads(async () => {
        snapshots.add(engine.ts);
        const sliceStarted = performance.now();
        for (const session of flushOrder([...this.sessions].filter(pending))) {
          if (!pending(session)) continue;
          const sessionStarted = performance.now();
          const stale = [...session.staleSubs].filter(
            (sub) => session.subscriptions.get(sub.queryId) === sub,
          );
          session.staleSubs.clear();
          const modifications: ModificationJson[] = [];
          for (const sub of stale) {
            const shared = await memo.lookup(session, sub);
            const evaluation = shared ?? (await memo.run(session, sub, engine));
            if (shared === undefined) reruns += 1;
            const modification = modificationFor(sub, evaluation);
            if (modification !== null) modifications.push(modification);
          }
          if (modifications.length > 0 || session.needsTransition) {
            session.sendTransition(engine.ts, modifications);
            transitions += 1;
          }
          session.recordFlushCost(performance.now() - sessionStarted);
          if (performance.now() - sliceStarted >= sliceMs) break;
        }
      });
    }
    if (this.activeMemo === memo) this.activeMemo = null;
    this.deps.logger.log("debug", "sync.flush", {
      reruns,
      transitions,
      slices,
      snapshots: snapshots.size,
      ms: Math.round((performance.now() - started) * 100) / 100,
    });
  }

  private accept(socket: WebSocket): void {
    const session = new Session(socket, this.nextSessionId++);
    this.sessions.add(session);
    this.deps.logger.log("debug", "sync.connected", { socket: session.id });
    socket.on("message", (data: RawData) => {
      outsideFunctions(() => this.receive(session, data));
    });
    socket.on("close", () => {
      session.closed = true;
      if (session.authExpiry !== null) clearTimeout(session.authExpiry);
      this.sessions.delete(session);
      this.deps.logger.log("debug", "sync.disconnected", { socket: session.id });
    });
    socket.on("error", (error) => {
      this.deps.logger.log("warn", "sync.socket_error", {
        socket: session.id,
        error: error.message,
      });
    });
  }

  private receive(session: Session, data: RawData): void {
    let message: ClientMessage;
    try {
      const text = Array.isArray(data)
        ? Buffer.concat(data).toString("utf8")
        : Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString("utf8");
      message = clientMessage.parse(JSON.parse(text));
    } catch (error) {
      this.fatal(session, `Invalid message: ${errorMessage(error)}`);
      return;
    }
    if (message.type === "Action") {
      // Actions start in order (after a preceding Authenticate) but run concurrently.
      session.enqueue(() => {
        void this.action(session, message);
        return Promise.resolve();
      });
      return;
    }
    session.enqueue(() =>
      this.handle(session, message).catch((error: unknown) => {
        this.deps.logger.log("error", "sync.internal_error", {
          socket: session.id,
          message: message.type,
          error: errorMessage(error),
        });
      }),
    );
  }

  private fatal(session: Session, error: string): void {
    this.deps.logger.log("warn", "sync.fatal_error", { socket: session.id, error });
    session.send({ type: "FatalError", error });
    session.socket.close(1011, "fatal error");
  }

  private async handle(session: Session, message: ClientMessage): Promise<void> {
    switch (message.type) {
      case "Connect":
        session.sessionId = message.sessionId;
        session.connectionCount = message.connectionCount;
        return;
      case "ModifyQuerySet":
        return this.exclusive(() =>
          this.deps.engine().holdForReads(() => this.modifyQuerySet(session, message)),
        );
      case "Mutation":
        return this.mutation(session, message);
      case "Authenticate":
        return this.exclusive(() => this.authenticate(session, message));
      case "Event":
      case "Action":
        return;
    }
  }

  private async modifyQuerySet(
    session: Session,
    message: Extract<ClientMessage, { type: "ModifyQuerySet" }>,
  ): Promise<void> {
    if (message.baseVersion !== session.querySetVersion) {
      this.fatal(
        session,
        `Query set version mismatch: base ${message.baseVersion}, server at ${session.querySetVersion}`,
      );
      return;
    }
    const engine = this.deps.engine();
    const modifications: ModificationJson[] = [];
    for (const modification of message.modifications) {
      if (modification.type === "Remove") {
        session.subscriptions.delete(modification.queryId);
        modifications.push(JSON.stringify({ type: "QueryRemoved", queryId: modification.queryId }));
        continue;
      }
      const sub = this.subscription(modification);
      session.subscriptions.set(sub.queryId, sub);
      const result = modificationFor(sub, await evaluate(engine, session.caller, sub));
      if (result !== null) modifications.push(result);
    }
    session.sendTransition(engine.ts, modifications, { querySet: message.newVersion });
  }

  private subscription(add: AddQuery): Subscription {
    return {
      queryId: add.queryId,
      udfPath: add.udfPath,
      args: add.args[0] ?? {},
      argsKey: JSON.stringify(add.args[0] ?? {}),
      journal: add.journal ?? null,
      readSet: null,
      lastSent: null,
    };
  }

  private async authenticate(
    session: Session,
    message: Extract<ClientMessage, { type: "Authenticate" }>,
  ): Promise<void> {
    if (session.authExpiry !== null) clearTimeout(session.authExpiry);
    session.authExpiry = null;
    try {
      if (message.tokenType === "User") {
        session.identity = await this.deps.verifier().verify(message.value ?? "");
        session.isAdmin = false;
        this.armTokenExpiry(session, message.value ?? "", message.baseVersion);
      } else if (message.tokenType === "Admin") {
        if (!adminKeyMatches(this.deps.adminKey, message.value ?? "")) {
          throw new Error("The admin key is invalid for this deployment.");
        }
        session.isAdmin = true;
        session.identity = message.impersonating
          ? identityFromAttributes(message.impersonating)
          : null;
      } else {
        session.identity = null;
        session.isAdmin = false;
      }
    } catch (error) {
      this.deps.logger.log("info", "sync.auth_rejected", {
        socket: session.id,
        error: errorMessage(error),
      });
      session.send({
        type: "AuthError",
        error: errorMessage(error),
        baseVersion: message.baseVersion,
        authUpdateAttempted: true,
      });
      return;
    }
    const engine = this.deps.engine();
    await engine.holdForReads(async () => {
      const modifications: ModificationJson[] = [];
      for (const sub of session.subscriptions.values()) {
        const result = modificationFor(sub, await evaluate(engine, session.caller, sub));
        if (result !== null) modifications.push(result);
      }
      session.sendTransition(engine.ts, modifications, { identity: message.baseVersion + 1 });
    });
  }

  /**
   * When a user token expires on a live socket, the identity is dropped and the client is
   * told (AuthError with authUpdateAttempted: false) so it fetches a fresh token.
   */
  private armTokenExpiry(session: Session, token: string, baseVersion: number): void {
    const exp = decodeJwt(token).exp;
    if (exp === undefined) return;
    const delay = Math.min(exp * 1000 - Date.now(), 2 ** 31 - 1);
    const timer = outsideFunctions(() =>
      setTimeout(
        () => {
          session.authExpiry = null;
          session.identity = null;
          this.deps.logger.log("info", "sync.token_expired", { socket: session.id });
          session.send({
            type: "AuthError",
            error: "Token expired",
            baseVersion,
            authUpdateAttempted: false,
          });
        },
        Math.max(0, delay),
      ),
    );
    timer.unref();
    session.authExpiry = timer;
  }

  private async mutation(
    session: Session,
    message: Extract<ClientMessage, { type: "Mutation" }>,
  ): Promise<void> {
    const sessionId = session.sessionId ?? `socket-${session.id}`;
    const key = `${sessionId}:${message.requestId}`;
    let response = this.completed.get(sessionId, message.requestId);
    if (response === undefined) {
      let running = this.inFlight.get(key);
      if (running === undefined) {
        running = this.runMutation(session, message);
        this.inFlight.set(key, running);
      }
      try {
        response = await running;
      } finally {
        this.inFlight.delete(key);
      }
      this.completed.set(sessionId, message.requestId, response);
    } else {
      this.deps.logger.log("debug", "sync.mutation_deduplicated", {
        sessionId,
        requestId: message.requestId,
      });
    }
    session.send(response);
    if (response.type === "MutationResponse" && response.success) {
      session.needsTransition = true;
      this.requestFlush();
    }
  }

  /** Convex's request ID of a socket's mutation or action (random before `Connect`). */
  private requestIdOf(session: Session, requestId: number): string {
    return session.sessionId === null
      ? newRequestId()
      : socketRequestId(session.sessionId, requestId);
  }

  private async runMutation(
    session: Session,
    message: Extract<ClientMessage, { type: "Mutation" }>,
  ): Promise<ServerMessage> {
    const engine = this.deps.engine();
    const outcome = await callFunction(
      engine,
      session.caller,
      message.udfPath,
      message.args[0] ?? {},
      "mutation",
      { requestId: this.requestIdOf(session, message.requestId) },
    );
    if (outcome.ok) {
      return {
        type: "MutationResponse",
        requestId: message.requestId,
        success: true,
        result: outcome.value,
        ts: encodeTs(engine.ts),
        logLines: outcome.logLines,
      };
    }
    this.deps.logger.log("info", "function.failed", {
      udfPath: message.udfPath,
      error: outcome.message,
    });
    return {
      type: "MutationResponse",
      requestId: message.requestId,
      success: false,
      result: outcome.message,
      logLines: outcome.logLines,
      ...(outcome.errorData !== undefined ? { errorData: outcome.errorData } : {}),
    };
  }

  private async action(
    session: Session,
    message: Extract<ClientMessage, { type: "Action" }>,
  ): Promise<void> {
    const outcome = await callFunction(
      this.deps.engine(),
      session.caller,
      message.udfPath,
      message.args[0] ?? {},
      "action",
      { requestId: this.requestIdOf(session, message.requestId) },
    );
    if (!outcome.ok) {
      this.deps.logger.log("info", "function.failed", {
        udfPath: message.udfPath,
        error: outcome.message,
      });
    }
    session.send(
      outcome.ok
        ? {
            type: "ActionResponse",
            requestId: message.requestId,
            success: true,
            result: outcome.value,
            logLines: outcome.logLines,
          }
        : {
            type: "ActionResponse",
            requestId: message.requestId,
            success: false,
            result: outcome.message,
            logLines: outcome.logLines,
            ...(outcome.errorData !== undefined ? { errorData: outcome.errorData } : {}),
          },
    );
  }
}
