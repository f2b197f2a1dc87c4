import "server-only";
import { api } from "@convex/_generated/api";
import { fetchQuery } from "convex/nextjs";
import { env } from "@/env";
import { requestSessionToken } from "./request-session-token";

export type HeaderViewer = { signedIn: boolean; isAdmin: boolean };

/**
 * What the site header shows, decided on the server from the auth cookie: the header is rendered
 * with the page, so the public pages need no Convex client to draw it. The middleware has already
 * refreshed a token that was about to expire.
 */
export async function headerViewer(): Promise<HeaderViewer> {
  const token = await requestSessionToken();
  if (token === undefined) return { signedIn: false, isAdmin: false };
  try {
    const viewer = await fetchQuery(
      api.users.viewer,
      {},
      { token, url: env.NEXT_PUBLIC_CONVEX_URL },
    );
    return { signedIn: viewer !== null, isAdmin: viewer?.isAdmin === true };
  } catch {
    // Backend unreachable or a token it refuses: the cookie is there, so offer "Sign out" (which
    // clears it) rather than "Sign in"; the admin link waits for a viewer the backend confirms.
    return { signedIn: true, isAdmin: false };
  }
}
