import { z } from "zod";

// zod 4 probes for `new Function` to compile fast parsers; under our CSP (no 'unsafe-eval') the
// probe is reported as a violation on every page, even though zod catches it. Parse without it.
z.config({ jitless: true });

/** Everything the web app reads from its environment, checked once at build and at start. */
export const ZEnv = z.object({
  NEXT_PUBLIC_CONVEX_URL: z.url({
    message: "must be the Convex deployment URL, e.g. http://127.0.0.1:3210",
  }),
  /**
   * The deployment's HTTP-actions URL (CONVEX_SITE_URL), where attachments are served; allowed as
   * an image source by the CSP. Optional: derived for *.convex.cloud and for a loopback backend.
   */
  NEXT_PUBLIC_CONVEX_SITE_URL: z
    .url({ message: "must be the Convex site URL, e.g. http://127.0.0.1:3211" })
    .optional(),
  /** Mirrors the backend's EMAIL_PROVIDER: "dev" enables the /dev/mailbox page. No default. */
  EMAIL_PROVIDER: z.enum(["dev", "resend"], { message: 'must be "dev" or "resend"' }),
  /**
   * Server-only: the backend's DEV_MAILBOX_SECRET, which /dev/mailbox sends to read the mails.
   * Without it the page does not exist (see lib/dev-mailbox.ts).
   */
  DEV_MAILBOX_SECRET: z
    .string()
    .min(16, { message: "must be at least 16 characters (the backend's DEV_MAILBOX_SECRET)" })
    .optional(),
});

export type TEnv = z.infer<typeof ZEnv>;

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse({
    NEXT_PUBLIC_CONVEX_URL: source.NEXT_PUBLIC_CONVEX_URL,
    NEXT_PUBLIC_CONVEX_SITE_URL:
      source.NEXT_PUBLIC_CONVEX_SITE_URL === "" ? undefined : source.NEXT_PUBLIC_CONVEX_SITE_URL,
    EMAIL_PROVIDER: source.EMAIL_PROVIDER === "" ? undefined : source.EMAIL_PROVIDER,
    DEV_MAILBOX_SECRET: source.DEV_MAILBOX_SECRET === "" ? undefined : source.DEV_MAILBOX_SECRET,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => {
        const name = issue.path.join(".");
        const value = source[name];
        return value === undefined || value === ""
          ? `${name} is missing (${issue.message})`
          : `${name} is invalid: ${issue.message}`;
      })
      .join("; ");
    throw new Error(`Invalid environment for @g3/web: ${problems}. See apps/web/README.md.`);
  }
  return parsed.data;
}
