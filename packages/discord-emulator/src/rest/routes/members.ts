// Guild members: list/get, add with an OAuth2 access token (PUT), kick, role add/remove.
import { z } from "zod";
import { Errors } from "../../errors.js";
import { canManageRole, Permission } from "../../world/permissions.js";
import { apiMember } from "../../world/serialize.js";
import { memberGuild, requirePermission } from "../access.js";
import type { RestContext, RouteDef } from "../types.js";
import { parseForm } from "../validation.js";
import { recordAudit } from "../audit.js";

const Snowflake = z.string().regex(/^\d{17,20}$/);

const ZListMembers = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(1),
  after: Snowflake.default("0"),
});

const ZAddMember = z.looseObject({
  access_token: z.string().min(1),
  nick: z.string().max(32).nullable().optional(),
  roles: z.array(Snowflake).optional(),
  mute: z.boolean().optional(),
  deaf: z.boolean().optional(),
});

function roleChange(ctx: RestContext, action: "member_role_add" | "member_role_remove") {
  const world = ctx.core.world;
  const guild = memberGuild(world, ctx.actor.userId, ctx.params.guild_id ?? "");
  const userId = ctx.params.user_id ?? "";
  const roleId = ctx.params.role_id ?? "";
  if (!guild.members.has(userId)) throw Errors.unknownMember();
  world.role(guild.id, roleId);
  if (!canManageRole(guild, ctx.actor.userId, roleId)) throw Errors.missingPermissions();
  if (action === "member_role_add") world.addMemberRole(guild.id, userId, roleId);
  else world.removeMemberRole(guild.id, userId, roleId);
  recordAudit(ctx, { guildId: guild.id, action, targetId: userId, roleId });
  return { status: 204 };
}

export const memberRoutes: RouteDef[] = [
  {
    method: "GET",
    template: "/guilds/:guild_id/members",
    auth: "bot",
    handler: (ctx) => {
      const guild = memberGuild(ctx.core.world, ctx.actor.userId, ctx.params.guild_id ?? "");
      // Listing members needs the privileged GuildMembers intent enabled for the application.
      if (ctx.actor.kind !== "bot" || !ctx.actor.app.privilegedIntents.includes("GuildMembers"))
        throw Errors.missingAccess();
      const { limit, after } = parseForm(ZListMembers, Object.fromEntries(ctx.query));
      const afterId = BigInt(after);
      const page = [...guild.members.values()]
        .filter((m) => BigInt(m.userId) > afterId)
        .sort((a, b) => (BigInt(a.userId) < BigInt(b.userId) ? -1 : 1))
        .slice(0, limit);
      return { status: 200, body: page.map((m) => apiMember(ctx.core.world, m)) };
    },
  },
  {
    method: "GET",
    template: "/guilds/:guild_id/members/:user_id",
    auth: "bot",
    handler: (ctx) => {
      const guild = memberGuild(ctx.core.world, ctx.actor.userId, ctx.params.guild_id ?? "");
      const member = guild.members.get(ctx.params.user_id ?? "");
      if (!member) throw Errors.unknownMember();
      return { status: 200, body: apiMember(ctx.core.world, member) };
    },
  },
  {
    method: "PUT",
    template: "/guilds/:guild_id/members/:user_id",
    auth: "bot",
    handler: async (ctx) => {
      const world = ctx.core.world;
      const guild = memberGuild(world, ctx.actor.userId, ctx.params.guild_id ?? "");
      const userId = ctx.params.user_id ?? "";
      const body = await ctx.body();
      const input = parseForm(ZAddMember, body.kind === "json" ? body.value : {});
      const grant = ctx.core.grants.byAccessToken(input.access_token);
      const appId = ctx.actor.kind === "bot" ? ctx.actor.app.id : null;
      if (
        !grant ||
        grant.applicationId !== appId ||
        grant.userId !== userId ||
        !grant.scopes.includes("guilds.join")
      )
        throw Errors.invalidOAuthToken();
      requirePermission(guild, ctx.actor.userId, Permission.CreateInstantInvite);
      if (guild.members.has(userId)) return { status: 204 };
      const roles = input.roles ?? [];
      for (const roleId of roles) {
        world.role(guild.id, roleId);
        if (!canManageRole(guild, ctx.actor.userId, roleId)) throw Errors.missingPermissions();
      }
      const member = world.addMember(guild.id, userId, { roles, nick: input.nick ?? null });
      recordAudit(ctx, { guildId: guild.id, action: "member_add", targetId: userId });
      return { status: 201, body: apiMember(world, member) };
    },
  },
  {
    method: "DELETE",
    template: "/guilds/:guild_id/members/:user_id",
    auth: "bot",
    handler: (ctx) => {
      const world = ctx.core.world;
      const guild = memberGuild(world, ctx.actor.userId, ctx.params.guild_id ?? "");
      const userId = ctx.params.user_id ?? "";
      if (!guild.members.has(userId)) throw Errors.unknownMember();
      requirePermission(guild, ctx.actor.userId, Permission.KickMembers);
      world.removeMember(guild.id, userId);
      recordAudit(ctx, { guildId: guild.id, action: "member_kick", targetId: userId });
      return { status: 204 };
    },
  },
  {
    method: "PUT",
    template: "/guilds/:guild_id/members/:user_id/roles/:role_id",
    auth: "bot",
    handler: (ctx) => roleChange(ctx, "member_role_add"),
  },
  {
    method: "DELETE",
    template: "/guilds/:guild_id/members/:user_id/roles/:role_id",
    auth: "bot",
    handler: (ctx) => roleChange(ctx, "member_role_remove"),
  },
];
