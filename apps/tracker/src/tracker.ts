// The tracker: holds the lease, discovers new signals, resumes open tracks, follows their symbols
// on the live trade stream, catches up from klines whenever trades may have been missed (start,
// reconnect, a quiet symbol), and writes outcome changes to Convex. Discord-free.
import type { TrackRules } from "@g3/outcomes";
import type { ConvexClient, ConvexHttpClient } from "convex/browser";
import { api, type Id } from "./convex-api.js";
import { followUpEffects } from "./follow-ups.js";
import type { Logger } from "./logger.js";
import type { KlinesClient } from "./market/klines-client.js";
import { TradeStream, type TradeStreamOptions } from "./market/trade-stream.js";
import { ProgressWriter } from "./progress-writer.js";
import { deserialize, TrackBook, type Track } from "./track-book.js";
import { editsAfter, planTrack, type Revision } from "./track-setup.js";

const CHUNK = 100;
const CLAIM_RECHECK_MS = 5_000;
const CHECKPOINT_EVERY_MS = 60_000;
const CHECKPOINT_AFTER_MS = 10 * 60_000;
const CATCH_UP_CONCURRENCY = 6;
/** Edits made just before the lease was taken are also in the open-tracks read; overlap is harmless. */
const EDIT_LOOKBACK_MS = 60_000;

type Detail = {
  signalId: Id<"signals">;
  sourceAt: number;
  version: number;
  parentSignalId?: Id<"signals">;
  revisions: Revision[];
};

export type TrackerOptions = {
  convex: ConvexClient;
  /** For progress writes (see ProgressWriter). */
  writes: ConvexHttpClient;
  secret: string;
  owner: string;
  klines: KlinesClient;
  stream: Omit<TradeStreamOptions, never>;
  rules: TrackRules;
  leaseMs: number;
  logger: Logger;
};

export class Tracker {
  readonly book: TrackBook;
  readonly writer: ProgressWriter;
  readonly stream: TradeStream;
  active = false;
  private cursor = 0;
  private editedAfter = 0;
  private unsubscribeEdits: (() => void) | undefined;
  tracksStarted = 0;
  private serial: Promise<void> = Promise.resolve();
  private unsubscribers: (() => void)[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private leaseTimer: NodeJS.Timeout | undefined;
  private readonly catchUpQueue = new Set<string>();
  private catchUpsRunning = 0;
  private readonly resuming = new Set<Id<"signals">>();
  private readonly orphanFollowUps = new Map<Id<"signals">, Detail[]>();
  private stopped = false;
  catchUps = 0;
  private readonly startedAt = Date.now();
  /** The newest trade received: its market time and how late it arrived (the health panel). */
  private lastTrade: { at: number; lagMs: number } | undefined;

  constructor(private readonly o: TrackerOptions) {
    this.book = new TrackBook(o.rules);
    this.writer = new ProgressWriter(o.writes, o.secret, o.owner, this.book, o.logger, () => {
      void this.deactivate("lease lost");
    });
    this.stream = new TradeStream(o.stream, {
      trade: (trade) => {
        if (this.lastTrade === undefined || trade.time >= this.lastTrade.at) {
          this.lastTrade = { at: trade.time, lagMs: Math.max(0, Date.now() - trade.time) };
        }
        for (const track of this.book.ofSymbol(trade.symbol)) {
          if (this.book.trade(track, trade.time, trade.price, trade)) this.writer.mark(track);
        }
      },
      gap: (symbols) => {
        for (const symbol of symbols) this.requestCatchUp(symbol);
      },
      connected: () => o.logger.info({ event: "market.connected" }, "market stream connected"),
      disconnected: (reason) =>
        o.logger.warn({ event: "market.disconnected", reason }, "market stream dropped"),
    });
  }

  async start(): Promise<void> {
    await this.renewLease();
    this.leaseTimer = setInterval(() => void this.renewLease(), Math.floor(this.o.leaseMs / 3));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.leaseTimer);
    await this.deactivate("stopping");
    await this.o.convex
      .mutation(api.tracker.release, { secret: this.o.secret, owner: this.o.owner })
      .catch(() => undefined);
  }

  /** Everything discovered so far is processed and written (tests and the bench wait on it). */
  async settled(): Promise<void> {
    await this.serial;
    await this.writer.idle();
  }

  private async renewLease(): Promise<void> {
    if (this.stopped) return;
    try {
      const lease = await this.o.convex.mutation(api.tracker.acquire, {
        secret: this.o.secret,
        owner: this.o.owner,
        leaseMs: this.o.leaseMs,
      });
      if (lease.held && !this.active) this.activate(lease.cursor);
      if (!lease.held && this.active) await this.deactivate("lease held by another instance");
      await this.reportHealth().catch((error: unknown) =>
        this.o.logger.warn(
          { event: "tracker.heartbeat_failed", error: String(error) },
          "heartbeat failed",
        ),
      );
    } catch (error) {
      this.o.logger.warn(
        { event: "tracker.lease_failed", error: String(error) },
        "lease renewal failed",
      );
    }
  }

  /** The heartbeat the admin health panel shows, sent with each lease renewal. */
  private async reportHealth(): Promise<void> {
    await this.o.writes.mutation(api.trackerHealth.report, {
      secret: this.o.secret,
      instanceId: this.o.owner,
      startedAt: this.startedAt,
      active: this.active,
      ...(this.lastTrade === undefined
        ? {}
        : { lastTradeAt: this.lastTrade.at, lagMs: this.lastTrade.lagMs }),
      symbols: this.book.symbols().length,
      openTracks: this.book.size,
    });
  }

  private activate(cursor: number): void {
    this.active = true;
    this.cursor = cursor;
    this.o.logger.info({ event: "tracker.active", cursor }, "holding the lease: tracking");
    this.stream.start();
    const { convex, secret } = this.o;
    // Open tracks are read once: only the lease holder creates or closes them, so after this
    // every change is its own. Edits come from their own subscription, which our writes never
    // invalidate (a subscription on the open tracks would re-run on every write).
    this.editedAfter = Date.now() - EDIT_LOOKBACK_MS;
    this.enqueue(async () =>
      this.onOpenTracks(await convex.query(api.tracker.openTracks, { secret })),
    );
    this.subscribeEdits();
    this.subscribeNewSignals();
    this.timers.push(setInterval(() => this.recheckClaims(), CLAIM_RECHECK_MS));
    this.timers.push(setInterval(() => this.checkpoint(), CHECKPOINT_EVERY_MS));
  }

  private async deactivate(reason: string): Promise<void> {
    if (!this.active) return;
    this.active = false;
    this.o.logger.warn({ event: "tracker.inactive", reason }, "not tracking");
    for (const u of this.unsubscribers) u();
    this.unsubscribers = [];
    this.unsubscribeEdits?.();
    this.unsubscribeEdits = undefined;
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
    await this.stream.stop();
    if (reason === "stopping") await this.writer.idle().catch(() => undefined);
    this.writer.forget();
    this.book.clear();
  }

  private enqueue(work: () => Promise<void>): void {
    this.serial = this.serial.then(work).catch((error: unknown) => {
      this.o.logger.error(
        { event: "tracker.work_failed", error: String(error) },
        "tracker work failed",
      );
    });
  }

  private subscribeNewSignals(): void {
    const { convex, secret } = this.o;
    const after = this.cursor;
    const unsubscribe = convex.onUpdate(api.tracker.newSignals, { secret, after }, (rows) => {
      if (rows.length > 0) this.enqueue(() => this.onNewSignals(after, rows));
    });
    this.unsubscribers.push(unsubscribe);
  }

  private subscribeEdits(): void {
    const { convex, secret } = this.o;
    const after = this.editedAfter;
    this.unsubscribeEdits?.();
    this.unsubscribeEdits = convex.onUpdate(
      api.tracker.editedSignals,
      { secret, after },
      (rows) => {
        if (rows.length > 0) this.enqueue(() => this.onEdited(after, rows));
      },
    );
  }

  private async onEdited(
    after: number,
    rows: { signalId: Id<"signals">; version: number; editedAt: number }[],
  ): Promise<void> {
    if (!this.active || after !== this.editedAfter) return;
    const edited = rows.filter((r) => {
      const track = this.book.get(r.signalId);
      return track !== undefined && r.version > track.signalVersion;
    });
    await this.applyEdits(edited.map((r) => r.signalId));
    this.editedAfter = Math.max(after, ...rows.map((r) => r.editedAt));
    this.subscribeEdits();
  }

  private async applyEdits(ids: Id<"signals">[]): Promise<void> {
    if (ids.length === 0) return;
    for (const detail of await this.details(ids)) {
      const track = this.book.get(detail.signalId);
      if (track === undefined || detail.version <= track.signalVersion) continue;
      const newer = detail.revisions.filter((r) => r.version > track.signalVersion);
      for (const e of editsAfter(newer, track.symbol)) this.book.edit(track, e.at, e.levels);
      track.signalVersion = detail.version;
      this.writer.mark(track);
    }
  }

  private async onNewSignals(
    after: number,
    rows: {
      signalId: Id<"signals">;
      creationTime: number;
      kind: string;
      parentSignalId?: Id<"signals">;
    }[],
  ): Promise<void> {
    if (!this.active || after !== this.cursor) return; // an older subscription's late result
    const last = rows[rows.length - 1];
    if (last === undefined) return;
    const ids = rows
      .filter((r) => r.kind === "signal" || r.parentSignalId !== undefined)
      .map((r) => r.signalId);
    const details = await this.details(ids);
    const started = [];
    const fresh: Track[] = [];
    for (const detail of details) {
      if (detail.parentSignalId !== undefined && detail.revisions[0]?.parsed.kind !== "signal")
        continue;
      if (this.book.get(detail.signalId) !== undefined) continue;
      const plan = planTrack(detail.revisions, detail.version);
      if (plan === undefined) continue;
      const track = this.newTrack(detail.signalId, plan.symbol, plan.state, detail.version, 0);
      track.pendingEdits.push(...plan.edits);
      fresh.push(track);
      started.push({
        start: {
          signalId: detail.signalId,
          marketSymbol: plan.symbol,
          postedAt: plan.state.postedAt,
          signalVersion: detail.version,
        },
        state: JSON.stringify({ v: 1, track: plan.state, claims: [] }),
      });
    }
    for (let i = 0; i < Math.max(1, started.length); i += CHUNK) {
      await this.o.convex.mutation(api.tracker.discovered, {
        secret: this.o.secret,
        owner: this.o.owner,
        cursor: last.creationTime,
        started: started.slice(i, i + CHUNK),
      });
    }
    for (const track of fresh) this.book.add(track);
    this.tracksStarted += fresh.length;
    this.stream.setSymbols(this.book.symbols());
    for (const track of fresh) this.requestCatchUp(track.symbol);
    for (const detail of details)
      if (detail.parentSignalId !== undefined) await this.followUp(detail);
    // Move the subscription past what was just handled.
    this.cursor = last.creationTime;
    const previous = this.unsubscribers.pop();
    previous?.();
    this.subscribeNewSignals();
  }

  private async followUp(detail: Detail): Promise<void> {
    const parentId = detail.parentSignalId;
    const parsed = detail.revisions[detail.revisions.length - 1]?.parsed;
    if (
      parentId === undefined ||
      parsed === undefined ||
      parsed.kind === "signal" ||
      parsed.kind === "note"
    )
      return;
    const track = this.book.get(parentId);
    if (track === undefined) {
      if (this.resuming.has(parentId)) {
        this.orphanFollowUps.set(parentId, [...(this.orphanFollowUps.get(parentId) ?? []), detail]);
        return;
      }
      await this.claimOnStored(parentId, detail);
      return;
    }
    this.applyFollowUp(track, detail);
  }

  private applyFollowUp(track: Track, detail: Detail): void {
    const parsed = detail.revisions[detail.revisions.length - 1]?.parsed;
    if (parsed === undefined) return;
    const effects = followUpEffects(parsed, detail.sourceAt);
    if (effects.action !== undefined) this.book.act(track, effects.action);
    if (
      effects.claim !== undefined &&
      !track.claims.some((c) => c.followUpId === detail.signalId)
    ) {
      track.claims.push({ followUpId: detail.signalId, ...effects.claim });
    }
    this.writer.mark(track);
  }

  /** A claim about a track no longer open (or stored by another run): check it on the stored state. */
  private async claimOnStored(parentId: Id<"signals">, detail: Detail): Promise<void> {
    const [row] = await this.o.convex.query(api.tracker.trackStates, {
      secret: this.o.secret,
      signalIds: [parentId],
    });
    const stored = row === undefined ? undefined : deserialize(row.state);
    if (row === undefined || stored === undefined) return;
    const track = this.newTrack(parentId, "", stored.track, row.signalVersion, row.eventCount);
    track.claims = stored.claims;
    track.catchingUp = false;
    this.applyFollowUp(track, detail);
  }

  private async onOpenTracks(
    open: {
      signalId: Id<"signals">;
      marketSymbol: string;
      signalVersion: number;
      currentVersion: number;
    }[],
  ): Promise<void> {
    if (!this.active) return;
    const toResume = open.filter(
      (o) => this.book.get(o.signalId) === undefined && !this.resuming.has(o.signalId),
    );
    const edited = open.filter((o) => {
      const t = this.book.get(o.signalId);
      return t !== undefined && o.currentVersion > t.signalVersion;
    });
    for (let i = 0; i < toResume.length; i += CHUNK) {
      const chunk = toResume.slice(i, i + CHUNK);
      for (const o of chunk) this.resuming.add(o.signalId);
      const rows = await this.o.convex.query(api.tracker.trackStates, {
        secret: this.o.secret,
        signalIds: chunk.map((o) => o.signalId),
      });
      for (const row of rows) {
        const stored = deserialize(row.state);
        const meta = chunk.find((o) => o.signalId === row.signalId);
        this.resuming.delete(row.signalId);
        if (stored === undefined || meta === undefined) continue;
        const track = this.newTrack(
          row.signalId,
          meta.marketSymbol,
          stored.track,
          row.signalVersion,
          row.eventCount,
        );
        track.claims = stored.claims;
        this.book.add(track);
        for (const detail of this.orphanFollowUps.get(row.signalId) ?? [])
          this.applyFollowUp(track, detail);
        this.orphanFollowUps.delete(row.signalId);
        if (meta.currentVersion > row.signalVersion) edited.push(meta);
      }
      for (const o of chunk) this.resuming.delete(o.signalId);
    }
    if (toResume.length > 0) {
      this.stream.setSymbols(this.book.symbols());
      for (const symbol of new Set(toResume.map((o) => o.marketSymbol)))
        this.requestCatchUp(symbol);
    }
    await this.applyEdits(edited.map((o) => o.signalId));
  }

  private newTrack(
    signalId: Id<"signals">,
    symbol: string,
    state: Track["state"],
    signalVersion: number,
    savedEventCount: number,
  ): Track {
    return {
      signalId,
      symbol,
      state,
      claims: [],
      signalVersion,
      savedEventCount,
      savedCheckedThrough: state.checkedThrough,
      savedSignalVersion: signalVersion,
      catchingUp: true,
      buffered: [],
      pendingActions: [],
      pendingEdits: [],
      cause: undefined,
    };
  }

  private async details(ids: Id<"signals">[]): Promise<Detail[]> {
    const out: Detail[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.o.convex.query(api.tracker.signalDetails, {
        secret: this.o.secret,
        signalIds: ids.slice(i, i + CHUNK),
      });
      out.push(...rows);
    }
    return out;
  }

  private requestCatchUp(symbol: string): void {
    for (const track of this.book.ofSymbol(symbol)) track.catchingUp = true;
    this.catchUpQueue.add(symbol);
    this.pumpCatchUps();
  }

  private pumpCatchUps(): void {
    while (this.catchUpsRunning < CATCH_UP_CONCURRENCY && this.catchUpQueue.size > 0) {
      const symbol = this.catchUpQueue.values().next().value;
      if (symbol === undefined) return;
      this.catchUpQueue.delete(symbol);
      this.catchUpsRunning++;
      void this.catchUp(symbol).finally(() => {
        this.catchUpsRunning--;
        this.pumpCatchUps();
      });
    }
  }

  /** Klines since the oldest track's checked time, applied to every track of the symbol. */
  private async catchUp(symbol: string): Promise<void> {
    const tracks = this.book.ofSymbol(symbol).filter((t) => t.catchingUp);
    if (tracks.length === 0 || !this.active) return;
    const from = Math.min(...tracks.map((t) => t.state.checkedThrough));
    try {
      const candles = await this.o.klines.minuteCandles(symbol, from, Date.now());
      this.catchUps++;
      for (const track of tracks) {
        if (this.book.get(track.signalId) !== track) continue;
        this.book.catchUp(track, candles);
        this.writer.mark(track);
      }
    } catch (error) {
      this.o.logger.warn(
        { event: "tracker.catch_up_failed", symbol, error: String(error) },
        "catch-up failed; retrying",
      );
      setTimeout(() => this.requestCatchUp(symbol), 2_000).unref();
    }
  }

  private recheckClaims(): void {
    for (const track of this.book.all()) {
      if (track.claims.length > 0 && this.book.claimsToSend(track).length > 0)
        this.writer.mark(track);
    }
  }

  private checkpoint(): void {
    for (const track of this.book.all()) {
      if (track.state.checkedThrough - track.savedCheckedThrough > CHECKPOINT_AFTER_MS)
        this.writer.mark(track);
    }
  }
}
