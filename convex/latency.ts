import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation, internalQuery } from "./_generated/server";
import { findSignalByMessage } from "./model/ingest/ingestLinking";

/** The admin SLO panel reads at most 24 h back; older samples are pruned. */
export const LATENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
/** Rows deleted per prune transaction; a full batch schedules the next one right away. */
const PRUNE_BATCH = 500;
const MAX_TIMING_LOOKUPS = 200;

/** Deletes latency samples older than the retention window (cron; re-schedules itself while behind). */
export const prune = internalMutation({
  args: {},
  returns: v.object({ deleted: v.number(), more: v.boolean() }),
  handler: async (ctx) => {
    const cutoff = Date.now() - LATENCY_RETENTION_MS;
    const old = await ctx.db
      .query("latencySamples")
      .withIndex("by_at", (q) => q.lt("at", cutoff))
      .take(PRUNE_BATCH);
    for (const sample of old) await ctx.db.delete("latencySamples", sample._id);
    const more = old.length === PRUNE_BATCH;
    if (more) await ctx.scheduler.runAfter(0, internal.latency.prune, {});
    return { deleted: old.length, more };
  },
});

const vTiming = v.object({
  sourceMessageId: v.string(),
  found: v.boolean(),
  signalId: v.optional(v.id("signals")),
  sourceAt: v.optional(v.number()),
  receivedAt: v.optional(v.number()),
  committedAt: v.optional(v.number()),
  creationTime: v.optional(v.number()),
  deliveries: v.array(
    v.object({
      customerChannelId: v.string(),
      status: v.string(),
      botReceivedAt: v.optional(v.number()),
      postedAt: v.optional(v.number()),
      customerMessageId: v.optional(v.string()),
    }),
  ),
});

/**
 * Per-message delivery timestamps (ingest and mirror), for the end-to-end benchmark and operators.
 * Internal: admin key only.
 */
export const deliveryTimings = internalQuery({
  args: { sourceMessageIds: v.array(v.string()) },
  returns: v.array(vTiming),
  handler: async (ctx, { sourceMessageIds }) => {
    if (sourceMessageIds.length > MAX_TIMING_LOOKUPS) {
      throw new Error(`At most ${MAX_TIMING_LOOKUPS} message ids per call; split the list.`);
    }
    const out = [];
    for (const sourceMessageId of sourceMessageIds) {
      const signal = await findSignalByMessage(ctx, sourceMessageId);
      if (signal === null) {
        out.push({ sourceMessageId, found: false, deliveries: [] });
        continue;
      }
      const rows = await ctx.db
        .query("mirrorDeliveries")
        .withIndex("by_signal_and_mapping", (q) => q.eq("signalId", signal._id))
        .take(20);
      out.push({
        sourceMessageId,
        found: true,
        signalId: signal._id,
        sourceAt: signal.sourceAt,
        receivedAt: signal.receivedAt,
        committedAt: signal.committedAt,
        creationTime: signal._creationTime,
        deliveries: rows.map((row) => ({
          customerChannelId: row.customerChannelId,
          status: row.status,
          ...(row.botReceivedAt === undefined ? {} : { botReceivedAt: row.botReceivedAt }),
          ...(row.postedAt === undefined ? {} : { postedAt: row.postedAt }),
          ...(row.customerMessageId === undefined
            ? {}
            : { customerMessageId: row.customerMessageId }),
        })),
      });
    }
    return out;
  },
});
