import { ConvexError, v } from "convex/values";
import { mutation, query } from "./_generated/server";
import { requireService } from "./model/service";
import { acquireLease, releaseLease, requireLease } from "./model/trackerLease";
import {
  MAX_TRACKER_BATCH,
  vNewSignal,
  vOpenTrack,
  vSignalDetail,
  vTrackStart,
  vTrackUpdate,
} from "./model/trackerValidators";
import {
  applyUpdate,
  editedAfter,
  newSignalsAfter,
  openTracks as listOpenTracks,
  outcomeOf,
  signalDetail,
  startTrack,
} from "./model/trackerWork";

// The tracker's Convex surface (apps/tracker). Every function is public (the tracker is not a
// Convex user) and checks CONVEX_SERVICE_SECRET first; writes also need the tracker lease.

function requireBatch(count: number, what: string): void {
  if (count > MAX_TRACKER_BATCH) {
    throw new ConvexError({
      code: "BAD_REQUEST",
      message: `At most ${MAX_TRACKER_BATCH} ${what} per call.`,
    });
  }
}

export const acquire = mutation({
  args: { secret: v.string(), owner: v.string(), leaseMs: v.number() },
  returns: v.object({ held: v.boolean(), expiresAt: v.number(), cursor: v.number() }),
  handler: async (ctx, { secret, owner, leaseMs }) => {
    requireService(secret);
    return acquireLease(ctx, owner, Math.min(Math.max(leaseMs, 5_000), 300_000));
  },
});

export const release = mutation({
  args: { secret: v.string(), owner: v.string() },
  returns: v.null(),
  handler: async (ctx, { secret, owner }) => {
    requireService(secret);
    await releaseLease(ctx, owner);
    return null;
  },
});

/** Signals ingested after the cursor, oldest first. The tracker subscribes to it (live). */
export const newSignals = query({
  args: { secret: v.string(), after: v.number() },
  returns: v.array(vNewSignal),
  handler: async (ctx, { secret, after }) => {
    requireService(secret);
    return newSignalsAfter(ctx, after, MAX_TRACKER_BATCH);
  },
});

/**
 * Signals edited after `after`. The tracker subscribes to it (live) rather than to its open
 * tracks: its own writes never invalidate this one.
 */
export const editedSignals = query({
  args: { secret: v.string(), after: v.number() },
  returns: v.array(
    v.object({ signalId: v.id("signals"), version: v.number(), editedAt: v.number() }),
  ),
  handler: async (ctx, { secret, after }) => {
    requireService(secret);
    return editedAfter(ctx, after, MAX_TRACKER_BATCH);
  },
});

/** Open tracks with the signal's current version (an edit shows as a version ahead), read once when the tracker takes the lease. */
export const openTracks = query({
  args: { secret: v.string() },
  returns: v.array(vOpenTrack),
  handler: async (ctx, { secret }) => {
    requireService(secret);
    return listOpenTracks(ctx);
  },
});

export const signalDetails = query({
  args: { secret: v.string(), signalIds: v.array(v.id("signals")) },
  returns: v.array(vSignalDetail),
  handler: async (ctx, { secret, signalIds }) => {
    requireService(secret);
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
export const trackStates = query({
  args: { secret: v.string(), signalIds: v.array(v.id("signals")) },
  returns: v.array(
    v.object({
      signalId: v.id("signals"),
      state: v.string(),
      eventCount: v.number(),
      signalVersion: v.number(),
    }),
  ),
  handler: async (ctx, { secret, signalIds }) => {
    requireService(secret);
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
export const discovered = mutation({
  args: {
    secret: v.string(),
    owner: v.string(),
    cursor: v.number(),
    started: v.array(v.object({ start: vTrackStart, state: v.string() })),
  },
  returns: v.null(),
  handler: async (ctx, { secret, owner, cursor, started }) => {
    requireService(secret);
    requireBatch(started.length, "tracks");
    const lease = await requireLease(ctx, owner);
    for (const { start, state } of started) await startTrack(ctx, start, state);
    if (cursor > lease.cursor) await ctx.db.patch("trackerLeases", lease._id, { cursor });
    return null;
  },
});

/** State changes of tracks: outcome events, claims checked, the resume point. One call per batch. */
export const recordProgress = mutation({
  args: { secret: v.string(), owner: v.string(), updates: v.array(vTrackUpdate) },
  returns: v.object({ applied: v.number() }),
  handler: async (ctx, { secret, owner, updates }) => {
    requireService(secret);
    requireBatch(updates.length, "updates");
    await requireLease(ctx, owner);
    let applied = 0;
    for (const update of updates) if (await applyUpdate(ctx, update)) applied++;
    return { applied };
  },
});
