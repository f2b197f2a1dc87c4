import { defineTable } from "convex/server";
import { v } from "convex/values";

export const vReparsePhase = v.union(
  v.literal("counting"), // paging through the signals to learn the total
  v.literal("reparsing"),
);

export const vReparseStatus = v.union(v.literal("running"), v.literal("done"), v.literal("failed"));

export const parsingTables = {
  /**
   * One background re-parse of the stored signals with a parser version (convex/reparse.ts).
   * Resumable: the cursor and counters advance in the same transaction as each batch.
   */
  reparseRuns: defineTable({
    parserVersion: v.string(),
    phase: vReparsePhase,
    status: vReparseStatus,
    startedBy: v.union(v.literal("deploy_check"), v.literal("admin")),
    actorUserId: v.optional(v.id("users")),
    /** Signals created up to here are re-parsed; later ones were parsed by this version at ingest. */
    upTo: v.number(),
    /** Where the current phase stopped (a pagination cursor over signals by creation time). */
    cursor: v.union(v.string(), v.null()),
    total: v.number(),
    processed: v.number(),
    /** Signals whose parser reading changed. */
    changed: v.number(),
    /** Corrected signals whose new parser reading differs from the correction (kept, flagged). */
    flaggedCorrections: v.number(),
    /** Mirrored messages sent back to the mirror because what they show changed. */
    mirrorRequeued: v.number(),
    /** Failed attempts in a row; the run stops as failed after a few (an admin resumes it). */
    failures: v.number(),
    lastError: v.optional(v.string()),
    lastErrorAt: v.optional(v.number()),
    /** A driver works on the run until then; past it the cron resumes from the cursor. */
    leaseUntil: v.number(),
    startedAt: v.number(),
    updatedAt: v.number(),
    finishedAt: v.optional(v.number()),
  }).index("by_parser_version", ["parserVersion"]),
};
