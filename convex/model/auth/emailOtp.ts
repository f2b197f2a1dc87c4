import { Email } from "@convex-dev/auth/providers/Email";
import type { ActionCtx } from "../../_generated/server";
import { sendEmail } from "../email/email";
import { generateNumericCode } from "./otp";

const CODE_DIGITS = 8;
const CODE_TTL_SECONDS = 15 * 60;

type Purpose = { id: string; subject: string; intro: string };

/**
 * An email one-time-code provider for Convex Auth's Password `verify` and `reset` options.
 * The code is 8 random digits, valid 15 minutes. The password provider budgets these emails and
 * wrong codes before it gets here (model/auth/authLimits.ts).
 */
export function emailOtpProvider(purpose: Purpose) {
  return Email({
    id: purpose.id,
    maxAge: CODE_TTL_SECONDS,
    generateVerificationToken: () => Promise.resolve(generateNumericCode(CODE_DIGITS)),
    // Convex Auth passes the signIn action's ctx as a second argument (untyped in its .d.ts).
    sendVerificationRequest: async (
      params: { identifier: string; token: string },
      ...rest: unknown[]
    ) => {
      const ctx = rest[0] as ActionCtx;
      await sendEmail(ctx, {
        to: params.identifier,
        subject: purpose.subject,
        text: `${purpose.intro}\n\nYour code: ${params.token}\n\nIt expires in ${CODE_TTL_SECONDS / 60} minutes. If you did not ask for it, ignore this email.`,
        code: params.token,
      });
    },
  });
}
