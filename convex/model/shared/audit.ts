import type { Infer } from "convex/values";
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import type { vActorType } from "../../tables/audit";

export type AuditEntry = {
  actorType: Infer<typeof vActorType>;
  actorUserId?: Id<"users">;
  action: string;
  targetType: string;
  targetId: string;
  reason?: string;
  details?: Record<string, unknown>;
};

/** Appends one entry to the audit log. */
export async function writeAudit(ctx: MutationCtx, entry: AuditEntry): Promise<void> {
  const { details, ...rest } = entry;
  await ctx.db.insert("auditLog", {
    ...rest,
    ...(details === undefined ? {} : { details: JSON.stringify(details) }),
  });
}
