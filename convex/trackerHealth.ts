import { v } from "convex/values";
import { adminQuery, serviceMutation } from "./functions";

/** A tracker that has not reported for this long is shown as down (as the bots' heartbeats). */
export const TRACKER_STALE_MS = 90_000;
const MAX_INSTANCES = 20;

const vReport = {
  instanceId: v.string(),
  startedAt: v.number(),
  active: v.boolean(),
  lastTradeAt: v.optional(v.number()),
  lagMs: v.optional(v.number()),
  symbols: v.number(),
  openTracks: v.number(),
};

/** The tracker's heartbeat (service secret), sent with each lease renewal; one row per instance. */
export const report = serviceMutation({
  args: vReport,
  returns: v.null(),
  handler: async (ctx, report) => {
    const row = { ...report, lastSeenAt: Date.now() };
    const existing = await ctx.db
      .query("trackerHeartbeats")
      .withIndex("by_instance", (q) => q.eq("instanceId", report.instanceId))
      .unique();
    if (existing === null) await ctx.db.insert("trackerHeartbeats", row);
    else await ctx.db.replace("trackerHeartbeats", existing._id, row);
    return null;
  },
});

/** Admin health panel: every tracker instance's last report and whether it is fresh. */
export const status = adminQuery({
  args: {},
  returns: v.object({
    now: v.number(),
    instances: v.array(v.object({ ...vReport, lastSeenAt: v.number(), healthy: v.boolean() })),
  }),
  handler: async (ctx) => {
    const now = Date.now();
    const rows = await ctx.db.query("trackerHeartbeats").take(MAX_INSTANCES);
    return {
      now,
      instances: rows.map(({ _id, _creationTime, ...row }) => ({
        ...row,
        healthy: now - row.lastSeenAt < TRACKER_STALE_MS,
      })),
    };
  },
});
