import { v, type Infer } from "convex/values";
import { z } from "zod";
import type { MutationCtx, QueryCtx } from "../../_generated/server";

/** What a mirror instance reports in its heartbeat (stored as JSON in serviceHeartbeats.details). */
export const vMirrorHeartbeatDetails = v.object({
  guildId: v.string(),
  gatewayReady: v.boolean(),
  inFlight: v.number(),
  /** Position of the bot's highest role in the customer guild (absent when not in the guild). */
  botHighestRolePosition: v.optional(v.number()),
  /** Position of each paid role the bot manages, as the guild reports it. */
  paidRoles: v.array(v.object({ roleId: v.string(), position: v.optional(v.number()) })),
});
export type MirrorHeartbeatDetails = Infer<typeof vMirrorHeartbeatDetails>;

const ZStoredDetails = z.object({
  guildId: z.string(),
  gatewayReady: z.boolean(),
  inFlight: z.number(),
  botHighestRolePosition: z.number().optional(),
  paidRoles: z.array(z.object({ roleId: z.string(), position: z.number().optional() })),
});

/** A heartbeat older than this means the instance is gone. */
export const HEARTBEAT_STALE_MS = 90_000;

export async function recordMirrorHeartbeat(
  ctx: MutationCtx,
  args: { instanceId: string; startedAt: number; details: MirrorHeartbeatDetails },
): Promise<void> {
  const now = Date.now();
  const details = JSON.stringify(args.details);
  const existing = await ctx.db
    .query("serviceHeartbeats")
    .withIndex("by_service_and_instance", (q) =>
      q.eq("service", "mirror").eq("instanceId", args.instanceId),
    )
    .unique();
  if (existing === null) {
    await ctx.db.insert("serviceHeartbeats", {
      service: "mirror",
      instanceId: args.instanceId,
      startedAt: args.startedAt,
      lastSeenAt: now,
      details,
    });
    return;
  }
  await ctx.db.patch("serviceHeartbeats", existing._id, {
    startedAt: args.startedAt,
    lastSeenAt: now,
    details,
  });
}

export const vRoleHierarchyStatus = v.object({
  /** "ok": every paid role sits below the bot's highest role; "misordered": some does not. */
  state: v.union(
    v.literal("ok"),
    v.literal("misordered"),
    v.literal("unknown"), // no live mirror heartbeat, or the bot is not in the guild
  ),
  reportedAt: v.optional(v.number()),
  instanceId: v.optional(v.string()),
  botHighestRolePosition: v.optional(v.number()),
  roles: v.array(
    v.object({
      roleId: v.string(),
      tierKeys: v.array(v.string()),
      position: v.optional(v.number()),
      /** The bot can grant/revoke it only when its highest role is strictly above. */
      manageable: v.optional(v.boolean()),
    }),
  ),
  message: v.string(),
});
export type RoleHierarchyStatus = Infer<typeof vRoleHierarchyStatus>;

/**
 * Whether the bot's highest role sits above every paid role, from the freshest live mirror
 * heartbeat. Discord refuses role changes at or above the bot's own highest role (50013).
 */
export async function roleHierarchyStatus(
  ctx: QueryCtx,
  paidRoles: Map<string, string[]>,
  now: number,
): Promise<RoleHierarchyStatus> {
  const beats = await ctx.db
    .query("serviceHeartbeats")
    .withIndex("by_service_and_instance", (q) => q.eq("service", "mirror"))
    .take(50);
  const live = beats
    .filter((beat) => now - beat.lastSeenAt < HEARTBEAT_STALE_MS)
    .sort((a, b) => b.lastSeenAt - a.lastSeenAt);
  const roles: RoleHierarchyStatus["roles"] = [...paidRoles.entries()].map(
    ([roleId, tierKeys]) => ({ roleId, tierKeys }),
  );
  const freshest = live[0];
  const parsed = ZStoredDetails.safeParse(parseJson(freshest?.details));
  if (freshest === undefined || !parsed.success) {
    return {
      state: "unknown",
      roles,
      message: "No live mirror bot has reported its roles. Check that the mirror bot is running.",
    };
  }
  const report = parsed.data;
  const top = report.botHighestRolePosition;
  const base = { reportedAt: freshest.lastSeenAt, instanceId: freshest.instanceId };
  if (top === undefined) {
    return {
      ...base,
      state: "unknown",
      roles,
      message: "The mirror bot is not a member of the customer guild. Invite it with Manage Roles.",
    };
  }
  const positions = new Map(report.paidRoles.map((role) => [role.roleId, role.position]));
  const withPositions = roles.map((role): RoleHierarchyStatus["roles"][number] => {
    const position = positions.get(role.roleId);
    return position === undefined ? role : { ...role, position, manageable: top > position };
  });
  const blocked = withPositions.filter((role) => role.manageable !== true);
  if (blocked.length === 0) {
    return {
      ...base,
      state: "ok",
      botHighestRolePosition: top,
      roles: withPositions,
      message: "The bot's highest role sits above every paid role.",
    };
  }
  return {
    ...base,
    state: "misordered",
    botHighestRolePosition: top,
    roles: withPositions,
    message:
      `The bot cannot manage ${blocked.map((role) => role.roleId).join(", ")}: in Server Settings → ` +
      "Roles, drag the bot's role above the paid role(s) (or check the role still exists).",
  };
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
