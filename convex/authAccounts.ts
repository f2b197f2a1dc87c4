import { v } from "convex/values";
import { internalQuery } from "./_generated/server";

/** The provider id our email + password accounts are stored under (Convex Auth's `authAccounts`). */
export const PASSWORD_PROVIDER_ID = "password";

/**
 * The password account for a canonical email, for the password provider's action: it checks the
 * password itself so that it can spend the same time on an address without an account.
 */
export const passwordAccount = internalQuery({
  args: { email: v.string() },
  returns: v.union(
    v.null(),
    v.object({
      accountId: v.id("authAccounts"),
      userId: v.id("users"),
      secretHash: v.optional(v.string()),
      emailVerified: v.boolean(),
    }),
  ),
  handler: async (ctx, { email }) => {
    const account = await ctx.db
      .query("authAccounts")
      .withIndex("providerAndAccountId", (q) =>
        q.eq("provider", PASSWORD_PROVIDER_ID).eq("providerAccountId", email),
      )
      .unique();
    if (account === null) return null;
    return {
      accountId: account._id,
      userId: account.userId,
      ...(account.secret !== undefined ? { secretHash: account.secret } : {}),
      emailVerified: account.emailVerified !== undefined,
    };
  },
});
