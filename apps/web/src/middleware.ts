import {
  convexAuthNextjsMiddleware,
  createRouteMatcher,
  nextjsMiddlewareRedirect,
} from "@convex-dev/auth/nextjs/server";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { safeNextPath } from "./lib/safe-next";
import { contentSecurityPolicy, newNonce } from "./lib/security-headers";

const needsSignIn = createRouteMatcher([
  "/feed(.*)",
  "/performance(.*)",
  "/signals(.*)",
  "/account(.*)",
  "/admin(.*)",
]);
const authPages = createRouteMatcher(["/signin", "/signup"]);

/**
 * Convex Auth's middleware proxies sign-in/out through /api/auth and keeps the JWT in an httpOnly
 * cookie. Signed-out visitors of private pages go to /signin; the admin role itself is checked by
 * the admin layout and, authoritatively, by every Convex function.
 */
const authMiddleware = convexAuthNextjsMiddleware(
  async (request, { convexAuth }) => {
    const signedIn = await convexAuth.isAuthenticated();
    if (needsSignIn(request) && !signedIn) {
      const next = request.nextUrl.pathname + request.nextUrl.search;
      return nextjsMiddlewareRedirect(request, `/signin?next=${encodeURIComponent(next)}`);
    }
    if (authPages(request) && signedIn) {
      return nextjsMiddlewareRedirect(
        request,
        safeNextPath(request.nextUrl.searchParams.get("next")),
      );
    }
    return undefined;
  },
  { shouldHandleCode: false, cookieConfig: { maxAge: 60 * 60 * 24 * 30 } },
);

/**
 * Every response gets a Content-Security-Policy with a fresh nonce. Next.js reads the policy from
 * the request headers and puts the nonce on the scripts it renders, so the policy goes on the
 * request (forwarded by Convex Auth's middleware, which passes `request.headers` on) and on the
 * response. Pages render per request (the root layout opts in), so each carries its own nonce.
 */
export default async function middleware(request: NextRequest, event: NextFetchEvent) {
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    convexUrl: process.env.NEXT_PUBLIC_CONVEX_URL ?? "",
    convexSiteUrl: process.env.NEXT_PUBLIC_CONVEX_SITE_URL,
    development: process.env.NODE_ENV === "development",
  });
  request.headers.set("content-security-policy", policy);
  const response =
    (await authMiddleware(request, event)) ??
    NextResponse.next({ request: { headers: request.headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Everything except static assets and Next internals.
  matcher: ["/((?!.*\\..*|_next).*)", "/", "/(api|trpc)(.*)"],
};
