/** What one password step sends: the flow and its fields (email, password, code, newPassword). */
export type PasswordParams = { flow: string } & Record<string, string>;

/** Whether the step ended with a session; false when the backend mailed a code instead. */
export type SignInResult = { signingIn: boolean };

/**
 * One step of Convex Auth's password provider through the Next.js auth proxy (the `/api/auth`
 * route that `convexAuthNextjsMiddleware` serves): the same POST, body and answer handling as
 * Convex Auth's React client (`useAuthActions().signIn` in `@convex-dev/auth/nextjs`), without
 * loading that client and the Convex client under it on the sign-in pages (about 26 KB gzip).
 * The proxy runs `auth:signIn` on the backend and keeps the session in httpOnly cookies; the page
 * then loads anew (lib/load-page.ts), and the next page reads the session from them.
 *
 * A failure is thrown as an Error carrying the proxy's `error` text, exactly as Convex Auth's
 * client throws it, so lib/auth-errors.ts reads it the same way.
 */
export async function signInThroughProxy(
  params: PasswordParams,
  fetchFn: typeof fetch = fetch,
): Promise<SignInResult> {
  const response = await fetchFn("/api/auth", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ action: "auth:signIn", args: { provider: "password", params } }),
  });
  const body: unknown = await response.json();
  if (response.status >= 400) {
    const error = isRecord(body) && typeof body.error === "string" ? body.error : undefined;
    throw new Error(error ?? `sign-in failed (HTTP ${response.status})`);
  }
  // `tokens` is the session (`null`: none); a step that mailed a code answers without it.
  return { signingIn: isRecord(body) && isRecord(body.tokens) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
