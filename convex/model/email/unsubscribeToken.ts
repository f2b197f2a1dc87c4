import { constantTimeEqual } from "../shared/constantTime";
import { derivedHmacHex } from "../shared/derivedHmac";
import { optionalEnv } from "../shared/env";

/**
 * The one-click unsubscribe capability: an HMAC of the user id under a key derived for this
 * purpose only, so it can turn off that user's reminders and nothing else, and cannot be made for
 * another user without the deployment's key. It never expires (an unsubscribe link in an old
 * email must keep working); rotating JWT_PRIVATE_KEY invalidates every one.
 */
const PURPOSE = "email-unsubscribe-v1";

export async function unsubscribeToken(userId: string): Promise<string> {
  return derivedHmacHex(PURPOSE, userId);
}

export async function isValidUnsubscribeToken(userId: string, token: string): Promise<boolean> {
  return constantTimeEqual(token, await unsubscribeToken(userId));
}

/** The HTTP action's URL (the deployment's own site URL, which Convex sets). */
export async function unsubscribeUrl(userId: string): Promise<string | null> {
  const site = optionalEnv("CONVEX_SITE_URL");
  if (site === undefined) return null;
  const url = new URL("/email/unsubscribe", site);
  url.searchParams.set("user", userId);
  url.searchParams.set("token", await unsubscribeToken(userId));
  return url.toString();
}
