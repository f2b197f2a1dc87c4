import { convexAuth } from "@convex-dev/auth/server";
import { attachVerifiedCustomer } from "./model/payments/customers";
import { passwordProvider } from "./model/auth/passwordProvider";

/**
 * How long an access token (JWT) is accepted. Convex checks the signature and expiry only, so a
 * token outlives the session it belongs to by at most this much: ending sessions (password
 * reset, "sign out everywhere") deletes their refresh tokens, and no new token follows.
 */
export const ACCESS_TOKEN_MS = 5 * 60 * 1000;

export const { auth, signIn, signOut, store, isAuthenticated } = convexAuth({
  providers: [passwordProvider()],
  jwt: { durationMs: ACCESS_TOKEN_MS },
  // Convex Auth's own limiter locks an account after failed attempts, even for its owner; our
  // provider budgets guesses itself (model/auth/authLimits.ts) and no longer spends this one on
  // passwords. For codes it would still lock the address out, so it is set out of reach.
  signIn: { maxFailedAttempsPerHour: Number.MAX_SAFE_INTEGER },
  callbacks: {
    // Payments made under a verified email (pending entitlements) attach to the user here: on
    // sign-up with an already-verified email and after email verification. Unverified: nothing.
    async afterUserCreatedOrUpdated(ctx, { userId }) {
      await attachVerifiedCustomer(ctx, userId);
    },
  },
});
