import { v, type Infer } from "convex/values";
import type { QueryCtx } from "./_generated/server";
import { MAX_DRIFT_MAPPINGS } from "./model/mirror/driftReports";
import { bucketize, summarize } from "./model/shared/percentiles";
import { discordTables, type vWorkStatus } from "./tables/discord";
import { vLatencyHop } from "./tables/operations";
import { adminQuery } from "./functions";

/** A bot that has not reported for this long is shown as down. */
export const HEARTBEAT_STALE_MS = 90_000;
/** Counts stop at this many rows per status: the console shows "1000+". */
const COUNT_CAP = 1000;
/** At most this many samples per hop are read for one window. */
const MAX_SAMPLES_PER_HOP = 5000;
const BUCKETS = 12;

const vCount = v.object({ count: v.number(), capped: v.boolean() });
const vSummary = v.object({
  count: v.number(),
  p50: v.optional(v.number()),
  p95: v.optional(v.number()),
  p99: v.optional(v.number()),
});

const vQueueCounts = v.object({ pending: vCount, leased: vCount, failed: vCount });

const HOPS = vLatencyHop.members.map((member) => member.value);

type WorkTable = "mirrorDeliveries" | "roleSyncJobs";

/** `rows` read with `take(COUNT_CAP + 1)`, as a count that says when it stopped at the cap. */
function cappedCount(rows: readonly unknown[]) {
  return { count: Math.min(rows.length, COUNT_CAP), capped: rows.length > COUNT_CAP };
}

async function countByStatus(ctx: QueryCtx, table: WorkTable, status: Infer<typeof vWorkStatus>) {
  const rows = await ctx.db
    .query(table)
    .withIndex("by_status_and_next", (q) => q.eq("status", status))
    .take(COUNT_CAP + 1);
  return cappedCount(rows);
}

async function queueCounts(ctx: QueryCtx, table: WorkTable) {
  return {
    pending: await countByStatus(ctx, table, "pending"),
    leased: await countByStatus(ctx, table, "leased"),
    failed: await countByStatus(ctx, table, "failed"),
  };
}

/**
 * Delivery health for the admin console: bot heartbeats, work-queue depths, failed webhooks, and
 * latency percentiles per hop over a recent window (with 12 time buckets for the chart).
 */
export const overview = adminQuery({
  args: { windowMinutes: v.optional(v.number()) },
  returns: v.object({
    now: v.number(),
    windowMinutes: v.number(),
    services: v.array(
      v.object({
        service: v.union(v.literal("collector"), v.literal("mirror")),
        instanceId: v.string(),
        startedAt: v.number(),
        lastSeenAt: v.number(),
        healthy: v.boolean(),
      }),
    ),
    queues: v.object({
      mirror: vQueueCounts,
      roleSync: vQueueCounts,
      failedWebhooks: vCount,
    }),
    latency: v.array(
      v.object({
        hop: vLatencyHop,
        overall: vSummary,
        truncated: v.boolean(),
        buckets: v.array(v.object({ start: v.number(), end: v.number(), ...vSummary.fields })),
      }),
    ),
  }),
  handler: async (ctx, { windowMinutes }) => {
    const minutes = Math.min(Math.max(Math.round(windowMinutes ?? 60), 5), 24 * 60);
    const now = Date.now();
    const since = now - minutes * 60_000;

    const heartbeats = await ctx.db.query("serviceHeartbeats").take(50);
    const services = heartbeats.map((beat) => ({
      service: beat.service,
      instanceId: beat.instanceId,
      startedAt: beat.startedAt,
      lastSeenAt: beat.lastSeenAt,
      healthy: now - beat.lastSeenAt < HEARTBEAT_STALE_MS,
    }));

    const failedWebhookRows = await ctx.db
      .query("webhookEvents")
      .withIndex("by_status", (q) => q.eq("status", "failed"))
      .take(COUNT_CAP + 1);

    const latency = [];
    for (const hop of HOPS) {
      const samples = await ctx.db
        .query("latencySamples")
        .withIndex("by_hop_and_at", (q) => q.eq("hop", hop).gte("at", since))
        .order("desc")
        .take(MAX_SAMPLES_PER_HOP + 1);
      const kept = samples.slice(0, MAX_SAMPLES_PER_HOP);
      latency.push({
        hop,
        overall: summarize(kept.map((sample) => sample.ms)),
        truncated: samples.length > MAX_SAMPLES_PER_HOP,
        buckets: bucketize(kept, since, now, BUCKETS),
      });
    }

    return {
      now,
      windowMinutes: minutes,
      services,
      queues: {
        mirror: await queueCounts(ctx, "mirrorDeliveries"),
        roleSync: await queueCounts(ctx, "roleSyncJobs"),
        failedWebhooks: cappedCount(failedWebhookRows),
      },
      latency,
    };
  },
});

/** The mirror's latest drift check per mapping (missing / duplicate / stale / orphan counts). */
export const driftReports = adminQuery({
  args: {},
  returns: v.array(
    v.object({
      ...discordTables.driftReports.validator.fields,
      _id: v.id("driftReports"),
      _creationTime: v.number(),
      label: v.string(),
    }),
  ),
  handler: async (ctx) => {
    const reports = await ctx.db.query("driftReports").take(MAX_DRIFT_MAPPINGS * 4);
    const rows = [];
    for (const report of reports) {
      const mapping = await ctx.db.get("channelMappings", report.mappingId);
      rows.push({ ...report, label: mapping?.label ?? "(deleted mapping)" });
    }
    return rows.sort((a, b) => a.label.localeCompare(b.label));
  },
});
