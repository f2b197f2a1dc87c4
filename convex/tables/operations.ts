import { defineTable } from "convex/server";
import { v } from "convex/values";

export const vLatencyHop = v.union(
  v.literal("source_to_received"), // Discord message timestamp → collector saw it
  v.literal("received_to_committed"), // collector → ingest mutation
  v.literal("committed_to_web"), // ingest mutation → dashboard subscriber updated
  v.literal("committed_to_bot"), // ingest mutation → mirror bot saw the work
  v.literal("source_to_mirrored"), // Discord message timestamp → mirrored message created
);

export const operationsTables = {
  /** Sampled delivery latencies for the admin SLO panel; pruned by a cron to a bounded window. */
  latencySamples: defineTable({
    hop: vLatencyHop,
    ms: v.number(),
    at: v.number(),
    /** Set on client-reported samples (committed_to_web): caps how many one signal may get. */
    signalId: v.optional(v.id("signals")),
  })
    .index("by_hop_and_at", ["hop", "at"])
    .index("by_at", ["at"])
    .index("by_signal_and_hop", ["signalId", "hop"]),

  /** Liveness of the bots, for delivery health in the admin console. */
  serviceHeartbeats: defineTable({
    service: v.union(v.literal("collector"), v.literal("mirror")),
    instanceId: v.string(),
    startedAt: v.number(),
    lastSeenAt: v.number(),
    details: v.optional(v.string()), // JSON, small
  }).index("by_service_and_instance", ["service", "instanceId"]),

  /** Local-only mailbox: written instead of sending email when EMAIL_PROVIDER=dev. */
  devMailbox: defineTable({
    to: v.string(),
    subject: v.string(),
    text: v.string(),
    code: v.optional(v.string()),
    sentAt: v.number(),
  }).index("by_to", ["to"]),
};
