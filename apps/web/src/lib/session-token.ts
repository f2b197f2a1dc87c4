/**
 * Convex Auth's session cookie, by the names its Next.js integration gives it (0.0.95,
 * `dist/nextjs/server/cookies.js`): `__convexAuthJWT`, with the `__Host-` prefix unless the
 * request's Host is localhost or 127.0.0.1 with a port (`server/utils.js` isLocalHost).
 * session-token.test.ts checks these against the installed package, so an upgrade that renames
 * them fails there instead of signing everyone out of the header.
 */
export const SESSION_COOKIE = "__convexAuthJWT";
const LOCAL_HOST = /(localhost|127\.0\.0\.1):\d+/;

export function sessionCookieName(host: string | null): string {
  return LOCAL_HOST.test(host ?? "") ? SESSION_COOKIE : `__Host-${SESSION_COOKIE}`;
}

/** The session JWT as `convexAuthNextjsToken()` reads it, or undefined when signed out. */
export function sessionTokenFrom(
  host: string | null,
  cookie: (name: string) => string | undefined,
): string | undefined {
  return cookie(sessionCookieName(host));
}
