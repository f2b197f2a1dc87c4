import { convexAuthNextjsToken } from "@convex-dev/auth/nextjs/server";
import { api } from "@convex/_generated/api";
import { fetchMutation } from "convex/nextjs";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";

/** Holds the OAuth2 `state` of one link attempt, bound to this browser; read once by the callback. */
const LINK_STATE_COOKIE = "g3_discord_link_state"; // same name in ../callback/route.ts
const STATE_TTL_SECONDS = 10 * 60;

/**
 * Starts linking a Discord account (POST from the account page's "Link Discord" form): Convex
 * creates the attempt (hashed state + PKCE verifier), this route keeps the state in an HttpOnly,
 * SameSite=Lax, short-lived cookie and sends the browser to Discord's consent page.
 */
export async function POST(request: NextRequest) {
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== request.nextUrl.origin) {
    return NextResponse.json({ error: "Cross-site request refused." }, { status: 403 });
  }
  const token = await convexAuthNextjsToken();
  if (token === undefined) {
    return NextResponse.redirect(new URL("/signin?next=%2Faccount", request.url), 303);
  }
  let started: { state: string; authorizeUrl: string };
  try {
    started = await fetchMutation(
      api.discordLink.start,
      {},
      { token, url: env.NEXT_PUBLIC_CONVEX_URL },
    );
  } catch {
    return NextResponse.redirect(
      new URL("/account?discord=error&reason=START_FAILED", request.url),
      303,
    );
  }
  const response = NextResponse.redirect(started.authorizeUrl, 303);
  response.cookies.set(LINK_STATE_COOKIE, started.state, {
    httpOnly: true,
    sameSite: "lax",
    secure: request.nextUrl.protocol === "https:",
    path: "/api/discord/callback",
    maxAge: STATE_TTL_SECONDS,
  });
  return response;
}
