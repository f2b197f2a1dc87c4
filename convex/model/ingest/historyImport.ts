import type { Infer } from "convex/values";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { appError } from "../shared/errors";
import { compareSnowflakes } from "./ingestSnowflake";
import type { vHistoryImportState } from "../../tables/imports";

export type HistoryImportState = Infer<typeof vHistoryImportState>;

/** States in which an import still has work to do (at most one per channel). */
export const ACTIVE_STATES: readonly HistoryImportState[] = ["queued", "running", "paused"];

/** How many imports the console lists, and a collector looks at when claiming. */
export const MAX_LISTED_IMPORTS = 50;
const MAX_CLAIM_CANDIDATES = 20;

/** The active import of a channel, if any (one index read per active state). */
export async function activeImportOf(
  ctx: QueryCtx,
  sourceChannelId: string,
): Promise<Doc<"historyImports"> | null> {
  for (const state of ACTIVE_STATES) {
    const row = await ctx.db
      .query("historyImports")
      .withIndex("by_channel_and_state", (q) =>
        q.eq("sourceChannelId", sourceChannelId).eq("state", state),
      )
      .first();
    if (row !== null) return row;
  }
  return null;
}

export async function getImport(
  ctx: QueryCtx,
  importId: Id<"historyImports">,
): Promise<Doc<"historyImports">> {
  const row = await ctx.db.get("historyImports", importId);
  if (row === null) throw appError("NOT_FOUND", "No such import.");
  return row;
}

/**
 * The next import a collector should run: one it already holds, else a queued one, else a running
 * one whose holder stopped renewing its lease (crashed, partitioned). Oldest first.
 */
export async function nextClaimable(
  ctx: QueryCtx,
  now: number,
  owner: string,
): Promise<Doc<"historyImports"> | null> {
  // A restarted collector with a stable instance id (the local stack's) resumes its own job at
  // once instead of waiting for its old lease to run out.
  const running = await ctx.db
    .query("historyImports")
    .withIndex("by_state_and_lease", (q) => q.eq("state", "running"))
    .take(MAX_CLAIM_CANDIDATES);
  const own = running.find((job) => job.leaseOwner === owner);
  if (own !== undefined) return own;
  const queued = await ctx.db
    .query("historyImports")
    .withIndex("by_state_and_lease", (q) => q.eq("state", "queued"))
    .first();
  if (queued !== null) return queued;
  const expired = await ctx.db
    .query("historyImports")
    .withIndex("by_state_and_lease", (q) => q.eq("state", "running").lte("leaseExpiresAt", now))
    .take(MAX_CLAIM_CANDIDATES);
  return expired[0] ?? null;
}

/**
 * A write from a collector that is no longer the job's lease holder is refused: another instance
 * claimed it after the lease ran out (or an admin resumed it), and that one re-reads the page. A
 * holder whose lease ran out but that nobody replaced may still write: its page is as good.
 */
export function requireLeaseHolder(job: Doc<"historyImports">, owner: string): void {
  if (job.leaseOwner !== owner) {
    throw appError("LEASE_LOST", "This collector no longer holds the import's lease.");
  }
}

/** The cursor only moves back in time: a replayed page cannot undo progress. */
export function olderCursor(current: string | undefined, next: string): string {
  if (current === undefined) return next;
  return compareSnowflakes(next, current) < 0 ? next : current;
}

/** Which admin transitions are allowed from which state. */
export const TRANSITIONS = {
  pause: ["queued", "running"],
  resume: ["paused"],
  cancel: ["queued", "running", "paused"],
} as const satisfies Record<string, readonly HistoryImportState[]>;

export type AdminTransition = keyof typeof TRANSITIONS;

/**
 * Applies an admin's pause/resume/cancel. A running collector keeps its lease until its next page
 * commit, which it is told to stop at (the page it has in hand is still counted); a resumed import
 * is queued again with no holder, for whichever collector claims it first.
 */
export async function transition(
  ctx: MutationCtx,
  job: Doc<"historyImports">,
  action: AdminTransition,
): Promise<HistoryImportState> {
  const allowed: readonly HistoryImportState[] = TRANSITIONS[action];
  if (!allowed.includes(job.state)) {
    const verb = action === "pause" ? "paused" : action === "resume" ? "resumed" : "cancelled";
    throw appError("CONFLICT", `An import that is ${job.state} cannot be ${verb}.`);
  }
  const now = Date.now();
  const state: HistoryImportState =
    action === "pause" ? "paused" : action === "resume" ? "queued" : "cancelled";
  await ctx.db.patch("historyImports", job._id, {
    state,
    ...(state === "queued" ? { leaseOwner: undefined, leaseExpiresAt: undefined } : {}),
    ...(state === "cancelled" ? { finishedAt: now } : {}),
  });
  return state;
}
