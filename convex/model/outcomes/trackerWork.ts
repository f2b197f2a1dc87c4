import type { Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import type { TradePlace } from "./outcomeRollups";
import { recordClosedTrade } from "./outcomeTrades";
import { shownParse } from "../parsing/parseStatus";
import { signalWithRevisions } from "./signalWithRevisions";
import {
  MAX_OPEN_TRACKS,
  MAX_STATE_CHARS,
  type TrackStart,
  type TrackUpdate,
} from "./trackerValidators";

const MAX_REVISIONS = 50;

/** Signals ingested after `after` (creation time), oldest first: the tracker's discovery feed. */
export async function newSignalsAfter(ctx: QueryCtx, after: number, limit: number) {
  const rows = await ctx.db
    .query("signals")
    .withIndex("by_creation_time", (q) => q.gt("_creationTime", after))
    .take(limit);
  return rows.map((s) => ({
    signalId: s._id,
    creationTime: s._creationTime,
    kind: s.kind,
    ...(s.parentSignalId === undefined ? {} : { parentSignalId: s.parentSignalId }),
  }));
}

/** Signals edited after `after` (their edit time), oldest first: how the tracker hears of edits. */
export async function editedAfter(ctx: QueryCtx, after: number, limit: number) {
  const rows = await ctx.db
    .query("signals")
    .withIndex("by_edited_at", (q) => q.gt("editedAt", after))
    .take(limit);
  return rows.flatMap((s) =>
    s.editedAt === undefined ? [] : [{ signalId: s._id, version: s.version, editedAt: s.editedAt }],
  );
}

/** A signal with every version's levels and when each took effect. */
export async function signalDetail(ctx: QueryCtx, signalId: Id<"signals">) {
  const read = await signalWithRevisions(ctx, signalId, MAX_REVISIONS);
  if (read === null) return null;
  const { signal, revisions } = read;
  return {
    signalId,
    tierKey: signal.tierKey,
    sourceChannelId: signal.sourceChannelId,
    sourceAt: signal.sourceAt,
    version: signal.version,
    ...(signal.deletedAt === undefined ? {} : { deletedAt: signal.deletedAt }),
    ...(signal.parentSignalId === undefined ? {} : { parentSignalId: signal.parentSignalId }),
    revisions: revisions.map((r) => ({
      version: r.version,
      // The first version counts from the post time; edits from when they were made.
      at: r.version === 1 ? signal.sourceAt : r.at,
      change: r.change,
      // An admin's correction is the reading customers see for the version it was made on.
      parsed:
        signal.correction !== undefined && signal.correction.version === r.version
          ? shownParse(signal)
          : r.parsed,
    })),
  };
}

export async function openTracks(ctx: QueryCtx) {
  const rows = await ctx.db
    .query("signalOutcomes")
    .withIndex("by_open", (q) => q.eq("open", true))
    .take(MAX_OPEN_TRACKS);
  const result = [];
  for (const row of rows) {
    const signal = await ctx.db.get("signals", row.signalId);
    result.push({
      signalId: row.signalId,
      marketSymbol: row.marketSymbol,
      status: row.status,
      signalVersion: row.signalVersion,
      currentVersion: signal?.version ?? row.signalVersion,
    });
  }
  return result;
}

/** Creates the outcome row of a newly tracked signal (idempotent: an existing row is kept). */
export async function startTrack(
  ctx: MutationCtx,
  start: TrackStart,
  state: string,
): Promise<void> {
  const existing = await outcomeOf(ctx, start.signalId);
  if (existing !== null) return;
  const signal = await ctx.db.get("signals", start.signalId);
  if (signal === null) return;
  await ctx.db.insert("signalOutcomes", {
    signalId: start.signalId,
    tierKey: signal.tierKey,
    sourceChannelId: signal.sourceChannelId,
    marketSymbol: start.marketSymbol,
    postedAt: start.postedAt,
    status: "waiting_entry",
    open: true,
    signalVersion: start.signalVersion,
    state: boundedState(state),
    eventCount: 0,
    targetsHit: 0,
    checkedThrough: start.postedAt,
    contradictedClaims: 0,
    updatedAt: Date.now(),
  });
}

/**
 * Applies one state change: new events appended (by seq, so retries add nothing), claims upserted.
 * Returns null for an unknown track, else the places whose statistics rollups its closed trade
 * changed (to schedule once per batch).
 */
export async function applyUpdate(
  ctx: MutationCtx,
  update: TrackUpdate,
): Promise<TradePlace[] | null> {
  const row = await outcomeOf(ctx, update.signalId);
  if (row === null) return null;
  const now = Date.now();
  let eventCount = row.eventCount;
  for (const event of [...update.events].sort((a, b) => a.seq - b.seq)) {
    if (event.seq !== eventCount) continue;
    await ctx.db.insert("outcomeEvents", { signalId: update.signalId, ...event, recordedAt: now });
    eventCount++;
  }
  let contradicted = row.contradictedClaims;
  for (const claim of update.claims) {
    const existing = await ctx.db
      .query("outcomeClaims")
      .withIndex("by_follow_up", (q) => q.eq("followUpId", claim.followUpId))
      .unique();
    if (existing === null) {
      await ctx.db.insert("outcomeClaims", { signalId: update.signalId, ...claim, updatedAt: now });
      if (claim.verdict === "contradicted") contradicted++;
    } else if (existing.verdict !== claim.verdict || existing.detail !== claim.detail) {
      if (existing.verdict === "contradicted") contradicted--;
      if (claim.verdict === "contradicted") contradicted++;
      await ctx.db.patch("outcomeClaims", existing._id, {
        verdict: claim.verdict,
        detail: claim.detail,
        updatedAt: now,
      });
    }
  }
  const open = update.status === "waiting_entry" || update.status === "in_trade";
  await ctx.db.patch("signalOutcomes", row._id, {
    status: update.status,
    open,
    signalVersion: update.signalVersion,
    state: boundedState(update.state),
    eventCount,
    targetsHit: update.targetsHit,
    checkedThrough: Math.max(row.checkedThrough, update.checkedThrough),
    result: update.result,
    // Marked only while in the trade; a closed trade's figure is `result`.
    openResult: open ? update.openResult : undefined,
    markPrice: open ? update.markPrice : undefined,
    markedAt: open && update.markPrice !== undefined ? update.checkedThrough : undefined,
    closedAt: update.closedAt,
    contradictedClaims: contradicted,
    updatedAt: now,
  });
  // A close records its trade; a track open again after a close (an edit replayed) removes it.
  // The update's own result and close time, even when absent: the row's old ones must not stay.
  if (!open || !row.open) {
    return recordClosedTrade(ctx, {
      ...row,
      status: update.status,
      state: update.state,
      result: update.result,
      closedAt: update.closedAt,
    });
  }
  return [];
}

export async function outcomeOf(ctx: QueryCtx, signalId: Id<"signals">) {
  return ctx.db
    .query("signalOutcomes")
    .withIndex("by_signal", (q) => q.eq("signalId", signalId))
    .unique();
}

function boundedState(state: string): string {
  if (state.length > MAX_STATE_CHARS) throw new Error("Track state too large");
  return state;
}
