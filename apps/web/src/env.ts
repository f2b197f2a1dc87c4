import { parseEnv } from "./env-schema";

/**
 * The validated environment. NEXT_PUBLIC_* values are inlined into the browser bundle at build
 * time, so they are read here by their literal names. EMAIL_PROVIDER and DEV_MAILBOX_SECRET are
 * server-only: the browser bundle never reads them (it gets "resend" and no secret, which shows
 * nothing extra).
 */
export const env = parseEnv({
  NEXT_PUBLIC_CONVEX_URL: process.env.NEXT_PUBLIC_CONVEX_URL,
  NEXT_PUBLIC_CONVEX_SITE_URL: process.env.NEXT_PUBLIC_CONVEX_SITE_URL,
  EMAIL_PROVIDER: typeof window === "undefined" ? process.env.EMAIL_PROVIDER : "resend",
  DEV_MAILBOX_SECRET: typeof window === "undefined" ? process.env.DEV_MAILBOX_SECRET : undefined,
});
