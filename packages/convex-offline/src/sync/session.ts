// One WebSocket connection: its version triple, identity, subscriptions, and an in-order
// queue for incoming messages.
import { type WebSocket } from "ws";
import { type Caller } from "../engine/calls.js";
import { type Identity } from "../engine/engine.js";
import { type ModificationJson, type ServerMessage, encodeTs } from "./protocol.js";
import { type Subscription } from "./querySubscription.js";

export class Session {
  sessionId: string | null = null;
  connectionCount = 0;
  querySetVersion = 0;
  identityVersion = 0;
  lastTs = 0n;
  identity: Identity | null = null;
  isAdmin = false;
  /** Set after a successful MutationResponse; cleared by the next Transition. */
  needsTransition = false;
  closed = false;
  /** Fires when the user token expires (see SyncHub.authenticate). */
  authExpiry: NodeJS.Timeout | null = null;
  readonly subscriptions = new Map<number, Subscription>();
  /** Subscriptions a commit touched since their last re-run (see SyncHub.onCommit). */
  readonly staleSubs = new Set<Subscription>();
  /**
   * Cost (ms) of this socket's share of its last flush; orders the next flush. The last value,
   * not an average: a bot whose queue was long during a burst is cheap again as soon as it drains.
   */
  flushCostMs = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly socket: WebSocket,
    readonly id: number,
  ) {}

  get caller(): Caller {
    return { identity: this.identity, isAdmin: this.isAdmin };
  }

  private callerKeyCache: { identity: Identity | null; isAdmin: boolean; key: string } | null =
    null;

  /** Caller identity as a memo key for sharing evaluations across sockets. */
  get callerKey(): string {
    const cached = this.callerKeyCache;
    if (cached !== null && cached.identity === this.identity && cached.isAdmin === this.isAdmin) {
      return cached.key;
    }
    const key = JSON.stringify([this.isAdmin, this.identity]);
    this.callerKeyCache = { identity: this.identity, isAdmin: this.isAdmin, key };
    return key;
  }

  recordFlushCost(ms: number): void {
    this.flushCostMs = ms;
  }

  enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task, task);
  }

  send(message: ServerMessage): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(JSON.stringify(message));
  }

  /** Sends a Transition from the current version; returns the new version. */
  sendTransition(
    ts: bigint,
    modifications: ModificationJson[],
    next: { querySet?: number; identity?: number } = {},
  ): void {
    const endTs = ts > this.lastTs ? ts : this.lastTs;
    const startVersion = {
      querySet: this.querySetVersion,
      ts: encodeTs(this.lastTs),
      identity: this.identityVersion,
    };
    this.querySetVersion = next.querySet ?? this.querySetVersion;
    this.identityVersion = next.identity ?? this.identityVersion;
    this.lastTs = endTs;
    this.needsTransition = false;
    const endVersion = {
      querySet: this.querySetVersion,
      ts: encodeTs(endTs),
      identity: this.identityVersion,
    };
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    // Modifications arrive serialized (shared across sockets); only the envelope is built here.
    this.socket.send(
      `{"type":"Transition","startVersion":${JSON.stringify(startVersion)},"endVersion":${JSON.stringify(endVersion)},"modifications":[${modifications.join(",")}]}`,
    );
  }
}
