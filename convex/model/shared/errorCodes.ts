import type { ConvexError } from "convex/values";

// Reading codes needs nothing from the convex package at run time (a type only), so a browser
// module that only reads them — the web app's root error page, loaded on every page — does not
// pull the Convex client's code into public pages. Raising one is errors.ts's appError.

/**
 * The one error vocabulary of the product: every failure a caller is meant to read is an
 * `appError(code, message)`, and every reader (the web app, the bots, the tests) switches on
 * `code` with `isAppError`, never on the message text. The message is for people: it says what to
 * do, and may be reworded at any time. convex/README.md documents each code.
 */
export const ERROR_CODES = [
  // Access (the function builders in convex/functions.ts raise these).
  "UNAUTHENTICATED",
  "FORBIDDEN",
  // Input and state.
  "BAD_REQUEST",
  "NOT_FOUND",
  "CONFLICT",
  "BUSY",
  // Bots.
  "LEASE_LOST",
  "UNMAPPED_CHANNEL",
  // Sign-in, sign-up and password reset (model/auth/passwordProvider.ts). Each is worded the same
  // whether or not an account exists for the address.
  "INVALID_CREDENTIALS",
  "INVALID_CODE",
  "TOO_MANY_CODE_ATTEMPTS",
  "EMAIL_RATE_LIMITED",
  "WEAK_PASSWORD",
  "INVALID_EMAIL",
  // Discord account linking.
  "INVALID_STATE",
  "STATE_OTHER_USER",
  "STATE_USED",
  "STATE_EXPIRED",
  "DISCORD_ACCOUNT_TAKEN",
  "DISCORD_EXCHANGE_FAILED",
  "DISCORD_SCOPE_MISSING",
  "DISCORD_USER_FAILED",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type AppErrorData = { code: ErrorCode; message: string };

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && KNOWN_CODES.has(value);
}

/** Reads `{ code, message }` out of anything that may be our error's data. */
export function appErrorData(data: unknown): AppErrorData | null {
  if (typeof data !== "object" || data === null) return null;
  const { code, message } = data as { code?: unknown; message?: unknown };
  if (!isErrorCode(code) || typeof message !== "string") return null;
  return { code, message };
}

/**
 * True for an error we raised, on the server or after the round trip to a client: the Convex
 * clients rebuild a ConvexError from the wire, and a second copy of the `convex` package (a
 * bundler's) marks it with the same global symbol, so this does not rely on `instanceof`.
 */
export function isAppError<C extends ErrorCode>(
  error: unknown,
  code?: C,
): error is ConvexError<{ code: C; message: string }> {
  if (typeof error !== "object" || error === null) return false;
  if (!(Symbol.for("ConvexError") in error)) return false;
  const data = appErrorData((error as { data?: unknown }).data);
  return data !== null && (code === undefined || data.code === code);
}
