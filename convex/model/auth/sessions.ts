import { internal } from "../../_generated/api";
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";

// Bounded work per transaction; a user with more sessions is finished by a scheduled run.
const SESSIONS_PER_RUN = 50;
const REFRESH_TOKENS_PER_SESSION = 100;

/**
 * Deletes a user's Convex Auth sessions and their refresh tokens, as Convex Auth's own sign-out
 * does for one session. Refresh tokens rotate (a few per session); any left over by the bound
 * belong to a deleted session, which Convex Auth refuses to refresh.
 */
export async function endSessionsOf(ctx: MutationCtx, userId: Id<"users">): Promise<void> {
  const sessions = await ctx.db
    .query("authSessions")
    .withIndex("userId", (q) => q.eq("userId", userId))
    .take(SESSIONS_PER_RUN);
  for (const session of sessions) {
    const refreshTokens = await ctx.db
      .query("authRefreshTokens")
      .withIndex("sessionId", (q) => q.eq("sessionId", session._id))
      .take(REFRESH_TOKENS_PER_SESSION);
    for (const token of refreshTokens) await ctx.db.delete("authRefreshTokens", token._id);
    await ctx.db.delete("authSessions", session._id);
  }
  if (sessions.length === SESSIONS_PER_RUN) {
    await ctx.scheduler.runAfter(0, internal.users.endRemainingSessions, { userId });
  }
}
