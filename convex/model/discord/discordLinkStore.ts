import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { writeAudit } from "../shared/audit";
import { enqueueRoleSyncForDiscordUser, paidRoleMap, userShouldHoldRole } from "./roleSync";
import { appError } from "../shared/errors";

/**
 * Stores the link: one Discord account per user and one user per Discord account. Linking an
 * account that belongs to another user is refused; linking a different account replaces the
 * user's previous one (whose paid roles are then revoked). Returns the paid roles the user is
 * entitled to now (to request with the guild join).
 */
export async function storeDiscordLink(
  ctx: MutationCtx,
  args: { userId: Id<"users">; discordUserId: string; username: string },
): Promise<{ entitledRoleIds: string[]; replacedDiscordUserId: string | null }> {
  const taken = await ctx.db
    .query("discordLinks")
    .withIndex("by_discord_user", (q) => q.eq("discordUserId", args.discordUserId))
    .unique();
  if (taken !== null && taken.userId !== args.userId) {
    throw appError(
      "DISCORD_ACCOUNT_TAKEN",
      "This Discord account is already linked to another G3netic account. Unlink it there first, or sign in with that account.",
    );
  }
  const now = Date.now();
  const mine = await ctx.db
    .query("discordLinks")
    .withIndex("by_user", (q) => q.eq("userId", args.userId))
    .unique();
  let replacedDiscordUserId: string | null = null;
  if (mine === null) {
    await ctx.db.insert("discordLinks", { ...args, linkedAt: now });
  } else {
    if (mine.discordUserId !== args.discordUserId) replacedDiscordUserId = mine.discordUserId;
    await ctx.db.patch("discordLinks", mine._id, {
      discordUserId: args.discordUserId,
      username: args.username,
      linkedAt: now,
    });
  }
  await writeAudit(ctx, {
    actorType: "system",
    actorUserId: args.userId,
    action: replacedDiscordUserId === null ? "discord.link" : "discord.relink",
    targetType: "user",
    targetId: args.userId,
    details: {
      discordUserId: args.discordUserId,
      ...(replacedDiscordUserId === null ? {} : { replacedDiscordUserId }),
    },
  });
  if (replacedDiscordUserId !== null) {
    await enqueueRoleSyncForDiscordUser(ctx, replacedDiscordUserId, "relinked to another account");
  }
  const entitledRoleIds: string[] = [];
  for (const [roleId, tierKeys] of await paidRoleMap(ctx)) {
    if (await userShouldHoldRole(ctx, args.userId, tierKeys, now)) entitledRoleIds.push(roleId);
  }
  return { entitledRoleIds, replacedDiscordUserId };
}

/** Removes the user's link and revokes the paid roles of the unlinked account. */
export async function removeDiscordLink(ctx: MutationCtx, userId: Id<"users">): Promise<boolean> {
  const link = await ctx.db
    .query("discordLinks")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .unique();
  if (link === null) return false;
  await ctx.db.delete("discordLinks", link._id);
  await writeAudit(ctx, {
    actorType: "system",
    actorUserId: userId,
    action: "discord.unlink",
    targetType: "user",
    targetId: userId,
    details: { discordUserId: link.discordUserId },
  });
  await enqueueRoleSyncForDiscordUser(ctx, link.discordUserId, "unlinked");
  return true;
}
