import { ConvexCredentials } from "@convex-dev/auth/providers/ConvexCredentials";
import type { Value } from "convex/values";
import { z } from "zod";
import type { DataModel } from "../../_generated/dataModel";
import { PASSWORD_PROVIDER_ID } from "../../authAccounts";
import { appError } from "../shared/errors";
import { emailOtpProvider } from "./emailOtp";
import { passwordProfile } from "./passwordProfile";
import { passwordCrypto } from "./passwordHashing";
import {
  requestPasswordReset,
  resetPasswordWithCode,
  signInWithPassword,
  signUpWithPassword,
  verifyEmailWithCode,
  type AuthCtx,
  type FlowResult,
  type OtpProviders,
} from "./passwordFlows";

const ZSecret = z.string().min(1).max(256);
const ZCode = z.string().trim().min(1).max(32);

/** What each flow needs besides the email (which `passwordProfile` checks first). */
const ZFlowParams = z.discriminatedUnion("flow", [
  z.object({ flow: z.literal("signIn"), password: ZSecret }),
  z.object({ flow: z.literal("signUp"), password: ZSecret }),
  z.object({ flow: z.literal("reset") }),
  z.object({ flow: z.literal("reset-verification"), code: ZCode, newPassword: ZSecret }),
  z.object({ flow: z.literal("email-verification"), code: ZCode }),
]);

const otp: OtpProviders = {
  verify: emailOtpProvider({
    id: "email-verify",
    subject: "Your G3netic verification code",
    intro:
      "Use this code to confirm your email address or to finish signing in to G3netic Crypto Signals.",
  }),
  reset: emailOtpProvider({
    id: "password-reset",
    subject: "Your G3netic password reset code",
    intro: "Someone (hopefully you) asked to reset your G3netic Crypto Signals password.",
  }),
};

async function authorize(
  params: Partial<Record<string, Value | undefined>>,
  ctx: AuthCtx,
): Promise<FlowResult> {
  const { email } = passwordProfile(params);
  const parsed = ZFlowParams.safeParse(params);
  if (!parsed.success) {
    throw appError("BAD_REQUEST", "Fill in every field of the form and try again.");
  }
  const flow = parsed.data;
  switch (flow.flow) {
    case "signIn":
      return signInWithPassword(ctx, otp, { email, password: flow.password });
    case "signUp":
      return signUpWithPassword(ctx, otp, { email, password: flow.password });
    case "reset":
      return requestPasswordReset(ctx, otp, { email });
    case "reset-verification":
      return resetPasswordWithCode(ctx, otp, {
        email,
        code: flow.code,
        newPassword: flow.newPassword,
      });
    case "email-verification":
      return verifyEmailWithCode(ctx, otp, { email, code: flow.code });
  }
}

/**
 * Email + password, with the same flows and params as Convex Auth's `Password` provider
 * (`signIn`, `signUp`, `reset`, `reset-verification`, `email-verification`), rewritten so that
 * every answer is the same whether or not an account exists, guessing is throttled without
 * locking the owner out, and emails are budgeted (docs/security.md "Authentication controls").
 */
export function passwordProvider() {
  return ConvexCredentials<DataModel>({
    id: PASSWORD_PROVIDER_ID,
    authorize,
    crypto: passwordCrypto,
    extraProviders: [otp.verify, otp.reset],
  });
}
