import { defineTable } from "convex/server";
import { v } from "convex/values";

export const vLatencyHop = v.union(
  v.literal("source_to_received"), // Discord message timestamp → collector saw it
  v.literal("received_to_committed"), // collector → ingest mutation
  v.literal("committed_to_web"), // ingest mutation → dashboard subscriber updated
  v.literal("committed_to_bot"), // ingest mutation → mirror bot saw the work
  v.literal("source_to_mirrored"), // Discord message timestamp → mirrored message created
);

/** What a lifecycle email is about; docs/architecture.md "Lifecycle emails" says which are reminders. */
export const vLifecycleEmailKind = v.union(
  v.literal("access_granted"),
  v.literal("payment_failed"),
  v.literal("access_ending"),
  v.literal("access_ended"),
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
    html: v.optional(v.string()),
    /** Extra headers the real provider would send (List-Unsubscribe, …), for tests and the page. */
    headers: v.optional(v.record(v.string(), v.string())),
    sentAt: v.number(),
  }).index("by_to", ["to"]),

  /**
   * Lifecycle emails (convex/lifecycleEmails.ts): one row per (user, kind, period) — the `key` is
   * the idempotency key, so a redelivered webhook or a re-run cron never mails twice. `sentAt` is
   * set when sending starts and is what the per-user daily throttle counts.
   */
  lifecycleEmails: defineTable({
    key: v.string(),
    userId: v.id("users"),
    kind: vLifecycleEmailKind,
    tierKey: v.string(),
    /** When access ends (ending soon, payment failed) or ended; shown in the email. */
    accessUntil: v.optional(v.number()),
    status: v.union(
      v.literal("queued"),
      v.literal("sending"),
      v.literal("sent"),
      v.literal("skipped"),
      v.literal("failed"),
    ),
    /** Why it was skipped (unverified, unsubscribed, throttled, no_email) or what failed. */
    detail: v.optional(v.string()),
    queuedAt: v.number(),
    sentAt: v.optional(v.number()),
  })
    .index("by_key", ["key"])
    .index("by_user_and_sent_at", ["userId", "sentAt"]),

  /** Per-user email choices; no row = defaults (reminders on). Only reminders can be turned off. */
  emailPreferences: defineTable({
    userId: v.id("users"),
    reminders: v.boolean(),
    updatedAt: v.number(),
  }).index("by_user", ["userId"]),
};
