import { parseEnv } from "./env-schema";

/**
 * The validated environment. NEXT_PUBLIC_* values are inlined into the browser bundle at build
 * time, so they are read here by their literal names. EMAIL_PROVIDER is server-only: the browser
 * bundle never reads it (it gets "resend", which shows nothing extra).
 */
export const env = parseEnv({
  NEXT_PUBLIC_CONVEX_URL: process.env.NEXT_PUBLIC_CONVEX_URL,
  EMAIL_PROVIDER: typeof window === "undefined" ? process.env.EMAIL_PROVIDER : "resend",
});
