import { v, type Infer } from "convex/values";
import { vParsedSignal, vSignalKind } from "../../tables/signals";
import {
  vClaimVerdict,
  vOutcomeEventType,
  vOutcomeResult,
  vTrackStatus,
} from "../../tables/outcomes";

/** Bounds of one tracker call (a batch must stay well inside Convex's transaction limits). */
export const MAX_TRACKER_BATCH = 100;
export const MAX_STATE_CHARS = 64_000;
export const MAX_OPEN_TRACKS = 2_000;

export const vNewSignal = v.object({
  signalId: v.id("signals"),
  creationTime: v.number(),
  kind: vSignalKind,
  parentSignalId: v.optional(v.id("signals")),
});

export const vSignalDetail = v.object({
  signalId: v.id("signals"),
  tierKey: v.string(),
  sourceChannelId: v.string(),
  sourceAt: v.number(),
  version: v.number(),
  deletedAt: v.optional(v.number()),
  parentSignalId: v.optional(v.id("signals")),
  /** Versions in order with the reading shown to customers (an admin correction wins). */
  revisions: v.array(
    v.object({
      version: v.number(),
      at: v.number(),
      change: v.union(v.literal("create"), v.literal("edit"), v.literal("delete")),
      parsed: vParsedSignal,
    }),
  ),
});

export const vOpenTrack = v.object({
  signalId: v.id("signals"),
  marketSymbol: v.string(),
  status: vTrackStatus,
  signalVersion: v.number(),
  currentVersion: v.number(),
});

export const vTrackStart = v.object({
  signalId: v.id("signals"),
  marketSymbol: v.string(),
  postedAt: v.number(),
  signalVersion: v.number(),
});

export const vOutcomeEvent = v.object({
  seq: v.number(),
  type: vOutcomeEventType,
  at: v.number(),
  price: v.optional(v.number()),
  index: v.optional(v.number()),
  detail: v.optional(v.string()),
});

export const vClaimCheck = v.object({
  followUpId: v.id("signals"),
  claimAt: v.number(),
  claim: v.string(),
  verdict: vClaimVerdict,
  detail: v.string(),
});

export const vTrackUpdate = v.object({
  signalId: v.id("signals"),
  signalVersion: v.number(),
  status: vTrackStatus,
  state: v.string(),
  checkedThrough: v.number(),
  targetsHit: v.number(),
  result: v.optional(vOutcomeResult),
  /** An open trade: P&L marked at the last price seen when this change was written. */
  openResult: v.optional(vOutcomeResult),
  markPrice: v.optional(v.number()),
  closedAt: v.optional(v.number()),
  /** Events from `seq` = the row's eventCount on; older ones are ignored (idempotent retries). */
  events: v.array(vOutcomeEvent),
  claims: v.array(vClaimCheck),
});

export type TrackUpdate = Infer<typeof vTrackUpdate>;
export type TrackStart = Infer<typeof vTrackStart>;
