// GET /channels/:id, /guilds/:id, /guilds/:id/channels, /guilds/:id/roles.
import { apiChannel, apiGuild, apiRole } from "../../world/serialize.js";
import { memberGuild, visibleChannel } from "../access.js";
import type { RouteDef } from "../types.js";

export const guildRoutes: RouteDef[] = [
  {
    method: "GET",
    template: "/channels/:channel_id",
    auth: "bot",
    handler: (ctx) => ({
      status: 200,
      body: apiChannel(
        visibleChannel(ctx.core.world, ctx.actor.userId, ctx.params.channel_id ?? "").channel,
      ),
    }),
  },
  {
    method: "GET",
    template: "/guilds/:guild_id",
    auth: "bot",
    handler: (ctx) => {
      const guild = memberGuild(ctx.core.world, ctx.actor.userId, ctx.params.guild_id ?? "");
      const counts =
        ctx.query.get("with_counts") === "true"
          ? { approximate_member_count: guild.members.size, approximate_presence_count: 0 }
          : {};
      return { status: 200, body: { ...apiGuild(guild), ...counts } };
    },
  },
  {
    method: "GET",
    template: "/guilds/:guild_id/channels",
    auth: "bot",
    handler: (ctx) => {
      const guild = memberGuild(ctx.core.world, ctx.actor.userId, ctx.params.guild_id ?? "");
      return {
        status: 200,
        body: guild.channelIds.map((id) => apiChannel(ctx.core.world.channel(id))),
      };
    },
  },
  {
    method: "GET",
    template: "/guilds/:guild_id/roles",
    auth: "bot",
    handler: (ctx) => {
      const guild = memberGuild(ctx.core.world, ctx.actor.userId, ctx.params.guild_id ?? "");
      return { status: 200, body: [...guild.roles.values()].map(apiRole) };
    },
  },
];
