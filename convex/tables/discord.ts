import { defineTable } from "convex/server";
import { v } from "convex/values";

/** What one drift check reports for a mapping (the bot sends it; the table keeps the latest). */
export const driftReportFields = {
  mappingId: v.id("channelMappings"),
  customerChannelId: v.string(),
  checkedAt: v.number(),
  /** Signals compared (latest deliveries of the mapping) and customer messages read. */
  windowSignals: v.number(),
  windowMessages: v.number(),
  missing: v.number(),
  duplicates: v.number(),
  stale: v.number(),
  orphans: v.number(),
  examples: v.object({
    missing: v.array(v.string()), // signal ids
    duplicates: v.array(v.string()), // customer message ids
    stale: v.array(v.string()), // signal ids
    orphans: v.array(v.string()), // customer message ids
  }),
};

export const vWorkStatus = v.union(
  v.literal("pending"), // waiting for a worker (or for nextAttemptAt)
  v.literal("leased"), // claimed by a worker until leaseExpiresAt
  v.literal("done"),
  v.literal("failed"), // permanent error: shown in the admin console, retried only by hand
);

export const vErrorKind = v.union(v.literal("transient"), v.literal("permanent"));

/**
 * What a leased work row carries on both work queues (mirror deliveries, role sync jobs): its
 * state, the worker holding it and until when, the retry schedule and the last failure. One set,
 * so health.ts and workQueues.ts count and list both queues by the same fields.
 */
const workItemFields = {
  status: vWorkStatus,
  leaseOwner: v.optional(v.string()),
  leaseExpiresAt: v.optional(v.number()),
  attempts: v.number(),
  nextAttemptAt: v.number(),
  lastError: v.optional(v.string()),
  errorKind: v.optional(vErrorKind),
};

export const discordTables = {
  /**
   * Mirror state: one row per signal × mapping. Level-triggered: the worker brings the customer
   * message from `syncedVersion` to the signal's current `version` (create, edit or delete).
   */
  mirrorDeliveries: defineTable({
    signalId: v.id("signals"),
    mappingId: v.id("channelMappings"),
    customerChannelId: v.string(),
    targetVersion: v.number(),
    syncedVersion: v.number(), // 0 = never posted
    customerMessageId: v.optional(v.string()),
    nonce: v.string(), // ≤ 25 chars, stable per row: Discord dedupes a re-sent create
    /** Bumped when the customer message vanished and must be re-created (new nonce). */
    nonceGeneration: v.optional(v.number()),
    /** A create was started at this time and its message id is not recorded yet (crash window). */
    sendStartedAt: v.optional(v.number()),
    /** The signal version that create renders (set by the claim), so recovery can recognise it. */
    sendingVersion: v.optional(v.number()),
    /** Content hash of that create, recorded by bots before claims set `sendingVersion`. */
    sendingHash: v.optional(v.string()),
    /** Hash of what the customer message shows now (content + attachments); unchanged → no edit. */
    renderedHash: v.optional(v.string()),
    /**
     * The signal's shown parse changed (a correction, a re-parse) while a worker held the lease:
     * its render may be stale, so completing leaves the row pending once more (model/mirror/mirrorRerender.ts).
     */
    rerenderAfterLease: v.optional(v.boolean()),
    /** Edit cap (30046) fallback: a reply "update" note carrying the latest content. */
    updateNoteMessageId: v.optional(v.string()),
    ...workItemFields,
    botReceivedAt: v.optional(v.number()), // mirror saw the work (first version)
    postedAt: v.optional(v.number()), // Discord confirmed the first post
    updatedAt: v.number(),
  })
    .index("by_signal_and_mapping", ["signalId", "mappingId"])
    .index("by_status_and_next", ["status", "nextAttemptAt"])
    .index("by_mapping", ["mappingId"])
    .index("by_customer_message", ["customerMessageId"]),

  /**
   * The mirror's latest drift check per mapping (the bot overwrites it every check: one row per
   * mapping, bounded). Counts over a recent window; a few example ids, not the full lists.
   */
  driftReports: defineTable({ ...driftReportFields, instanceId: v.string() }).index("by_mapping", [
    "mappingId",
  ]),

  /** One Discord account per user and one user per Discord account. */
  discordLinks: defineTable({
    userId: v.id("users"),
    discordUserId: v.string(),
    username: v.string(),
    linkedAt: v.number(),
  })
    .index("by_user", ["userId"])
    .index("by_discord_user", ["discordUserId"]),

  /** OAuth2 `state` + PKCE verifier, single use, short expiry; only the state's hash is stored. */
  discordLinkStates: defineTable({
    stateHash: v.string(),
    userId: v.id("users"),
    codeVerifier: v.string(),
    expiresAt: v.number(),
    usedAt: v.optional(v.number()),
  })
    .index("by_state_hash", ["stateHash"])
    .index("by_user", ["userId"]),

  /**
   * Grant/revoke of the paid role, executed by the mirror bot with retries. Level-triggered: the
   * action is re-decided from the access gate when the job is claimed. `userId` is absent for a
   * role holder who has no linked account (hand-granted role): that job always revokes.
   */
  roleSyncJobs: defineTable({
    userId: v.optional(v.id("users")),
    discordUserId: v.string(),
    guildId: v.string(),
    roleId: v.string(),
    action: v.union(v.literal("grant"), v.literal("revoke")),
    reason: v.string(),
    ...workItemFields,
    completedAt: v.optional(v.number()),
  })
    .index("by_status_and_next", ["status", "nextAttemptAt"])
    .index("by_user", ["userId"])
    .index("by_discord_user_and_role", ["discordUserId", "roleId", "status"]),
};
