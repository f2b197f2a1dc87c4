// A bot's moderation through REST, written to the guild's audit log as Discord records it: the
// acting bot, what it acted on, and the X-Audit-Log-Reason its request carried.
import type { AuditLogEntry } from "../core.js";
import type { RestContext } from "./types.js";

export function recordAudit(
  ctx: RestContext,
  entry: Pick<AuditLogEntry, "guildId" | "action" | "targetId" | "roleId">,
): void {
  ctx.core.auditLog.push({
    time: new Date().toISOString(),
    guildId: entry.guildId,
    actorId: ctx.actor.userId,
    action: entry.action,
    targetId: entry.targetId,
    ...(entry.roleId === undefined ? {} : { roleId: entry.roleId }),
    reason: ctx.auditReason,
  });
}
