// The tracker's memory: every open track, by signal and by symbol, with what has been saved to
// Convex. A track's stored `state` is this JSON (StoredTrack), so any instance can resume it.
import {
  applyAction,
  applyLevels,
  applyPrice,
  checkClaim,
  isFinal,
  tick,
  type AnalystAction,
  type Claim,
  type ClaimCheck,
  type Levels,
  type PricePoint,
  type TrackRules,
  type TrackState,
} from "@g3/outcomes";
import type { Id } from "./convex-api.js";

export type TrackedClaim = {
  followUpId: Id<"signals">;
  claim: Claim;
  text: string;
  sent?: ClaimCheck;
};
export type StoredTrack = { v: 1; track: TrackState; claims: TrackedClaim[] };

/** The exchange time a live change came from, to measure tick-to-Convex latency. */
export type Cause = { eventTime: number; receivedAt: number };

export type Track = {
  signalId: Id<"signals">;
  symbol: string;
  state: TrackState;
  claims: TrackedClaim[];
  signalVersion: number;
  savedEventCount: number;
  savedCheckedThrough: number;
  savedSignalVersion: number;
  catchingUp: boolean;
  buffered: PricePoint[];
  pendingActions: AnalystAction[];
  pendingEdits: { at: number; levels: Levels }[];
  cause: Cause | undefined;
};

export class TrackBook {
  private readonly bySignal = new Map<Id<"signals">, Track>();
  private readonly bySymbol = new Map<string, Set<Track>>();

  constructor(private readonly rules: TrackRules) {}

  get size(): number {
    return this.bySignal.size;
  }

  symbols(): string[] {
    return [...this.bySymbol.keys()];
  }

  get(signalId: Id<"signals">): Track | undefined {
    return this.bySignal.get(signalId);
  }

  all(): Track[] {
    return [...this.bySignal.values()];
  }

  ofSymbol(symbol: string): Track[] {
    return [...(this.bySymbol.get(symbol) ?? [])];
  }

  add(track: Track): void {
    this.bySignal.set(track.signalId, track);
    let set = this.bySymbol.get(track.symbol);
    if (set === undefined) this.bySymbol.set(track.symbol, (set = new Set()));
    set.add(track);
  }

  remove(track: Track): void {
    this.bySignal.delete(track.signalId);
    const set = this.bySymbol.get(track.symbol);
    set?.delete(track);
    if (set?.size === 0) this.bySymbol.delete(track.symbol);
  }

  clear(): void {
    this.bySignal.clear();
    this.bySymbol.clear();
  }

  /** A live trade: returns whether the track changed in a way worth writing. */
  trade(track: Track, time: number, price: number, cause: Cause): boolean {
    const point = tick(time, price);
    if (track.catchingUp) {
      track.buffered.push(point);
      return false;
    }
    const events = applyPrice(track.state, point, time, this.rules);
    if (events.length === 0) return false;
    track.cause ??= cause;
    return true;
  }

  /** Candles (catch-up), then what arrived meanwhile, then held follow-ups, in time order. */
  catchUp(track: Track, candles: (PricePoint & { end: number })[]): void {
    const items: { at: number; order: number; run: () => void }[] = [
      ...candles.map((c) => ({
        at: c.t,
        order: 1,
        run: () => void applyPrice(track.state, c, c.end, this.rules),
      })),
      ...track.pendingActions.map((a) => ({
        at: a.at,
        order: 0,
        run: () => void applyAction(track.state, a),
      })),
      ...track.pendingEdits.map((e) => ({
        at: e.at,
        order: 0,
        run: () => void applyLevels(track.state, e.at, e.levels),
      })),
    ];
    items.sort((a, b) => a.at - b.at || a.order - b.order);
    for (const item of items) item.run();
    for (const p of track.buffered) applyPrice(track.state, p, p.t, this.rules);
    track.buffered = [];
    track.pendingActions = [];
    track.pendingEdits = [];
    track.catchingUp = false;
  }

  act(track: Track, action: AnalystAction): void {
    if (track.catchingUp) track.pendingActions.push(action);
    else applyAction(track.state, action);
  }

  edit(track: Track, at: number, levels: Levels): void {
    if (track.catchingUp) track.pendingEdits.push({ at, levels });
    else applyLevels(track.state, at, levels);
  }

  /** Claims whose verdict changed since last sent. */
  claimsToSend(track: Track): (TrackedClaim & { check: ClaimCheck })[] {
    const changed = [];
    for (const c of track.claims) {
      const check = checkClaim(track.state, c.claim);
      if (
        c.sent === undefined ||
        c.sent.verdict !== check.verdict ||
        c.sent.detail !== check.detail
      ) {
        changed.push({ ...c, check });
      }
    }
    return changed;
  }

  final(track: Track): boolean {
    return isFinal(track.state);
  }
}

export function serialize(track: Track): string {
  const stored: StoredTrack = { v: 1, track: track.state, claims: track.claims };
  return JSON.stringify(stored);
}

export function deserialize(text: string): StoredTrack | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<StoredTrack>;
    if (parsed.v !== 1 || parsed.track === undefined) return undefined;
    return { v: 1, track: parsed.track, claims: parsed.claims ?? [] };
  } catch {
    return undefined;
  }
}
