import "server-only";
import { cookies, headers } from "next/headers";
import { sessionTokenFrom } from "./session-token";

/**
 * The request's session JWT, for the site header. `convexAuthNextjsToken()` returns the same, but
 * `@convex-dev/auth/nextjs/server`'s index also exports the server provider, whose client half
 * (3.3 KB gzip) Next then lists in the root layout's chunks — on every page, public ones included,
 * although only the live segments render it. The middleware has already refreshed the cookie.
 */
export async function requestSessionToken(): Promise<string | undefined> {
  const [requestHeaders, requestCookies] = await Promise.all([headers(), cookies()]);
  return sessionTokenFrom(requestHeaders.get("Host"), (name) => requestCookies.get(name)?.value);
}
