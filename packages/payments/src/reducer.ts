import { actionFor, type EntitlementAction, type RevokeReason } from "./actions";
import type { SellappEvent } from "./event";

/**
 * The entitlement state machine for ONE source (an order or a subscription), as a pure reducer over
 * every stored event of that source. It is order-independent by construction:
 *
 * 1. Events are deduplicated by key (a duplicate changes nothing).
 * 2. They are sorted into one total order: by `occurredAt` (when it happened at Sell.app, not when
 *    it reached us), then by action precedence (link < grant < renew < flag/ignore < renewal_failed <
 *    cancel < revoke), then by key. Any delivery order therefore folds the same sequence.
 * 3. The fold: a revoke (dispute, refund, reversal) is terminal and dominates everything after it
 *    and everything it is compared with; period ends only ever move forward (max); a cancellation
 *    keeps access until the period end it names; a failed renewal gives `graceMs` past the period end; a
 *    later grant or renewal clears a cancellation or a past-due state.
 * 4. With `now`, a lapsed period (or grace) reads as "expired" — the same rule the access gate
 *    applies at read time.
 */

export type EntitlementStatus = "active" | "cancelling" | "past_due" | "revoked" | "expired";

export type ReducerEvent = {
  /** Dedupe key: two events with one key are the same event. */
  key: string;
  action: EntitlementAction;
  /** When it happened (epoch ms); callers fall back to the receipt time when the payload has none. */
  occurredAt: number;
  /** Period end carried by the event (subscriptions), epoch ms. */
  periodEnd?: number;
};

export type ReducerConfig = {
  source: "order" | "subscription";
  /** Access from a one-off order; undefined = until revoked. */
  orderAccessMs?: number;
  /** Period assumed for a subscription payment whose payload carries no period end. */
  subscriptionPeriodMs: number;
  /** Grace after a failed renewal. */
  graceMs: number;
  /** Evaluate lapses at this time; omit to get the state as of the last event. */
  now?: number;
};

export type DerivedEntitlement = {
  status: EntitlementStatus;
  /** Undefined = no end. */
  accessUntil?: number;
  graceUntil?: number;
  revokedAt?: number;
  revokeReason?: RevokeReason;
  paidAt?: number;
  cancelAtPeriodEnd: boolean;
};

export const DEFAULT_SUBSCRIPTION_PERIOD_MS = 30 * 24 * 60 * 60 * 1000;

const PRECEDENCE: Record<EntitlementAction["kind"], number> = {
  link: 0,
  grant: 1,
  renew: 2,
  flag_partial_payment: 3,
  ignore: 3,
  renewal_failed: 4,
  cancel: 5,
  revoke: 6,
};

const REVOKE_STRENGTH: Record<RevokeReason, number> = { dispute: 3, refund: 2, reversal: 1 };

export function compareReducerEvents(a: ReducerEvent, b: ReducerEvent): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt - b.occurredAt;
  const rank = PRECEDENCE[a.action.kind] - PRECEDENCE[b.action.kind];
  if (rank !== 0) return rank;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

type FoldState = {
  paidAt?: number;
  accessUntil?: number; // Infinity = no end
  cancelled: boolean;
  graceUntil?: number;
  revoked?: { at: number; reason: RevokeReason };
};

function periodEndOf(event: ReducerEvent, config: ReducerConfig): number {
  if (config.source === "order") {
    return config.orderAccessMs === undefined ? Infinity : event.occurredAt + config.orderAccessMs;
  }
  return event.periodEnd ?? event.occurredAt + config.subscriptionPeriodMs;
}

function step(state: FoldState, event: ReducerEvent, config: ReducerConfig): FoldState {
  const action = event.action;
  if (action.kind === "revoke") {
    if (state.revoked === undefined)
      return { ...state, revoked: { at: event.occurredAt, reason: action.reason } };
    const stronger = REVOKE_STRENGTH[action.reason] > REVOKE_STRENGTH[state.revoked.reason];
    return stronger
      ? { ...state, revoked: { at: state.revoked.at, reason: action.reason } }
      : state;
  }
  if (state.revoked !== undefined) return state; // terminal
  switch (action.kind) {
    case "grant":
    case "renew":
      return {
        ...state,
        paidAt: Math.min(state.paidAt ?? Infinity, event.occurredAt),
        accessUntil: Math.max(state.accessUntil ?? -Infinity, periodEndOf(event, config)),
        cancelled: false,
        graceUntil: undefined,
      };
    case "cancel":
      // Sell.app's cancellation names the end of the period already paid for; it may be later
      // than any payment we hold (an import reads the last order and the cancelled subscription).
      // It moves the end forward only: with no payment at all, the source still grants nothing.
      return {
        ...state,
        cancelled: true,
        ...(config.source === "subscription" && event.periodEnd !== undefined
          ? { accessUntil: Math.max(state.accessUntil ?? -Infinity, event.periodEnd) }
          : {}),
      };
    case "renewal_failed": {
      const periodEnd = state.accessUntil ?? event.occurredAt;
      if (periodEnd === Infinity) return state;
      return { ...state, graceUntil: Math.max(periodEnd, event.occurredAt) + config.graceMs };
    }
    case "link":
    case "flag_partial_payment":
    case "ignore":
      return state;
  }
}

function finite(value: number | undefined): number | undefined {
  return value === undefined || !Number.isFinite(value) ? undefined : value;
}

/** Derives the entitlement of one source, or null when nothing in it grants or revokes access. */
export function deriveEntitlement(
  events: readonly ReducerEvent[],
  config: ReducerConfig,
): DerivedEntitlement | null {
  const unique = [...new Map(events.map((event) => [event.key, event])).values()];
  unique.sort(compareReducerEvents);
  const state = unique.reduce<FoldState>((acc, event) => step(acc, event, config), {
    cancelled: false,
  });
  const accessUntil = finite(state.accessUntil);
  if (state.revoked !== undefined) {
    return {
      status: "revoked",
      ...(accessUntil === undefined ? {} : { accessUntil }),
      revokedAt: state.revoked.at,
      revokeReason: state.revoked.reason,
      ...(state.paidAt === undefined ? {} : { paidAt: state.paidAt }),
      cancelAtPeriodEnd: state.cancelled,
    };
  }
  if (state.paidAt === undefined) return null;
  const status: EntitlementStatus =
    state.graceUntil !== undefined ? "past_due" : state.cancelled ? "cancelling" : "active";
  const derived: DerivedEntitlement = {
    status,
    ...(accessUntil === undefined ? {} : { accessUntil }),
    ...(state.graceUntil === undefined ? {} : { graceUntil: state.graceUntil }),
    paidAt: state.paidAt,
    cancelAtPeriodEnd: state.cancelled,
  };
  if (config.now !== undefined && hasLapsed(derived, config.now)) derived.status = "expired";
  return derived;
}

/** True once an active/cancelling period or a past-due grace has ended at `now`. */
export function hasLapsed(
  entitlement: Pick<DerivedEntitlement, "status" | "accessUntil" | "graceUntil">,
  now: number,
): boolean {
  switch (entitlement.status) {
    case "active":
    case "cancelling":
      return entitlement.accessUntil !== undefined && entitlement.accessUntil <= now;
    case "past_due":
      return entitlement.graceUntil === undefined || entitlement.graceUntil <= now;
    case "revoked":
    case "expired":
      return false;
  }
}

/** Turns a parsed event into a reducer input; `fallbackTime` is used when the payload has no time. */
export function toReducerEvent(
  event: SellappEvent,
  key: string,
  fallbackTime: number,
): ReducerEvent {
  return {
    key,
    action: actionFor(event),
    occurredAt: event.occurredAt ?? fallbackTime,
    ...(event.periodEnd === undefined ? {} : { periodEnd: event.periodEnd }),
  };
}
