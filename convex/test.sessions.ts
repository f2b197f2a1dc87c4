// Signed-in callers for convex-test (not a Convex module: two dots keep it out of the API).
// The access gate requires the token's session to exist (model/auth/auth.ts getViewer), so a test
// identity names a real authSessions row, as a token Convex Auth issued would.
import type { TestConvex } from "convex-test";
import type { Id } from "./_generated/dataModel";
import type schema from "./schema";

// Far beyond any span a test moves the clock across (subscriptions run months in fake time).
const SESSION_MS = 10 * 365 * 24 * 60 * 60 * 1000;

/** A session for `userId`, as Convex Auth's sign-in creates (longer-lived, see SESSION_MS). */
export async function createSession(
  t: TestConvex<typeof schema>,
  userId: Id<"users">,
): Promise<Id<"authSessions">> {
  return await t.run((ctx) =>
    ctx.db.insert("authSessions", { userId, expirationTime: Date.now() + SESSION_MS }),
  );
}

/** `t` acting as `userId` signed in with a fresh session. */
export async function signedInAs(t: TestConvex<typeof schema>, userId: Id<"users">) {
  const sessionId = await createSession(t, userId);
  return t.withIdentity({ subject: `${userId}|${sessionId}` });
}

/**
 * Signed-in callers for a fixed set of users, made up front so fixtures can hand out callers
 * synchronously: `as(ids.admin)`. Asking for a user outside the set is a test bug.
 */
export async function sessionCallers(t: TestConvex<typeof schema>, userIds: Id<"users">[]) {
  const sessions = new Map<Id<"users">, Id<"authSessions">>();
  for (const userId of userIds) sessions.set(userId, await createSession(t, userId));
  return (userId: Id<"users">) => {
    const sessionId = sessions.get(userId);
    if (sessionId === undefined) throw new Error(`no test session for ${userId}: use signedInAs`);
    return t.withIdentity({ subject: `${userId}|${sessionId}` });
  };
}
