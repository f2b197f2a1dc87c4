import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation } from "./_generated/server";
import { userAction, userMutation, userQuery } from "./functions";
import { writeAudit } from "./model/shared/audit";
import { sha256Hex } from "./model/discord/discordLinkCrypto";
import { consumeLinkState, createLinkState } from "./model/discord/discordLinkState";
import { removeDiscordLink, storeDiscordLink } from "./model/discord/discordLinkStore";
import { appError } from "./model/shared/errors";
import {
  buildAuthorizeUrl,
  exchangeCode,
  fetchDiscordUser,
  joinCustomerGuild,
  revokeToken,
} from "./model/discord/discordOAuth";
import { enqueueRoleSyncForUser } from "./model/discord/roleSync";

// Discord account linking (OAuth2 authorization code + PKCE, `state` bound to the browser by the
// web app's HttpOnly cookie). The user's access token lives only inside `complete`: it is used to
// read the account and join the customer guild, then revoked. It is never stored: role changes
// later use the bot token, so keeping a user credential would only add something to leak.

const MAX_STATE_LENGTH = 200;
const MAX_CODE_LENGTH = 500;

/** Starts a link attempt for the signed-in user. The web app keeps `state` in a cookie. */
export const start = userMutation({
  args: {},
  returns: v.object({
    state: v.string(),
    codeChallenge: v.string(),
    authorizeUrl: v.string(),
    expiresAt: v.number(),
  }),
  handler: async (ctx) => {
    const { viewer } = ctx;
    const { state, codeChallenge, expiresAt } = await createLinkState(ctx, viewer._id);
    return {
      state,
      codeChallenge,
      expiresAt,
      authorizeUrl: buildAuthorizeUrl({ state, codeChallenge }),
    };
  },
});

const vGuildJoin = v.union(
  v.literal("added"),
  v.literal("already_member"),
  v.literal("failed"),
  v.literal("not_configured"),
);

/**
 * Finishes a link attempt from the OAuth2 callback: burns the state (before the code exchange),
 * exchanges the code with the PKCE verifier, reads the Discord account, stores the link and joins
 * the user to the customer guild with the paid roles they are entitled to.
 */
export const complete = userAction({
  args: { state: v.string(), code: v.string() },
  returns: v.object({ discordUserId: v.string(), username: v.string(), guild: vGuildJoin }),
  handler: async (ctx, { state, code }) => {
    const { userId } = ctx;
    if (
      state.length === 0 ||
      state.length > MAX_STATE_LENGTH ||
      code.length === 0 ||
      code.length > MAX_CODE_LENGTH
    ) {
      throw appError("INVALID_STATE", "Malformed link request. Start linking again.");
    }
    const codeVerifier = await ctx.runMutation(internal.discordLink.consumeState, {
      stateHash: await sha256Hex(state),
      userId,
    });
    const accessToken = await exchangeCode(code, codeVerifier);
    try {
      const discordUser = await fetchDiscordUser(accessToken);
      const username = discordUser.global_name ?? discordUser.username;
      const { entitledRoleIds } = await ctx.runMutation(internal.discordLink.storeLink, {
        userId,
        discordUserId: discordUser.id,
        username,
      });
      const join = await joinCustomerGuild({
        accessToken,
        discordUserId: discordUser.id,
        roleIds: entitledRoleIds,
      });
      await ctx.runMutation(internal.discordLink.recordJoin, {
        userId,
        discordUserId: discordUser.id,
        outcome: join.outcome,
        roleIds: entitledRoleIds,
        ...(join.status === undefined ? {} : { status: join.status }),
        ...(join.detail === undefined ? {} : { detail: join.detail }),
      });
      return { discordUserId: discordUser.id, username, guild: join.outcome };
    } finally {
      await revokeToken(accessToken);
    }
  },
});

/** The signed-in user's link, for the account page. */
export const mine = userQuery({
  args: {},
  returns: v.union(
    v.null(),
    v.object({ discordUserId: v.string(), username: v.string(), linkedAt: v.number() }),
  ),
  handler: async (ctx) => {
    const { viewer } = ctx;
    const link = await ctx.db
      .query("discordLinks")
      .withIndex("by_user", (q) => q.eq("userId", viewer._id))
      .unique();
    if (link === null) return null;
    return { discordUserId: link.discordUserId, username: link.username, linkedAt: link.linkedAt };
  },
});

/** Unlinks the signed-in user's Discord account; its paid roles are revoked by the bot. */
export const unlink = userMutation({
  args: {},
  returns: v.boolean(),
  handler: async (ctx) => {
    const { viewer } = ctx;
    return removeDiscordLink(ctx, viewer._id);
  },
});

export const consumeState = internalMutation({
  args: { stateHash: v.string(), userId: v.id("users") },
  returns: v.string(),
  handler: async (ctx, args) => consumeLinkState(ctx, args),
});

export const storeLink = internalMutation({
  args: { userId: v.id("users"), discordUserId: v.string(), username: v.string() },
  returns: v.object({
    entitledRoleIds: v.array(v.string()),
    replacedDiscordUserId: v.union(v.string(), v.null()),
  }),
  handler: async (ctx, args) => storeDiscordLink(ctx, args),
});

/**
 * After the guild join: 201 applied the roles (audited as grants); otherwise (204 already a member,
 * whose roles Discord does not apply, or a failed join) the bot's role jobs bring the roles in line.
 */
export const recordJoin = internalMutation({
  args: {
    userId: v.id("users"),
    discordUserId: v.string(),
    outcome: vGuildJoin,
    roleIds: v.array(v.string()),
    status: v.optional(v.number()),
    detail: v.optional(v.string()),
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    if (args.outcome === "added") {
      for (const roleId of args.roleIds) {
        await writeAudit(ctx, {
          actorType: "system",
          actorUserId: args.userId,
          action: "role.grant",
          targetType: "discordUser",
          targetId: args.discordUserId,
          reason: "joined the customer guild when linking",
          details: { roleId, userId: args.userId },
        });
      }
      return null;
    }
    if (args.outcome === "failed") {
      console.warn(
        JSON.stringify({
          event: "discordLink.join_failed",
          discordUserId: args.discordUserId,
          status: args.status,
          detail: args.detail,
        }),
      );
    }
    await enqueueRoleSyncForUser(ctx, args.userId, `linked (guild join: ${args.outcome})`);
    return null;
  },
});
