// Permission bits (discord-api-types) and the cheap checks the emulator makes: the bot's base
// permissions from its roles (channel overwrites are not modelled) and the role hierarchy.
import { PermissionFlagsBits } from "discord-api-types/v10";
import type { GuildRecord } from "./types.js";

export const Permission = PermissionFlagsBits;

export function basePermissions(guild: GuildRecord, userId: string): bigint {
  if (guild.ownerId === userId) return allPermissions();
  const member = guild.members.get(userId);
  if (!member) return 0n;
  let perms = guild.roles.get(guild.id)?.permissions ?? 0n;
  for (const roleId of member.roles) perms |= guild.roles.get(roleId)?.permissions ?? 0n;
  if ((perms & Permission.Administrator) === Permission.Administrator) return allPermissions();
  return perms;
}

export function hasPermission(guild: GuildRecord, userId: string, flag: bigint): boolean {
  return (basePermissions(guild, userId) & flag) === flag;
}

/** Position of the member's highest role (0 = only @everyone). */
export function highestRolePosition(guild: GuildRecord, userId: string): number {
  const member = guild.members.get(userId);
  if (!member) return -1;
  let highest = 0;
  for (const roleId of member.roles)
    highest = Math.max(highest, guild.roles.get(roleId)?.position ?? 0);
  return highest;
}

/** Discord: a member may manage a role only if their highest role is strictly above it (owner bypasses). */
export function canManageRole(guild: GuildRecord, actorId: string, roleId: string): boolean {
  if (guild.ownerId === actorId) return true;
  if (!hasPermission(guild, actorId, Permission.ManageRoles)) return false;
  const role = guild.roles.get(roleId);
  if (!role) return false;
  return highestRolePosition(guild, actorId) > role.position;
}

function allPermissions(): bigint {
  return Object.values(Permission).reduce((acc, bit) => acc | bit, 0n);
}
