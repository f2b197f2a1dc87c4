import { z } from "zod";
import { emailInputs, passwordWeakness } from "./passwordStrength";
import { appError } from "../shared/errors";

export const ZPasswordParams = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Enter a valid email address." })),
});

export const ZNewPassword = z
  .string()
  .min(10, "Use at least 10 characters for your password.")
  .max(128, "Use at most 128 characters for your password.");

/** The Password provider's profile: a normalised email, or a ConvexError the form can show. */
export function passwordProfile(params: Record<string, unknown>): { email: string } {
  const parsed = ZPasswordParams.safeParse(params);
  if (!parsed.success) {
    throw appError(
      "INVALID_EMAIL",
      parsed.error.issues[0]?.message ?? "Enter a valid email address.",
    );
  }
  if (parsed.data.email !== params.email) {
    // Verification codes are bound to the email exactly as sent; only one spelling may exist.
    throw appError("INVALID_EMAIL", "Send the email address trimmed and lower-case.");
  }
  return { email: parsed.data.email };
}

/**
 * A new password (sign-up, reset) must be 10–128 characters and not easy to guess: zxcvbn
 * rejects common passwords, repeats, sequences and words from the email, and its feedback is
 * the message the form shows.
 */
export function validateNewPassword(password: string, email: string): void {
  const parsed = ZNewPassword.safeParse(password);
  if (!parsed.success) {
    throw appError(
      "WEAK_PASSWORD",
      parsed.error.issues[0]?.message ?? "Choose a stronger password.",
    );
  }
  const weakness = passwordWeakness(password, emailInputs(email));
  if (weakness !== null) {
    throw appError("WEAK_PASSWORD", weakness);
  }
}
