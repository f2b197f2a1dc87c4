import { defineTable } from "convex/server";
import { v } from "convex/values";

export const vActorType = v.union(
  v.literal("admin"),
  v.literal("system"),
  v.literal("webhook"),
  v.literal("collector"),
  v.literal("mirror"),
);

export const auditTables = {
  /** Append-only record of every admin action, grant and revoke. Newest first by _creationTime. */
  auditLog: defineTable({
    actorType: vActorType,
    actorUserId: v.optional(v.id("users")),
    action: v.string(), // e.g. "entitlement.grant", "webhook.replay", "role.revoke"
    targetType: v.string(),
    targetId: v.string(),
    reason: v.optional(v.string()),
    details: v.optional(v.string()), // JSON, small
  })
    .index("by_target", ["targetType", "targetId"])
    .index("by_action", ["action"]),
};
