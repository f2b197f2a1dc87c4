/** Turns a Convex Auth failure (passed through /api/auth as a bare message) into advice. */
export function authErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  if (raw.includes("TooManyFailedAttempts")) {
    return "Too many failed attempts. Wait a few minutes or reset your password.";
  }
  if (raw.includes("InvalidSecret") || raw.includes("InvalidAccountId")) {
    return "Wrong email or password.";
  }
  if (raw.includes("Could not verify code") || raw.includes("Invalid code")) {
    return "That code is wrong or has expired. Check the newest email, or ask for a new code.";
  }
  if (raw.includes("already exists")) {
    return "An account with this email already exists. Sign in instead.";
  }
  const convexMessage = /"message"\s*:\s*"([^"]{1,200})"/.exec(raw)?.[1];
  if (convexMessage !== undefined) return convexMessage;
  if (raw.includes("Failed to fetch") || raw.includes("NetworkError")) {
    return "Can't reach the server. Check your connection and try again.";
  }
  return "Something went wrong. Try again in a moment.";
}

/** The form of an email address the backend accepts (codes are bound to it exactly). */
export function canonicalEmail(input: string): string {
  return input.trim().toLowerCase();
}
