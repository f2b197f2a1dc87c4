import type { EmailConfig, GenericActionCtxWithAuthConfig } from "@convex-dev/auth/server";
import {
  createAccount,
  invalidateSessions,
  modifyAccountCredentials,
  signInViaProvider,
} from "@convex-dev/auth/server";
import type { GenericId } from "convex/values";
import { internal } from "../../_generated/api";
import type { DataModel } from "../../_generated/dataModel";
import { PASSWORD_PROVIDER_ID } from "../../authAccounts";
import { sendAccountExistsNotice } from "./accountExistsNotice";
import { invalidCode, invalidCredentials } from "./authErrors";
import { appError } from "../shared/errors";
import { retryInWords } from "./authLimits";
import { validateNewPassword } from "./passwordProfile";
import { verifyPassword } from "./passwordHashing";

export type AuthCtx = GenericActionCtxWithAuthConfig<DataModel>;
export type SignedIn = { userId: GenericId<"users">; sessionId?: GenericId<"authSessions"> };
/** `null` is the answer "check your email": no session now (or no account at all). */
export type FlowResult = SignedIn | null;
export type OtpProviders = { verify: EmailConfig; reset: EmailConfig };

async function lookUp(ctx: AuthCtx, email: string) {
  return ctx.runQuery(internal.authAccounts.passwordAccount, { email });
}

/**
 * Mails a fresh code if the address's email budget allows. Returns false when it does not: the
 * code already in the inbox then stays valid (no new one was created to replace it).
 */
async function mailCode(
  ctx: AuthCtx,
  provider: EmailConfig,
  accountId: GenericId<"authAccounts">,
  email: string,
): Promise<boolean> {
  const budget = await ctx.runMutation(internal.authThrottle.reserveEmail, { email });
  if (!budget.ok) return false;
  await signInViaProvider(ctx, provider, { accountId, params: { email } });
  return true;
}

async function reserveEmailOrThrow(ctx: AuthCtx, email: string): Promise<void> {
  const budget = await ctx.runMutation(internal.authThrottle.reserveEmail, { email });
  if (!budget.ok) {
    throw appError(
      "EMAIL_RATE_LIMITED",
      `We have already emailed this address several times. Use the code in the newest email, or ask again ${retryInWords(budget.retryAt)}.`,
    );
  }
}

async function startCodeAttemptOrThrow(ctx: AuthCtx, email: string): Promise<void> {
  const budget = await ctx.runMutation(internal.authThrottle.startCodeAttempt, { email });
  if (!budget.ok) {
    throw appError(
      "TOO_MANY_CODE_ATTEMPTS",
      `Too many wrong codes for this email. Try again ${retryInWords(budget.retryAt)}.`,
    );
  }
}

/** Redeems an emailed code; every way it can fail reads as one "wrong or expired code". */
async function redeemCode(
  ctx: AuthCtx,
  provider: EmailConfig,
  args: { accountId?: GenericId<"authAccounts">; email: string; code: string },
) {
  try {
    return await signInViaProvider(ctx, provider, {
      ...(args.accountId !== undefined ? { accountId: args.accountId } : {}),
      params: { email: args.email, code: args.code },
    });
  } catch (error) {
    // Convex Auth throws this for a wrong, expired, used or foreign code.
    if (error instanceof Error && error.message.includes("Could not verify code")) return null;
    throw error;
  }
}

/**
 * Sign in with a password. A wrong password spends the address's budget; once it is spent (or
 * the budget shared by all callers is), the right password is still accepted but a session
 * needs the code we then email — so guessing stops paying off and the owner is never refused.
 */
export async function signInWithPassword(
  ctx: AuthCtx,
  otp: OtpProviders,
  { email, password }: { email: string; password: string },
): Promise<FlowResult> {
  const { needsCode } = await ctx.runMutation(internal.authThrottle.startPasswordAttempt, {
    email,
  });
  const account = await lookUp(ctx, email);
  const passwordIsRight = await verifyPassword(password, account?.secretHash);
  if (account === null || !passwordIsRight) {
    await ctx.runMutation(internal.authThrottle.recordPasswordFailure, {});
    // With the budget spent, a wrong password gets the same answer as a right one.
    if (needsCode) return null;
    throw invalidCredentials();
  }
  if (needsCode || !account.emailVerified) {
    await mailCode(ctx, otp.verify, account.accountId, email);
    return null;
  }
  await ctx.runMutation(internal.authThrottle.clearFailures, { email });
  return { userId: account.userId };
}

/**
 * Sign up. The answer is "check your email" whether or not the address already has an account:
 * a new address gets a verification code, a taken one a notice telling its owner how to sign
 * in or reset (or, for an unverified account with the same password, a fresh code).
 */
export async function signUpWithPassword(
  ctx: AuthCtx,
  otp: OtpProviders,
  { email, password }: { email: string; password: string },
): Promise<FlowResult> {
  validateNewPassword(password, email);
  await reserveEmailOrThrow(ctx, email);
  const existing = await lookUp(ctx, email);
  if (existing === null) {
    const created = await createAccount(ctx, {
      provider: PASSWORD_PROVIDER_ID,
      account: { id: email, secret: password },
      profile: { email },
      shouldLinkViaEmail: true,
    }).catch((error: unknown) => {
      // A concurrent sign-up created it first: answer as for any taken address.
      if (error instanceof Error && error.message.includes("already exists")) return null;
      throw error;
    });
    if (created === null) {
      await sendAccountExistsNotice(ctx, email);
      return null;
    }
    await signInViaProvider(ctx, otp.verify, { accountId: created.account._id, params: { email } });
    return null;
  }
  // Checked even when the answer does not depend on it, so both branches take as long.
  const samePassword = await verifyPassword(password, existing.secretHash);
  if (!existing.emailVerified && samePassword) {
    await signInViaProvider(ctx, otp.verify, { accountId: existing.accountId, params: { email } });
  } else {
    await sendAccountExistsNotice(ctx, email);
  }
  return null;
}

/** Ask for a reset code. Same answer, and same email budget spent, for any address. */
export async function requestPasswordReset(
  ctx: AuthCtx,
  otp: OtpProviders,
  { email }: { email: string },
): Promise<FlowResult> {
  await reserveEmailOrThrow(ctx, email);
  const account = await lookUp(ctx, email);
  if (account !== null) {
    await signInViaProvider(ctx, otp.reset, { accountId: account.accountId, params: { email } });
  }
  return null;
}

/**
 * Set a new password with a reset code. It ends every other session of the user and gives the
 * address its full password budget back (whoever reads the inbox is the owner).
 */
export async function resetPasswordWithCode(
  ctx: AuthCtx,
  otp: OtpProviders,
  { email, code, newPassword }: { email: string; code: string; newPassword: string },
): Promise<FlowResult> {
  validateNewPassword(newPassword, email);
  await startCodeAttemptOrThrow(ctx, email);
  const account = await lookUp(ctx, email);
  if (account === null) throw invalidCode();
  const redeemed = await redeemCode(ctx, otp.reset, { email, code });
  if (redeemed === null || redeemed.userId !== account.userId) throw invalidCode();
  await modifyAccountCredentials(ctx, {
    provider: PASSWORD_PROVIDER_ID,
    account: { id: email, secret: newPassword },
  });
  await invalidateSessions(ctx, { userId: redeemed.userId, except: [redeemed.sessionId] });
  await ctx.runMutation(internal.authThrottle.clearFailures, { email });
  return redeemed;
}

/** Enter the emailed code: verifies a new address, or finishes a sign-in that needed a code. */
export async function verifyEmailWithCode(
  ctx: AuthCtx,
  otp: OtpProviders,
  { email, code }: { email: string; code: string },
): Promise<FlowResult> {
  await startCodeAttemptOrThrow(ctx, email);
  const account = await lookUp(ctx, email);
  if (account === null) throw invalidCode();
  const redeemed = await redeemCode(ctx, otp.verify, {
    accountId: account.accountId,
    email,
    code,
  });
  if (redeemed === null) throw invalidCode();
  await ctx.runMutation(internal.authThrottle.clearFailures, { email });
  return redeemed;
}
