// Writes tracks' state changes to Convex. Changes are batched: every track changed while the
// writes in flight run goes into the next one (so a burst of ticks across 150 symbols costs a few
// mutations, not hundreds). Up to MAX_WRITES_IN_FLIGHT writes run at once, each with tracks no
// other write in flight holds: a change to one track is not queued behind another track's write.
// Events carry their sequence number, so a retried batch adds nothing.
import { resultAt, type OutcomeEvent } from "@g3/outcomes";
import type { ConvexHttpClient } from "convex/browser";
import { isAppError } from "../../../convex/model/shared/errors.js";
import { api } from "./convex-api.js";
import type { Logger } from "./logger.js";
import { serialize, type Track, type TrackBook } from "./track-book.js";

const MAX_BATCH = 100;
/**
 * Why several writes may run at once, and why a track is in at most one of them:
 * - An update carries its track's whole state (status, stored state, resume point, result) and
 *   overwrites the row, so two writes of one track landing out of order would put an older state
 *   over a newer one. A track's next write waits until its write in flight has landed.
 * - Writes of different tracks commute: each touches its own outcome row, events and claims
 *   (a claim belongs to one parent track) and its own closed-trade row; the lease row is only
 *   read; the statistics rollups are rebuilt from the trades by a job the close schedules, not
 *   in this mutation, so two closes on one day do not conflict on them.
 * - Small, so bursts are still batched: when every slot is busy, changes collect for the next.
 */
export const MAX_WRITES_IN_FLIGHT = 3;

type EventRow = {
  seq: number;
  type: OutcomeEvent["type"];
  at: number;
  price?: number;
  index?: number;
  detail?: string;
};

export function eventRow(event: OutcomeEvent, seq: number): EventRow {
  const base = { seq, type: event.type, at: event.at };
  switch (event.type) {
    case "entry_filled":
      return { ...base, price: event.price, index: event.entryIndex };
    case "target_hit":
      return { ...base, price: event.price, index: event.targetIndex };
    case "stop_hit":
      return { ...base, price: event.price, detail: `after ${event.afterTargets} target(s)` };
    case "invalidated":
      return { ...base, price: event.price, detail: event.reason };
    case "expired":
      return {
        ...base,
        ...(event.price === undefined ? {} : { price: event.price }),
        detail: event.reason,
      };
    case "closed":
      return { ...base, price: event.price, detail: `by ${event.by}` };
    case "partial_closed":
      return { ...base, price: event.price, detail: `${event.percent}%` };
    case "stop_moved":
      return { ...base, price: event.stop, detail: `by ${event.by}` };
    case "cancelled":
      return { ...base, detail: `by ${event.by}` };
  }
}

export class ProgressWriter {
  private readonly dirty = new Set<Track>();
  private readonly flights = new Set<Promise<void>>();
  /** Signals in a write in flight: their next change waits for it (see MAX_WRITES_IN_FLIGHT). */
  private readonly writing = new Set<string>();
  /** Tick-to-Convex latencies (ms) of live changes, newest last; the bench and health read them. */
  readonly latencies: number[] = [];
  /** The same changes split: market event → received, received → write sent, write → committed. */
  readonly breakdown = {
    received: [] as number[],
    queued: [] as number[],
    committed: [] as number[],
  };
  writes = 0;

  constructor(
    /**
     * Writes go over HTTP: the answer comes when the mutation is committed. (The WebSocket
     * client resolves a mutation only once its subscriptions have caught up with it, which
     * would add every re-run query's time to each write.)
     */
    private readonly convex: ConvexHttpClient,
    private readonly secret: string,
    private readonly owner: string,
    private readonly book: TrackBook,
    private readonly logger: Logger,
    private readonly onLeaseLost: () => void,
  ) {}

  mark(track: Track): void {
    this.dirty.add(track);
    this.pump();
  }

  /** Resolves when everything marked so far is written (or failed and logged). */
  async idle(): Promise<void> {
    while (this.flights.size > 0) await Promise.all([...this.flights]);
  }

  forget(): void {
    this.dirty.clear();
  }

  /** Starts writes while a slot is free and some changed track is not already being written. */
  private pump(): void {
    while (this.flights.size < MAX_WRITES_IN_FLIGHT) {
      const batch = this.nextBatch();
      if (batch.length === 0) return;
      const flight: Promise<void> = this.write(batch).finally(() => {
        for (const t of batch) this.writing.delete(t.signalId);
        this.flights.delete(flight);
        this.pump();
      });
      this.flights.add(flight);
    }
  }

  private nextBatch(): Track[] {
    const batch: Track[] = [];
    for (const track of this.dirty) {
      if (batch.length === MAX_BATCH) break;
      if (this.writing.has(track.signalId)) continue;
      this.writing.add(track.signalId);
      this.dirty.delete(track);
      batch.push(track);
    }
    return batch;
  }

  private async write(batch: Track[]): Promise<void> {
    const sent = batch.map((track) => {
      const events = track.state.events.slice(track.savedEventCount);
      const claims = this.book.claimsToSend(track);
      return { track, events, claims, cause: track.cause, eventCount: track.state.events.length };
    });
    const updates = sent.map(({ track, events, claims }) => ({
      signalId: track.signalId,
      signalVersion: track.signalVersion,
      status: track.state.status,
      state: serialize(track),
      checkedThrough: track.state.checkedThrough,
      targetsHit: track.state.targetsHit,
      ...(track.state.result === undefined ? {} : { result: track.state.result }),
      ...(track.state.closedAt === undefined ? {} : { closedAt: track.state.closedAt }),
      ...openMark(track),
      events: events.map((e, i) => eventRow(e, track.savedEventCount + i)),
      claims: claims.map((c) => ({
        followUpId: c.followUpId,
        claimAt: c.claim.at,
        claim: c.text,
        verdict: c.check.verdict,
        detail: c.check.detail,
      })),
    }));
    const sentAt = Date.now();
    try {
      await this.convex.mutation(api.tracker.recordProgress, {
        secret: this.secret,
        owner: this.owner,
        updates,
      });
      this.writes++;
      const now = Date.now();
      for (const { track, claims, cause, eventCount } of sent) {
        track.savedEventCount = Math.max(track.savedEventCount, eventCount);
        track.savedCheckedThrough = track.state.checkedThrough;
        track.savedSignalVersion = track.signalVersion;
        for (const c of claims) {
          const stored = track.claims.find((x) => x.followUpId === c.followUpId);
          if (stored !== undefined) stored.sent = c.check;
        }
        if (cause !== undefined && track.cause === cause) {
          this.latencies.push(now - cause.eventTime);
          this.breakdown.received.push(cause.receivedAt - cause.eventTime);
          this.breakdown.queued.push(sentAt - cause.receivedAt);
          this.breakdown.committed.push(now - sentAt);
          for (const list of [this.latencies, ...Object.values(this.breakdown)]) {
            if (list.length > 10_000) list.splice(0, list.length - 10_000);
          }
          track.cause = undefined;
        }
        if (this.book.final(track) && track.savedEventCount === track.state.events.length)
          this.book.remove(track);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isAppError(error, "LEASE_LOST")) {
        this.logger.warn({ event: "tracker.lease_lost" }, "lost the tracker lease while writing");
        this.onLeaseLost();
        return;
      }
      this.logger.error(
        { event: "tracker.write_failed", error: message, tracks: batch.length },
        "progress write failed; retrying",
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const { track } of sent) this.dirty.add(track);
    }
  }
}

/**
 * An open trade's P&L at the last price seen, sent with the write a state change makes anyway:
 * the card's "in trade" figure moves at fills, targets, stop moves and checkpoints, never per tick.
 */
function openMark(track: Track) {
  const { state } = track;
  if (state.status !== "in_trade" || state.lastPrice === undefined) return {};
  const openResult = resultAt(state, state.lastPrice);
  return openResult === undefined ? {} : { openResult, markPrice: state.lastPrice };
}
