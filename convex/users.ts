import { v } from "convex/values";
import { internalMutation } from "./_generated/server";
import { endSessionsOf } from "./model/auth/sessions";
import { vUserRole } from "./tables/users";
import { userMutation, viewerQuery } from "./functions";

/** Who is signed in, for the web app's header and route guards. Null when signed out. */
export const viewer = viewerQuery({
  args: {},
  returns: v.union(
    v.null(),
    v.object({
      id: v.id("users"),
      email: v.optional(v.string()),
      emailVerified: v.boolean(),
      role: vUserRole,
      isAdmin: v.boolean(),
    }),
  ),
  handler: (ctx) => {
    const { viewer } = ctx;
    if (viewer === null) return null;
    return {
      id: viewer._id,
      email: viewer.email,
      emailVerified: viewer.emailVerified,
      role: viewer.isAdmin ? ("admin" as const) : ("customer" as const),
      isAdmin: viewer.isAdmin,
    };
  },
});

/**
 * Ends every session of the signed-in user, this one included: their refresh tokens go with
 * them, so no device gets a new access token, and the ones already issued expire within
 * ACCESS_TOKEN_MS (convex/auth.ts). The web app then signs this browser out.
 */
export const signOutEverywhere = userMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    const { viewer } = ctx;
    await endSessionsOf(ctx, viewer._id);
    return null;
  },
});

/** Continues `signOutEverywhere` for a user with more sessions than one transaction deletes. */
export const endRemainingSessions = internalMutation({
  args: { userId: v.id("users") },
  returns: v.null(),
  handler: async (ctx, { userId }) => {
    await endSessionsOf(ctx, userId);
    return null;
  },
});
