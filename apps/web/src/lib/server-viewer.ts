import "server-only";
import { convexAuthNextjsToken } from "@convex-dev/auth/nextjs/server";
import { api } from "@convex/_generated/api";
import { fetchQuery } from "convex/nextjs";
import { env } from "@/env";

/** The signed-in viewer as the backend sees it (from the auth cookie), or null. */
export async function serverViewer() {
  const token = await convexAuthNextjsToken();
  if (token === undefined) return null;
  return fetchQuery(api.users.viewer, {}, { token, url: env.NEXT_PUBLIC_CONVEX_URL });
}
