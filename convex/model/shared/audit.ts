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

/** Appends one entry for something the signed-in admin did (an `adminMutation`'s context). */
export async function writeAdminAudit(
  ctx: MutationCtx & { admin: { _id: Id<"users"> } },
  entry: Omit<AuditEntry, "actorType" | "actorUserId">,
): Promise<void> {
  await writeAudit(ctx, { actorType: "admin", actorUserId: ctx.admin._id, ...entry });
}
