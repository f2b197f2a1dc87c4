import { createHash, timingSafeEqual } from "node:crypto";
import { convexAuthNextjsToken } from "@convex-dev/auth/nextjs/server";
import { api } from "@convex/_generated/api";
import { fetchAction } from "convex/nextjs";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";
import { readAppError } from "@/lib/app-error";

/** Set by ../link/route.ts (route files may only export handlers, hence the repeated name). */
const LINK_STATE_COOKIE = "g3_discord_link_state";

/**
 * Discord's redirect after consent. The `state` must equal this browser's cookie (compared in
 * constant time); the cookie is cleared whatever happens (single use). Convex then re-checks the
 * state (owner, unused, unexpired) before exchanging the code. Ends on /account with a flag:
 * ?discord=linked | denied | invalid_state | error&reason=<code>.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const cookieState = request.cookies.get(LINK_STATE_COOKIE)?.value;
  const done = (query: string) => {
    const response = NextResponse.redirect(new URL(`/account?${query}`, request.url), 303);
    response.cookies.set(LINK_STATE_COOKIE, "", {
      httpOnly: true,
      sameSite: "lax",
      secure: request.nextUrl.protocol === "https:",
      path: "/api/discord/callback",
      maxAge: 0,
    });
    return response;
  };

  if (params.get("error") !== null) return done("discord=denied");
  const state = params.get("state");
  const code = params.get("code");
  if (
    state === null ||
    code === null ||
    cookieState === undefined ||
    !sameSecret(state, cookieState)
  ) {
    return done("discord=invalid_state");
  }
  const token = await convexAuthNextjsToken();
  if (token === undefined) return done("discord=error&reason=UNAUTHENTICATED");
  try {
    const linked = await fetchAction(
      api.discordLink.complete,
      { state, code },
      { token, url: env.NEXT_PUBLIC_CONVEX_URL },
    );
    return done(`discord=linked&guild=${encodeURIComponent(linked.guild)}`);
  } catch (error) {
    const reason = readAppError(error)?.code ?? "LINK_FAILED";
    return done(`discord=error&reason=${encodeURIComponent(reason)}`);
  }
}

/** Constant-time equality for two secrets of any length (compares their SHA-256 digests). */
function sameSecret(a: string, b: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}
