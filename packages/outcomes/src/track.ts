// The outcome state machine of one signal. Prices, edits and analyst follow-ups are applied in
// time order; each call mutates the state and returns the events it produced (empty most of the
// time: a tick that changes nothing writes nothing). The rules, also in README.md:
//
// - Entries fill at their written level, never better, in market order (a long's highest entry
//   first). Limit entries fill when the price trades at or through them; breakouts when it trades
//   at or beyond them in the breakout's direction; a market entry at the first price after posting.
// - Within one candle the order is unknowable, so it is pessimistic: fills, then the stop, then
//   targets. Ticks have no such ambiguity.
// - The stop exits everything left at the stop, or worse when the price gapped through it.
// - Each target exits an equal share of the position at the target; the last one exits the rest.
//   No entry fills after the first target.
// - Before any fill: the stop reached first invalidates the signal (stop_before_entry), the first
//   target reached first too (target_before_entry: the move happened without an entry); not
//   filled within the entry window: expired. None of these count in statistics.
// - An open trade is closed at the market after the maximum duration (counted).
// - Analyst follow-ups act at the market price of their time, never at the price they state.
import { averageEntry, remainingShare, resultAt } from "./result.js";
import type {
  AnalystAction,
  Levels,
  OutcomeEvent,
  PricePoint,
  TrackRules,
  TrackState,
} from "./types.js";

export function startTrack(levels: Levels, postedAt: number): TrackState {
  return {
    postedAt,
    levels,
    status: "waiting_entry",
    fills: [],
    plannedEntries: Math.max(1, levels.entries.length),
    entriesClosed: false,
    targetsHit: 0,
    exits: [],
    ...(levels.stop === undefined ? {} : { stop: levels.stop }),
    mfe: 0,
    mae: 0,
    checkedThrough: postedAt,
    events: [],
  };
}

export function isFinal(state: TrackState): boolean {
  return state.status !== "waiting_entry" && state.status !== "in_trade";
}

/** Applies a trade or a candle. `end` is the last millisecond it covers (a trade: its time). */
export function applyPrice(
  state: TrackState,
  point: PricePoint,
  end: number,
  rules: TrackRules,
): OutcomeEvent[] {
  return recorded(state, priceEvents(state, point, end, rules));
}

function priceEvents(
  state: TrackState,
  raw: PricePoint,
  end: number,
  rules: TrackRules,
): OutcomeEvent[] {
  if (isFinal(state) || end <= state.checkedThrough || raw.t < state.postedAt - 60_000) return [];
  const events: OutcomeEvent[] = [];
  const at = Math.max(raw.t, state.postedAt);
  state.checkedThrough = end;
  state.lastPrice = raw.close;
  // A candle that opened before the post covers time when the signal did not exist yet.
  const straddlesPost = raw.t < state.postedAt;
  const point = straddlesPost ? afterPostPart(state.levels.side, raw) : raw;
  const certain = straddlesPost ? closeOnly(raw) : raw;

  if (state.status === "waiting_entry") {
    if (at - state.postedAt > rules.entryWindowMs) {
      return finish(state, events, { type: "expired", at, reason: "not_filled" }, at);
    }
    fillEntries(state, point, at, events);
    if (state.fills.length === 0) {
      const sign = state.levels.side === "long" ? 1 : -1;
      const first = state.levels.targets[0];
      // An invalidation takes the signal out of the record: only a price surely after the post.
      if (state.stop !== undefined && reachedAdverse(state, certain, state.stop)) {
        return finish(
          state,
          events,
          { type: "invalidated", at, price: state.stop, reason: "stop_before_entry" },
          at,
        );
      }
      if (first !== undefined && sign * ((sign === 1 ? certain.high : certain.low) - first) >= 0) {
        return finish(
          state,
          events,
          { type: "invalidated", at, price: first, reason: "target_before_entry" },
          at,
        );
      }
      return events;
    }
  } else if (!state.entriesClosed) {
    fillEntries(state, point, at, events);
  }

  trackExcursion(state, point);
  const firstFill = state.fills[0];
  if (state.stop !== undefined && reachedAdverse(state, point, state.stop)) {
    const long = state.levels.side === "long";
    const price = long ? Math.min(state.stop, point.open) : Math.max(state.stop, point.open);
    state.exits.push({ share: remainingShare(state), price, at });
    return finish(
      state,
      events,
      { type: "stop_hit", at, price, afterTargets: state.targetsHit },
      at,
    );
  }
  const targets = state.levels.targets;
  while (state.targetsHit < targets.length) {
    const target = targets[state.targetsHit];
    if (target === undefined || !reachedFavourable(state, point, target)) break;
    state.targetsHit += 1;
    state.entriesClosed = true;
    const last = state.targetsHit === targets.length;
    const share = last
      ? remainingShare(state)
      : Math.min(remainingShare(state), 1 / targets.length);
    state.exits.push({ share, price: target, at });
    events.push({ type: "target_hit", at, price: target, targetIndex: state.targetsHit });
    if (last) {
      state.status = "targets_done";
      return close(state, events, at);
    }
  }
  if (firstFill !== undefined && at - firstFill.at > rules.maxOpenMs) {
    state.exits.push({ share: remainingShare(state), price: point.close, at });
    return finish(
      state,
      events,
      { type: "expired", at, price: point.close, reason: "max_duration" },
      at,
    );
  }
  return events;
}

/** An edit of the signal: its levels apply from `at`. Fills already made stay made. */
export function applyLevels(state: TrackState, at: number, levels: Levels): OutcomeEvent[] {
  return recorded(state, levelEvents(state, at, levels));
}

function levelEvents(state: TrackState, at: number, levels: Levels): OutcomeEvent[] {
  if (isFinal(state)) return [];
  if (state.status === "waiting_entry") {
    state.levels = levels;
    state.plannedEntries = Math.max(1, levels.entries.length);
    if (levels.stop === undefined) delete state.stop;
    else state.stop = levels.stop;
    return [];
  }
  if (levels.side !== state.levels.side) return []; // a trade in progress cannot change direction
  state.levels = { ...levels, entryType: state.levels.entryType };
  if (levels.stop !== undefined && levels.stop !== state.stop) {
    state.stop = levels.stop;
    return [{ type: "stop_moved", at, stop: levels.stop, by: "edit" }];
  }
  return [];
}

/** A follow-up from the analyst, acting at the last price seen (apply prices up to `at` first). */
export function applyAction(state: TrackState, action: AnalystAction): OutcomeEvent[] {
  return recorded(state, actionEvents(state, action));
}

function actionEvents(state: TrackState, action: AnalystAction): OutcomeEvent[] {
  if (isFinal(state)) return [];
  const events: OutcomeEvent[] = [];
  const { at } = action;
  if (action.kind === "move_stop") {
    const stop = action.breakeven === true ? averageEntry(state) : action.stop;
    if (stop === undefined || stop === state.stop) return [];
    state.stop = stop;
    return [{ type: "stop_moved", at, stop, by: "analyst" }];
  }
  if (state.status === "waiting_entry") {
    if (action.kind === "partial_close") return [];
    return finish(state, events, { type: "cancelled", at, by: "analyst" }, at);
  }
  const price = state.lastPrice;
  if (price === undefined) return [];
  if (action.kind === "partial_close") {
    const share = (remainingShare(state) * Math.min(100, Math.max(0, action.percent))) / 100;
    if (share <= 0) return [];
    state.exits.push({ share, price, at });
    return [{ type: "partial_closed", at, price, percent: action.percent }];
  }
  state.exits.push({ share: remainingShare(state), price, at });
  return finish(state, events, { type: "closed", at, price, by: "analyst" }, at);
}

function fillEntries(
  state: TrackState,
  point: PricePoint,
  at: number,
  events: OutcomeEvent[],
): void {
  const { levels } = state;
  if (levels.entryType === "market" || levels.entries.length === 0) {
    if (state.fills.length > 0) return;
    const price = point.open;
    addFill(state, { entryIndex: 1, price, at }, events);
    return;
  }
  while (state.fills.length < levels.entries.length) {
    const level = levels.entries[state.fills.length];
    if (level === undefined) return;
    const breakout = levels.entryType === "breakout_above" || levels.entryType === "breakout_below";
    const reached = breakout
      ? reachedFavourable(state, point, level)
      : reachedAdverse(state, point, level);
    if (!reached) return;
    addFill(state, { entryIndex: state.fills.length + 1, price: level, at }, events);
  }
}

function addFill(
  state: TrackState,
  fill: TrackState["fills"][number],
  events: OutcomeEvent[],
): void {
  if (state.fills.length === 0) {
    state.status = "in_trade";
    state.plannedEntries = Math.max(1, state.levels.entries.length);
    if (state.stop !== undefined) state.initialStop = state.stop;
  }
  state.fills.push(fill);
  events.push({
    type: "entry_filled",
    at: fill.at,
    price: fill.price,
    entryIndex: fill.entryIndex,
  });
}

/**
 * The part of a candle containing the post time that may count (the post-minute rule, README):
 * its open and its favourable extreme may be the move the analyst posted after, so they are cut
 * back to the close — the minute's last price; its adverse extreme counts (fills at the written
 * level and, after a fill, the stop), so time before the post can make a result worse, never
 * better.
 */
function afterPostPart(side: Levels["side"], c: PricePoint): PricePoint {
  return side === "long"
    ? { t: c.t, open: c.close, high: c.close, low: c.low, close: c.close }
    : { t: c.t, open: c.close, high: c.high, low: c.close, close: c.close };
}

function closeOnly(c: PricePoint): PricePoint {
  return { t: c.t, open: c.close, high: c.close, low: c.close, close: c.close };
}

/** The price went against a long (down to `level`) or a short (up to it). */
function reachedAdverse(state: TrackState, point: PricePoint, level: number): boolean {
  return state.levels.side === "long" ? point.low <= level : point.high >= level;
}

function reachedFavourable(state: TrackState, point: PricePoint, level: number): boolean {
  return state.levels.side === "long" ? point.high >= level : point.low <= level;
}

function trackExcursion(state: TrackState, point: PricePoint): void {
  const average = averageEntry(state);
  if (average === undefined) return;
  const long = state.levels.side === "long";
  const favourable = long ? (point.high - average) / average : (average - point.low) / average;
  const adverse = long ? (average - point.low) / average : (point.high - average) / average;
  state.mfe = Math.max(state.mfe, favourable);
  state.mae = Math.max(state.mae, adverse);
}

function finish(
  state: TrackState,
  events: OutcomeEvent[],
  event: OutcomeEvent,
  at: number,
): OutcomeEvent[] {
  events.push(event);
  state.status =
    event.type === "stop_hit"
      ? "stopped"
      : event.type === "closed"
        ? "closed_by_analyst"
        : event.type === "expired"
          ? "expired"
          : event.type === "invalidated"
            ? "invalidated"
            : event.type === "cancelled"
              ? "cancelled"
              : state.status;
  return close(state, events, at);
}

function close(state: TrackState, events: OutcomeEvent[], at: number): OutcomeEvent[] {
  state.closedAt = at;
  const result = resultAt(state);
  if (result !== undefined) state.result = result;
  return events;
}

/** Every event lands in the state's history exactly once, in order. */
function recorded(state: TrackState, events: OutcomeEvent[]): OutcomeEvent[] {
  state.events.push(...events);
  return events;
}
