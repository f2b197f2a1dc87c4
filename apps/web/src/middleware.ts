import {
  convexAuthNextjsMiddleware,
  createRouteMatcher,
  nextjsMiddlewareRedirect,
} from "@convex-dev/auth/nextjs/server";
import { safeNextPath } from "./lib/safe-next";

const needsSignIn = createRouteMatcher(["/feed(.*)", "/signals(.*)", "/account(.*)", "/admin(.*)"]);
const authPages = createRouteMatcher(["/signin", "/signup"]);

/**
 * Convex Auth's middleware proxies sign-in/out through /api/auth and keeps the JWT in an httpOnly
 * cookie. Signed-out visitors of private pages go to /signin; the admin role itself is checked by
 * the admin layout and, authoritatively, by every Convex function.
 */
export default convexAuthNextjsMiddleware(
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

export const config = {
  // Everything except static assets and Next internals.
  matcher: ["/((?!.*\\..*|_next).*)", "/", "/(api|trpc)(.*)"],
};
