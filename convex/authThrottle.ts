import { v } from "convex/values";
import { internalMutation } from "./_generated/server";
import { authRateLimiter } from "./model/auth/authLimits";
import { withRetryAt } from "./model/shared/rateLimitStatus";

const vEmail = { email: v.string() };
const vBudget = v.object({ ok: v.boolean(), retryAt: v.optional(v.number()) });

// The password provider runs in the signIn action; these are its transactional budget steps.
// Each returns instead of throwing, so what it spent stays spent.

/**
 * Spends one of the address's password attempts before the password is checked, so a burst of
 * parallel guesses cannot all slip past a check. `needsCode` is true when the address's or
 * everybody's budget is spent: then even the right password must be followed by an emailed code.
 */
export const startPasswordAttempt = internalMutation({
  args: vEmail,
  returns: v.object({ needsCode: v.boolean() }),
  handler: async (ctx, { email }) => {
    const own = await authRateLimiter.limit(ctx, "passwordFailuresPerEmail", { key: email });
    const everyone = await authRateLimiter.check(ctx, "passwordFailuresAll");
    return { needsCode: !own.ok || !everyone.ok };
  },
});

/** Counts a wrong password against the budget shared by every caller. */
export const recordPasswordFailure = internalMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    await authRateLimiter.limit(ctx, "passwordFailuresAll");
    return null;
  },
});

/** Spends one code attempt for the address before the code is checked. */
export const startCodeAttempt = internalMutation({
  args: vEmail,
  returns: vBudget,
  handler: async (ctx, { email }) => {
    return withRetryAt(await authRateLimiter.limit(ctx, "codeFailuresPerEmail", { key: email }));
  },
});

/**
 * Proof of owning the address (a right code, or a right password when no code was needed)
 * gives the address its full password and code budgets back.
 */
export const clearFailures = internalMutation({
  args: vEmail,
  returns: v.null(),
  handler: async (ctx, { email }) => {
    await authRateLimiter.reset(ctx, "passwordFailuresPerEmail", { key: email });
    await authRateLimiter.reset(ctx, "codeFailuresPerEmail", { key: email });
    return null;
  },
});

/**
 * Takes one email from the address's and everybody's budgets, before any code is created: a
 * refused request leaves the code already in the owner's inbox valid.
 */
export const reserveEmail = internalMutation({
  args: vEmail,
  returns: vBudget,
  handler: async (ctx, { email }) => {
    const own = withRetryAt(await authRateLimiter.check(ctx, "emailsPerAddress", { key: email }));
    const everyone = withRetryAt(await authRateLimiter.check(ctx, "emailsAll"));
    if (!own.ok || !everyone.ok) {
      const retryAt = Math.max(own.retryAt ?? 0, everyone.retryAt ?? 0);
      return { ok: false, ...(retryAt > 0 ? { retryAt } : {}) };
    }
    await authRateLimiter.limit(ctx, "emailsPerAddress", { key: email });
    await authRateLimiter.limit(ctx, "emailsAll");
    return { ok: true };
  },
});
