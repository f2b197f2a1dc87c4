// A guild spec → records: @everyone (role id = guild id), roles, members, channels.
import type { z } from "zod";
import type { ZGuildSpec } from "./spec.js";
import type { ChannelRecord, GuildRecord } from "./types.js";

export function guildFromSpec(g: z.output<typeof ZGuildSpec>): {
  guild: GuildRecord;
  channels: ChannelRecord[];
} {
  const joinedAt = new Date(0).toISOString();
  const guild: GuildRecord = {
    id: g.id,
    name: g.name,
    ownerId: g.ownerId,
    roles: new Map(),
    channelIds: [],
    members: new Map(),
  };
  guild.roles.set(g.id, {
    id: g.id,
    guildId: g.id,
    name: "@everyone",
    position: 0,
    permissions: BigInt(g.everyonePermissions),
    color: 0,
    hoist: false,
    mentionable: false,
  });
  for (const r of g.roles)
    guild.roles.set(r.id, { ...r, guildId: g.id, permissions: BigInt(r.permissions) });
  for (const m of g.members)
    guild.members.set(m.userId, {
      userId: m.userId,
      guildId: g.id,
      roles: [...m.roles],
      nick: m.nick,
      joinedAt,
    });
  const channels = g.channels.map((c): ChannelRecord => {
    guild.channelIds.push(c.id);
    return {
      id: c.id,
      guildId: g.id,
      name: c.name,
      type: c.type,
      parentId: c.parentId,
      position: c.position,
      topic: c.topic,
      lastMessageId: null,
    };
  });
  return { guild, channels };
}
