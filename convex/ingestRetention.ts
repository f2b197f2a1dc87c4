import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation } from "./_generated/server";
import { pruneUnstoredDeletes } from "./model/ingest/ingestUnstoredDelete";

/** Rows deleted per transaction; a full batch schedules the next one right away. */
const PRUNE_BATCH = 200;

/**
 * Forgets deletes of messages that were never stored once they are older than
 * UNSTORED_DELETE_RETENTION_MS (cron, daily): without it every such delete kept a row for good.
 */
export const pruneStaleUnstoredDeletes = internalMutation({
  args: {},
  returns: v.object({ deleted: v.number(), more: v.boolean() }),
  handler: async (ctx) => {
    const deleted = await pruneUnstoredDeletes(ctx, Date.now(), PRUNE_BATCH);
    const more = deleted === PRUNE_BATCH;
    if (more)
      await ctx.scheduler.runAfter(0, internal.ingestRetention.pruneStaleUnstoredDeletes, {});
    return { deleted, more };
  },
});
