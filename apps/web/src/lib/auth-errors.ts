/**
 * The `message` of a ConvexError thrown by the backend, as it reaches the browser through the
 * /api/auth proxy: a bare error string holding the JSON data, e.g.
 * `ConvexError: {"code":"WEAK_PASSWORD","message":"This password is … like \"aaa\" …"}`.
 */
function convexErrorMessage(raw: string): string | null {
  const start = raw.indexOf("{");
  const end = raw.lastIndexOf("}");
  if (start === -1 || end <= start) return null;
  try {
    const data = JSON.parse(raw.slice(start, end + 1)) as { message?: unknown };
    return typeof data.message === "string" && data.message.length > 0 ? data.message : null;
  } catch {
    return null;
  }
}

/**
 * Turns an auth failure into advice. The backend words its own failures (the same for every
 * address, see docs/security.md "Authentication controls"), so its message is shown as is; the
 * raw Convex Auth names are kept for sessions started before it did.
 */
export function authErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const fromBackend = convexErrorMessage(raw);
  if (fromBackend !== null) return fromBackend;
  if (raw.includes("InvalidSecret") || raw.includes("InvalidAccountId")) {
    return "Wrong email or password.";
  }
  if (raw.includes("Could not verify code") || raw.includes("Invalid code")) {
    return "That code is wrong or has expired. Check the newest email, or ask for a new code.";
  }
  if (raw.includes("Failed to fetch") || raw.includes("NetworkError")) {
    return "Can't reach the server. Check your connection and try again.";
  }
  return "Something went wrong. Try again in a moment.";
}

/** The form of an email address the backend accepts (codes are bound to it exactly). */
export function canonicalEmail(input: string): string {
  return input.trim().toLowerCase();
}
