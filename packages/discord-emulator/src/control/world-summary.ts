// Read-only views of the world for the control API and the HTML page (no tokens or secrets).
import type { CdnSigner } from "../cdn.js";
import { apiMember, apiMessage, apiRole } from "../world/serialize.js";
import type { World } from "../world/world.js";

export function worldSummary(world: World) {
  return {
    settings: world.settings,
    users: [...world.users.values()].map((u) => ({
      id: u.id,
      username: u.username,
      globalName: u.globalName,
      bot: u.bot,
    })),
    applications: [...world.applications.values()].map((a) => ({
      id: a.id,
      name: a.name,
      botId: a.bot.id,
      tokenEnvVar: a.tokenEnvVar ?? null,
      redirectUris: a.redirectUris,
      privilegedIntents: a.privilegedIntents,
    })),
    guilds: [...world.guilds.values()].map((g) => ({
      id: g.id,
      name: g.name,
      ownerId: g.ownerId,
      channels: g.channelIds.map((id) => {
        const c = world.channel(id);
        return { id: c.id, name: c.name, type: c.type, messageCount: world.log(c.id).size };
      }),
      roles: [...g.roles.values()].map((r) => ({ id: r.id, name: r.name, position: r.position })),
      memberCount: g.members.size,
    })),
    oauth2: world.oauthConsent,
  };
}

export function controlMessages(world: World, cdn: CdnSigner, channelId: string) {
  return world
    .log(channelId)
    .all()
    .map((m) => apiMessage(world, cdn, m, { viewer: null, dispatch: true }));
}

export function controlMembers(world: World, guildId: string) {
  return [...world.guild(guildId).members.values()].map((m) => apiMember(world, m));
}

export function controlRoles(world: World, guildId: string) {
  return [...world.guild(guildId).roles.values()]
    .sort((a, b) => b.position - a.position)
    .map(apiRole);
}
