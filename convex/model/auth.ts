import { getAuthUserId } from "@convex-dev/auth/server";
import { ConvexError } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { optionalEnv } from "./env";

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

/** The signed-in user, from the verified token only — never from an argument. */
export async function getViewer(ctx: QueryCtx): Promise<Viewer | null> {
  const userId = await getAuthUserId(ctx);
  if (userId === null) return null;
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
    throw new ConvexError({ code: "UNAUTHENTICATED", message: "Sign in to continue." });
  }
  return viewer;
}

export async function requireAdmin(ctx: QueryCtx): Promise<Viewer> {
  const viewer = await requireViewer(ctx);
  if (!viewer.isAdmin) {
    throw new ConvexError({ code: "FORBIDDEN", message: "Admins only." });
  }
  return viewer;
}
