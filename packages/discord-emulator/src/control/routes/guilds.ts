// Control routes: members and roles (moderator actions, no permission checks), audit log.
import { apiMember } from "../../world/serialize.js";
import {
  param as p,
  type ControlContext,
  type ControlResult,
  type ControlRoute,
} from "../types.js";
import { ZControlAddMember, ZControlRoleChange } from "../schemas.js";
import { controlMembers, controlRoles } from "../world-summary.js";

const MODERATOR = "moderator";

export const guildRoutes: ControlRoute[] = [
  {
    method: "GET",
    template: "/guilds/:guild_id/members",
    handler: (ctx) => ({ status: 200, body: controlMembers(ctx.core.world, p(ctx, "guild_id")) }),
  },
  {
    method: "POST",
    template: "/guilds/:guild_id/members",
    handler: async (ctx) => {
      const input = ZControlAddMember.parse(await ctx.json());
      const member = ctx.core.world.addMember(p(ctx, "guild_id"), input.userId, {
        roles: input.roles,
        nick: input.nick,
      });
      return { status: 201, body: apiMember(ctx.core.world, member) };
    },
  },
  {
    method: "DELETE",
    template: "/guilds/:guild_id/members/:user_id",
    handler: (ctx) => {
      ctx.core.world.removeMember(p(ctx, "guild_id"), p(ctx, "user_id"));
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/guilds/:guild_id/roles",
    handler: (ctx) => ({ status: 200, body: controlRoles(ctx.core.world, p(ctx, "guild_id")) }),
  },
  {
    method: "PUT",
    template: "/guilds/:guild_id/members/:user_id/roles/:role_id",
    handler: async (ctx) =>
      roleChange(ctx, "add", ZControlRoleChange.parse(await ctx.json()).reason),
  },
  {
    method: "DELETE",
    template: "/guilds/:guild_id/members/:user_id/roles/:role_id",
    handler: async (ctx) =>
      roleChange(ctx, "remove", ZControlRoleChange.parse(await ctx.json()).reason),
  },
  {
    method: "GET",
    template: "/guilds/:guild_id/audit-log",
    handler: (ctx) => ({
      status: 200,
      body: ctx.core.auditLog.list().filter((e) => e.guildId === p(ctx, "guild_id")),
    }),
  },
];

function roleChange(
  ctx: ControlContext,
  op: "add" | "remove",
  reason: string | undefined,
): ControlResult {
  const world = ctx.core.world;
  const guildId = p(ctx, "guild_id");
  const userId = p(ctx, "user_id");
  const roleId = p(ctx, "role_id");
  const member =
    op === "add"
      ? world.addMemberRole(guildId, userId, roleId)
      : world.removeMemberRole(guildId, userId, roleId);
  ctx.core.auditLog.push({
    time: new Date().toISOString(),
    guildId,
    actorId: MODERATOR,
    action: op === "add" ? "member_role_add" : "member_role_remove",
    targetId: userId,
    roleId,
    reason: reason ?? null,
  });
  return { status: 200, body: apiMember(world, member) };
}
