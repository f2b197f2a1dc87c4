import { Password } from "@convex-dev/auth/providers/Password";
import { convexAuth } from "@convex-dev/auth/server";
import { attachVerifiedCustomer } from "./model/customers";
import { emailOtpProvider } from "./model/emailOtp";
import { passwordProfile, validateNewPassword } from "./model/passwordProfile";

/** Failed password or code attempts allowed per account per hour (refilled continuously). */
export const MAX_FAILED_SIGN_INS_PER_HOUR = 10;

export const { auth, signIn, signOut, store, isAuthenticated } = convexAuth({
  providers: [
    Password({
      profile: (params) => passwordProfile(params),
      validatePasswordRequirements: validateNewPassword,
      verify: emailOtpProvider({
        id: "email-verify",
        subject: "Your G3netic verification code",
        intro: "Confirm your email address for G3netic Crypto Signals.",
      }),
      reset: emailOtpProvider({
        id: "password-reset",
        subject: "Your G3netic password reset code",
        intro: "Someone (hopefully you) asked to reset your G3netic Crypto Signals password.",
      }),
    }),
  ],
  signIn: { maxFailedAttempsPerHour: MAX_FAILED_SIGN_INS_PER_HOUR },
  callbacks: {
    // Payments made under a verified email (pending entitlements) attach to the user here: on
    // sign-up with an already-verified email and after email verification. Unverified: nothing.
    async afterUserCreatedOrUpdated(ctx, { userId }) {
      await attachVerifiedCustomer(ctx, userId);
    },
  },
});
