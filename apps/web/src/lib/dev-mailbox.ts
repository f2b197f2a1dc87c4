import { isLoopbackUrl } from "@convex/model/shared/loopback";
import type { TEnv } from "@/env-schema";

/**
 * Whether /dev/mailbox exists, in any build: EMAIL_PROVIDER=dev, the mailbox secret known to this
 * server, and a Convex deployment on loopback (the backend refuses the dev mailbox anywhere else,
 * so a production build pointed at a real deployment never serves the page, whatever
 * EMAIL_PROVIDER says).
 */
export function devMailboxEnabled(
  env: TEnv,
): env is TEnv & { EMAIL_PROVIDER: "dev"; DEV_MAILBOX_SECRET: string } {
  return (
    env.EMAIL_PROVIDER === "dev" &&
    env.DEV_MAILBOX_SECRET !== undefined &&
    isLoopbackUrl(env.NEXT_PUBLIC_CONVEX_URL)
  );
}

/**
 * Whether a request's Host header names this machine. The page is only rendered for one: a site
 * that re-points its own name at 127.0.0.1 (DNS rebinding) sends its own name as the Host, so it
 * cannot read the mailbox through the developer's browser.
 */
export function isLoopbackHost(host: string | null): boolean {
  if (host === null || host === "" || /[/\\@?#\s]/.test(host)) return false;
  return isLoopbackUrl(`http://${host}`);
}
