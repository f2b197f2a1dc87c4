import type { Infer } from "convex/values";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import type { vActorType } from "../../tables/audit";
import type { vEntitlementSource, vEntitlementStatus } from "../../tables/payments";
import { entitlementGrantsAccess } from "./access";
import { writeAudit } from "../shared/audit";
import { queueEmailsForEntitlementChange } from "../email/lifecycleEmailQueue";
import { bumpPassEpoch } from "../feed/livePassEpoch";
import { rollUpMembership } from "../business/membershipRollup";
import { enqueueRoleSyncForUser } from "../discord/roleSync";

/**
 * THE write path for entitlements. Every grant, extension, cancellation, revocation, expiry and
 * attachment goes through `writeEntitlement`, which skips no-op writes and appends exactly one audit
 * entry per real change, keeps the members-per-tier rollup current, invalidates the tier's live
 * passes when someone loses access, queues the lifecycle emails the change calls for, then asks
 * role sync to bring the affected users' paid Discord roles to what the access gate now decides
 * (level-triggered, so a no-op when nothing changed for Discord).
 */

export type EntitlementStatus = Infer<typeof vEntitlementStatus>;
export type EntitlementSource = Infer<typeof vEntitlementSource>;

export type EntitlementState = {
  status: EntitlementStatus;
  userId?: Id<"users">;
  accessUntil?: number;
  graceUntil?: number;
  revokedAt?: number;
  reason?: string;
  adminRevoked?: boolean;
};

export type EntitlementActor = {
  type: Infer<typeof vActorType>;
  userId?: Id<"users">;
};

export type EntitlementWrite = {
  /** The current row, or null to create one. */
  existing: Doc<"entitlements"> | null;
  customerId: Id<"customers">;
  tierKey: string;
  source: EntitlementSource;
  sourceId: string;
  next: EntitlementState;
  actor: EntitlementActor;
  /** Why (required for admin actions; a short machine reason otherwise). */
  reason?: string;
  details?: Record<string, unknown>;
  now: number;
};

export type EntitlementAuditAction =
  | "entitlement.grant"
  | "entitlement.extend"
  | "entitlement.cancel"
  | "entitlement.past_due"
  | "entitlement.revoke"
  | "entitlement.expire"
  | "entitlement.attach"
  | "entitlement.update";

const STATE_KEYS = [
  "status",
  "userId",
  "accessUntil",
  "graceUntil",
  "revokedAt",
  "reason",
  "adminRevoked",
] as const;

function sameState(existing: Doc<"entitlements">, next: EntitlementState): boolean {
  return STATE_KEYS.every((key) => existing[key] === next[key]);
}

/** Names the change for the audit log. */
export function auditActionFor(
  existing: Doc<"entitlements"> | null,
  next: EntitlementState,
): EntitlementAuditAction {
  const previous = existing?.status;
  if (next.status !== previous) {
    switch (next.status) {
      case "active":
        return "entitlement.grant";
      case "cancelling":
        return previous === undefined ? "entitlement.grant" : "entitlement.cancel";
      case "past_due":
        return previous === undefined ? "entitlement.grant" : "entitlement.past_due";
      case "revoked":
        return "entitlement.revoke";
      case "expired":
        return "entitlement.expire";
    }
  }
  if (existing === null) return "entitlement.grant";
  if ((next.accessUntil ?? Infinity) > (existing.accessUntil ?? Infinity))
    return "entitlement.extend";
  if (next.graceUntil !== existing.graceUntil && next.status === "past_due") {
    return "entitlement.past_due";
  }
  if (next.userId !== existing.userId) return "entitlement.attach";
  return "entitlement.update";
}

function withoutUndefined(state: EntitlementState): EntitlementState {
  return Object.fromEntries(
    Object.entries(state).filter(([, value]) => value !== undefined),
  ) as EntitlementState;
}

/**
 * Creates or replaces one entitlement row. Returns the row id and the audit action, or
 * `changed: false` when the row already holds exactly this state (no write, no audit).
 */
export async function writeEntitlement(
  ctx: MutationCtx,
  write: EntitlementWrite,
): Promise<{ id: Id<"entitlements">; changed: boolean; action?: EntitlementAuditAction }> {
  const { existing, next } = write;
  if (existing !== null && sameState(existing, next)) {
    return { id: existing._id, changed: false };
  }
  const action = auditActionFor(existing, next);
  const row = {
    customerId: write.customerId,
    tierKey: write.tierKey,
    source: write.source,
    sourceId: write.sourceId,
    ...withoutUndefined(next),
    updatedAt: write.now,
  };
  let id: Id<"entitlements">;
  if (existing === null) {
    id = await ctx.db.insert("entitlements", row);
  } else {
    id = existing._id;
    await ctx.db.replace("entitlements", id, row);
  }
  await writeAudit(ctx, {
    actorType: write.actor.type,
    ...(write.actor.userId === undefined ? {} : { actorUserId: write.actor.userId }),
    action,
    targetType: "entitlement",
    targetId: id,
    ...(write.reason === undefined ? {} : { reason: write.reason }),
    details: {
      customerId: write.customerId,
      userId: next.userId ?? null,
      tierKey: write.tierKey,
      source: write.source,
      sourceId: write.sourceId,
      from: existing?.status ?? null,
      to: next.status,
      accessUntil: next.accessUntil ?? null,
      graceUntil: next.graceUntil ?? null,
      ...write.details,
    },
  });
  // Members per tier for the business overview: a few counter rows, only when membership changes.
  await rollUpMembership(ctx, {
    existing,
    id,
    customerId: write.customerId,
    tierKey: write.tierKey,
    nextStatus: next.status,
    now: write.now,
  });
  if (existing !== null && lostAccess(existing, next, write.now)) {
    // Live passes are shared by the whole tier and don't say whose they are: invalidate them
    // all now; everyone who still has access gets a new one from the gate in seconds.
    await bumpPassEpoch(ctx, existing.tierKey, write.now);
  }
  // Access granted / payment failed / access ended: queued here, sent by a scheduled action.
  await queueEmailsForEntitlementChange(ctx, {
    existing,
    id,
    tierKey: write.tierKey,
    next,
    now: write.now,
  });
  const affectedUsers = new Set([existing?.userId, next.userId]);
  for (const userId of affectedUsers) {
    if (userId !== undefined) await enqueueRoleSyncForUser(ctx, userId, action);
  }
  return { id, changed: true, action };
}

/** Whether a user who could read the tier through this row no longer can after the write. */
function lostAccess(existing: Doc<"entitlements">, next: EntitlementState, now: number): boolean {
  if (existing.userId === undefined || !entitlementGrantsAccess(existing, now)) return false;
  return next.userId !== existing.userId || !entitlementGrantsAccess(next, now);
}

/** The state part of a row, to build a `next` from it. */
export function stateOf(entitlement: Doc<"entitlements">): EntitlementState {
  return withoutUndefined({
    status: entitlement.status,
    userId: entitlement.userId,
    accessUntil: entitlement.accessUntil,
    graceUntil: entitlement.graceUntil,
    revokedAt: entitlement.revokedAt,
    reason: entitlement.reason,
    adminRevoked: entitlement.adminRevoked,
  });
}

/** The write fields that keep an existing row what it is (customer, tier, source): a state change. */
export function sameRow(
  entitlement: Doc<"entitlements">,
): Pick<EntitlementWrite, "existing" | "customerId" | "tierKey" | "source" | "sourceId"> {
  return {
    existing: entitlement,
    customerId: entitlement.customerId,
    tierKey: entitlement.tierKey,
    source: entitlement.source,
    sourceId: entitlement.sourceId,
  };
}
