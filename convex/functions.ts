import { getAuthUserId } from "@convex-dev/auth/server";
import {
  customAction,
  customCtx,
  customMutation,
  customQuery,
  NoOp,
} from "convex-helpers/server/customFunctions";
import { v } from "convex/values";
import { action, mutation, query } from "./_generated/server";
import { getViewer, requireAdmin, requireViewer } from "./model/auth/auth";
import { constantTimeEqual } from "./model/shared/constantTime";
import { emailProvider } from "./model/email/email";
import { optionalEnv, requireEnv } from "./model/shared/env";
import { appError } from "./model/shared/errors";

/**
 * The builders every public function is made with. Each one states who may call the function and
 * checks it before the handler runs, so no handler checks access by hand and a reviewer reads the
 * rule from the first word of the definition. Internal functions keep Convex's own
 * internalQuery/internalMutation/internalAction. convex/accessRules.test.ts fails on any public
 * function made with the raw `query`/`mutation`/`action`.
 *
 * | builder                        | who                                   | ctx adds                |
 * | ------------------------------ | ------------------------------------- | ----------------------- |
 * | publicQuery, publicMutation    | anyone; the identity is not read      | —                       |
 * | viewerQuery, viewerMutation    | anyone; signed-out callers get `null` | viewer: Viewer \| null  |
 * | userQuery, userMutation        | a signed-in user (live session)       | viewer: Viewer          |
 * | userAction                     | a signed-in user                      | userId                  |
 * | adminQuery, adminMutation      | an admin                              | admin: Viewer           |
 * | serviceQuery, serviceMutation  | the bots (`secret` argument)          | —                       |
 * | devMailboxQuery                | the web server's /dev/mailbox page    | —                       |
 */

export type AccessRule = "public" | "viewer" | "user" | "admin" | "service" | "devMailbox";

/** Where a registered function keeps its rule: global so a second copy of this module agrees. */
const ACCESS_RULE = Symbol.for("g3.accessRule");

/** The access rule a registered function was built with, or null for a raw one. */
export function accessRuleOf(fn: unknown): AccessRule | null {
  if ((typeof fn !== "object" && typeof fn !== "function") || fn === null) return null;
  const rule = (fn as { [ACCESS_RULE]?: unknown })[ACCESS_RULE];
  return typeof rule === "string" ? (rule as AccessRule) : null;
}

/** Marks what a builder registers with its rule (not enumerable: Convex sees the same object). */
function withRule<Builder extends (definition: never) => object>(
  rule: AccessRule,
  builder: Builder,
): Builder {
  const marked = (definition: never) => {
    const registered = builder(definition);
    Object.defineProperty(registered, ACCESS_RULE, { value: rule, enumerable: false });
    return registered;
  };
  return marked as Builder;
}

/**
 * The bots' secret, in the wire API as the `secret` argument (the trusted-backend pattern from
 * convex-helpers): consumed and compared in constant time before the handler, which never sees it.
 */
const serviceSecret = {
  args: { secret: v.string() },
  input: (_ctx: unknown, { secret }: { secret: string }) => {
    if (!constantTimeEqual(secret, requireEnv("CONVEX_SERVICE_SECRET"))) {
      throw appError("FORBIDDEN", "Invalid service secret");
    }
    return { ctx: {}, args: {} };
  },
};

/**
 * The dev mailbox exists only with EMAIL_PROVIDER=dev on a loopback deployment, and even there
 * answers only to DEV_MAILBOX_SECRET, which the web server holds and the browser never sees: the
 * backend's CORS is open and its port well known, so any page the developer visits could
 * otherwise read a code and verify an account.
 */
const devMailboxSecret = {
  args: { secret: v.string() },
  input: (_ctx: unknown, { secret }: { secret: string }) => {
    let provider: string;
    try {
      provider = emailProvider();
    } catch {
      provider = "misconfigured";
    }
    if (provider !== "dev") {
      throw appError(
        "NOT_FOUND",
        "The dev mailbox only exists with EMAIL_PROVIDER=dev on a loopback deployment.",
      );
    }
    const expected = optionalEnv("DEV_MAILBOX_SECRET");
    if (expected === undefined || !constantTimeEqual(secret, expected)) {
      throw appError(
        "FORBIDDEN",
        "The dev mailbox answers only to DEV_MAILBOX_SECRET (read it on /dev/mailbox).",
      );
    }
    return { ctx: {}, args: {} };
  },
};

const viewerCtx = customCtx(async (ctx: Parameters<typeof getViewer>[0]) => ({
  viewer: await getViewer(ctx),
}));
const userCtx = customCtx(async (ctx: Parameters<typeof requireViewer>[0]) => ({
  viewer: await requireViewer(ctx),
}));
const adminCtx = customCtx(async (ctx: Parameters<typeof requireAdmin>[0]) => ({
  admin: await requireAdmin(ctx),
}));

/** Deliberately anonymous (pricing, legal pages, the live feed behind its pass): reads no identity. */
export const publicQuery = withRule("public", customQuery(query, NoOp));
export const publicMutation = withRule("public", customMutation(mutation, NoOp));

/** Open to anyone; the handler decides what a signed-out caller (`viewer: null`) gets. */
export const viewerQuery = withRule("viewer", customQuery(query, viewerCtx));
export const viewerMutation = withRule("viewer", customMutation(mutation, viewerCtx));

/** Signed in with a live session: UNAUTHENTICATED otherwise. */
export const userQuery = withRule("user", customQuery(query, userCtx));
export const userMutation = withRule("user", customMutation(mutation, userCtx));

/**
 * Signed in, for an action. Actions cannot read the session table, so this checks the token's
 * user; the mutations the action runs act for that user only.
 */
export const userAction = withRule(
  "user",
  customAction(
    action,
    customCtx(async (ctx) => {
      const userId = await getAuthUserId(ctx);
      if (userId === null) throw appError("UNAUTHENTICATED", "Sign in to continue.");
      return { userId };
    }),
  ),
);

/** Admins only: UNAUTHENTICATED when signed out, FORBIDDEN for anyone else. */
export const adminQuery = withRule("admin", customQuery(query, adminCtx));
export const adminMutation = withRule("admin", customMutation(mutation, adminCtx));

/** The bots only: FORBIDDEN without CONVEX_SERVICE_SECRET. */
export const serviceQuery = withRule("service", customQuery(query, serviceSecret));
export const serviceMutation = withRule("service", customMutation(mutation, serviceSecret));

/** The local dev mailbox page only. */
export const devMailboxQuery = withRule("devMailbox", customQuery(query, devMailboxSecret));
