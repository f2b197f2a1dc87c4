import { ConvexError } from "convex/values";

/**
 * The only failures the password provider reports. Each is worded the same whether or not an
 * account exists for the address, so an answer never tells the caller who has an account.
 * The web app shows `message` as is.
 */
export type AuthErrorCode =
  | "INVALID_CREDENTIALS"
  | "INVALID_CODE"
  | "TOO_MANY_CODE_ATTEMPTS"
  | "EMAIL_RATE_LIMITED"
  | "WEAK_PASSWORD"
  | "INVALID_EMAIL"
  | "INVALID_REQUEST";

export function authError(
  code: AuthErrorCode,
  message: string,
): ConvexError<{
  code: AuthErrorCode;
  message: string;
}> {
  return new ConvexError({ code, message });
}

export const invalidCredentials = () =>
  authError("INVALID_CREDENTIALS", "Wrong email or password.");

export const invalidCode = () =>
  authError(
    "INVALID_CODE",
    "That code is wrong or has expired. Check the newest email, or ask for a new code.",
  );
