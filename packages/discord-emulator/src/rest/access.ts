// Cheap permission checks for the bot, as Discord makes them.
import { Errors } from "../errors.js";
import { hasPermission, Permission } from "../world/permissions.js";
import type { ChannelRecord, GuildRecord } from "../world/types.js";
import type { World } from "../world/world.js";

/** The channel, if the actor can see it: unknown → 10003, other guild / no VIEW_CHANNEL → 50001. */
export function visibleChannel(
  world: World,
  actorId: string,
  channelId: string,
): { channel: ChannelRecord; guild: GuildRecord } {
  const channel = world.channel(channelId);
  const guild = world.guild(channel.guildId);
  if (!guild.members.has(actorId)) throw Errors.missingAccess();
  if (!hasPermission(guild, actorId, Permission.ViewChannel)) throw Errors.missingAccess();
  return { channel, guild };
}

/** The guild, if the actor is in it: unknown → 10004, not a member → 50001. */
export function memberGuild(world: World, actorId: string, guildId: string): GuildRecord {
  const guild = world.guild(guildId);
  if (!guild.members.has(actorId)) throw Errors.missingAccess();
  return guild;
}

export function requirePermission(guild: GuildRecord, actorId: string, flag: bigint): void {
  if (!hasPermission(guild, actorId, flag)) throw Errors.missingPermissions();
}
