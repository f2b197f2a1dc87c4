import { v } from "convex/values";
import { acquireLease, releaseLease, requireLease } from "./model/outcomes/trackerLease";
import {
  MAX_TRACKER_BATCH,
  vNewSignal,
  vOpenTrack,
  vSignalDetail,
  vTrackStart,
  vTrackUpdate,
} from "./model/outcomes/trackerValidators";
import {
  applyUpdate,
  editedAfter,
  newSignalsAfter,
  openTracks as listOpenTracks,
  outcomeOf,
  signalDetail,
  startTrack,
} from "./model/outcomes/trackerWork";
import { serviceMutation, serviceQuery } from "./functions";
import { scheduleRollupRefresh } from "./model/outcomes/outcomeRollups";
import { appError } from "./model/shared/errors";

// The tracker's Convex surface (apps/tracker). Every function is public (the tracker is not a
// Convex user) and checks CONVEX_SERVICE_SECRET first; writes also need the tracker lease.

function requireBatch(count: number, what: string): void {
  if (count > MAX_TRACKER_BATCH) {
    throw appError("BAD_REQUEST", `At most ${MAX_TRACKER_BATCH} ${what} per call.`);
  }
}

export const acquire = serviceMutation({
  args: { owner: v.string(), leaseMs: v.number() },
  returns: v.object({ held: v.boolean(), expiresAt: v.number(), cursor: v.number() }),
  handler: async (ctx, { owner, leaseMs }) => {
    return acquireLease(ctx, owner, Math.min(Math.max(leaseMs, 5_000), 300_000));
  },
});

export const release = serviceMutation({
  args: { owner: v.string() },
  returns: v.null(),
  handler: async (ctx, { owner }) => {
    await releaseLease(ctx, owner);
    return null;
  },
});

/** Signals ingested after the cursor, oldest first. The tracker subscribes to it (live). */
export const newSignals = serviceQuery({
  args: { after: v.number() },
  returns: v.array(vNewSignal),
  handler: async (ctx, { after }) => {
    return newSignalsAfter(ctx, after, MAX_TRACKER_BATCH);
  },
});

/**
 * Signals edited after `after`. The tracker subscribes to it (live) rather than to its open
 * tracks: its own writes never invalidate this one.
 */
export const editedSignals = serviceQuery({
  args: { after: v.number() },
  returns: v.array(
    v.object({ signalId: v.id("signals"), version: v.number(), editedAt: v.number() }),
  ),
  handler: async (ctx, { after }) => {
    return editedAfter(ctx, after, MAX_TRACKER_BATCH);
  },
});

/** Open tracks with the signal's current version (an edit shows as a version ahead), read once when the tracker takes the lease. */
export const openTracks = serviceQuery({
  args: {},
  returns: v.array(vOpenTrack),
  handler: async (ctx) => {
    return listOpenTracks(ctx);
  },
});

export const signalDetails = serviceQuery({
  args: { signalIds: v.array(v.id("signals")) },
  returns: v.array(vSignalDetail),
  handler: async (ctx, { signalIds }) => {
    requireBatch(signalIds.length, "signals");
    const details = [];
    for (const id of signalIds) {
      const detail = await signalDetail(ctx, id);
      if (detail !== null) details.push(detail);
    }
    return details;
  },
});

/** The stored states to resume from (after a restart or a lease change). */
export const trackStates = serviceQuery({
  args: { signalIds: v.array(v.id("signals")) },
  returns: v.array(
    v.object({
      signalId: v.id("signals"),
      state: v.string(),
      eventCount: v.number(),
      signalVersion: v.number(),
    }),
  ),
  handler: async (ctx, { signalIds }) => {
    requireBatch(signalIds.length, "signals");
    const states = [];
    for (const id of signalIds) {
      const row = await outcomeOf(ctx, id);
      if (row !== null) {
        states.push({
          signalId: id,
          state: row.state,
          eventCount: row.eventCount,
          signalVersion: row.signalVersion,
        });
      }
    }
    return states;
  },
});

/** New tracks, and the discovery cursor moved past everything looked at (tracked or not). */
export const discovered = serviceMutation({
  args: {
    owner: v.string(),
    cursor: v.number(),
    started: v.array(v.object({ start: vTrackStart, state: v.string() })),
  },
  returns: v.null(),
  handler: async (ctx, { owner, cursor, started }) => {
    requireBatch(started.length, "tracks");
    const lease = await requireLease(ctx, owner);
    for (const { start, state } of started) await startTrack(ctx, start, state);
    if (cursor > lease.cursor) await ctx.db.patch("trackerLeases", lease._id, { cursor });
    return null;
  },
});

/** State changes of tracks: outcome events, claims checked, the resume point. One call per batch. */
export const recordProgress = serviceMutation({
  args: { owner: v.string(), updates: v.array(vTrackUpdate) },
  returns: v.object({ applied: v.number() }),
  handler: async (ctx, { owner, updates }) => {
    requireBatch(updates.length, "updates");
    await requireLease(ctx, owner);
    let applied = 0;
    const closedTradePlaces = [];
    for (const update of updates) {
      const places = await applyUpdate(ctx, update);
      if (places === null) continue;
      applied++;
      closedTradePlaces.push(...places);
    }
    // The statistics of the trades this batch closed (or reopened) are rebuilt right after it,
    // in their own mutation: this write stays as cheap as one that closes nothing.
    await scheduleRollupRefresh(ctx, closedTradePlaces);
    return { applied };
  },
});
