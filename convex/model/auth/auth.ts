import { getAuthSessionId, getAuthUserId } from "@convex-dev/auth/server";
import type { Doc } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";
import { optionalEnv } from "../shared/env";
import { appError } from "../shared/errors";

export type Viewer = Doc<"users"> & { isAdmin: boolean; emailVerified: boolean };

/** Lower-cased emails from ADMIN_EMAILS (comma separated). */
export function adminAllowList(): Set<string> {
  return new Set(
    (optionalEnv("ADMIN_EMAILS") ?? "")
      .split(",")
      .map((email) => email.trim().toLowerCase())
      .filter((email) => email.length > 0),
  );
}

/**
 * An admin either carries the admin role or has a *verified* email on the ADMIN_EMAILS allow-list.
 * An unverified address never counts: anyone can sign up with any email.
 */
export function isAdminUser(user: Doc<"users">): boolean {
  if (user.role === "admin") return true;
  const verified = user.emailVerificationTime !== undefined;
  return verified && user.email !== undefined && adminAllowList().has(user.email.toLowerCase());
}

/**
 * The signed-in user, from the verified token only — never from an argument. The token's session
 * must still exist: a password reset, "sign out everywhere" or a sign-out deletes sessions, and
 * Convex checks only a token's signature and expiry, so without this read a copied access token
 * would keep working until it expires. Reading the session also makes every subscription of
 * that session re-run (and lock) the moment the session is deleted.
 */
export async function getViewer(ctx: QueryCtx): Promise<Viewer | null> {
  const userId = await getAuthUserId(ctx);
  const sessionId = await getAuthSessionId(ctx);
  if (userId === null || sessionId === null) return null;
  const session = await ctx.db.get("authSessions", sessionId);
  if (session === null || session.userId !== userId || session.expirationTime <= Date.now()) {
    return null;
  }
  const user = await ctx.db.get("users", userId);
  if (user === null) return null;
  return {
    ...user,
    isAdmin: isAdminUser(user),
    emailVerified: user.emailVerificationTime !== undefined,
  };
}

export async function requireViewer(ctx: QueryCtx): Promise<Viewer> {
  const viewer = await getViewer(ctx);
  if (viewer === null) {
    throw appError("UNAUTHENTICATED", "Sign in to continue.");
  }
  return viewer;
}

export async function requireAdmin(ctx: QueryCtx): Promise<Viewer> {
  const viewer = await requireViewer(ctx);
  if (!viewer.isAdmin) {
    throw appError("FORBIDDEN", "Admins only.");
  }
  return viewer;
}
