import { z } from "zod";
import { internal } from "../../_generated/api";
import type { ActionCtx } from "../../_generated/server";
import { optionalEnv, requireEnv } from "../shared/env";
import { isLoopbackUrl } from "../shared/loopback";

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  code?: string;
  html?: string;
  /** Extra headers, e.g. RFC 8058's List-Unsubscribe and List-Unsubscribe-Post (Resend passes them). */
  headers?: Record<string, string>;
};

const ZEmailProvider = z.enum(["dev", "resend"]);

/**
 * True only when the deployment is provably on this machine: Convex itself sets CONVEX_CLOUD_URL
 * and CONVEX_SITE_URL (cloud, self-hosted, `convex dev --local` and our offline backend alike),
 * and both must point at a loopback host. A deployment on a cloud host, a custom domain or a LAN
 * address is not local, whatever EMAIL_PROVIDER says.
 */
export function isLoopbackDeployment(): boolean {
  return (
    isLoopbackUrl(optionalEnv("CONVEX_CLOUD_URL")) && isLoopbackUrl(optionalEnv("CONVEX_SITE_URL"))
  );
}

/**
 * Which mail transport to use: `EMAIL_PROVIDER=dev` writes to the devMailbox table (local only),
 * `resend` posts to Resend's API. There is no default: a forgotten variable must not turn the dev
 * mailbox on. `dev` is refused unless the deployment is on loopback (isLoopbackDeployment).
 */
export function emailProvider(): z.infer<typeof ZEmailProvider> {
  const raw = optionalEnv("EMAIL_PROVIDER");
  const parsed = ZEmailProvider.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `EMAIL_PROVIDER must be "dev" (local backends) or "resend", got ${raw === undefined ? "nothing" : `"${raw}"`}. ` +
        "Set it in the deployment's environment.",
    );
  }
  if (parsed.data === "dev" && !isLoopbackDeployment()) {
    throw new Error(
      "EMAIL_PROVIDER=dev only works on a deployment whose CONVEX_CLOUD_URL and CONVEX_SITE_URL " +
        "are loopback addresses (the dev mailbox holds sign-in codes); " +
        "use EMAIL_PROVIDER=resend with RESEND_API_KEY and EMAIL_FROM anywhere else.",
    );
  }
  return parsed.data;
}

const RESEND_ENDPOINT = "https://api.resend.com/emails";

/** Sends one email through the configured transport. Never logs the code or the API key. */
export async function sendEmail(ctx: ActionCtx, email: OutgoingEmail): Promise<void> {
  if (emailProvider() === "dev") {
    await ctx.runMutation(internal.devMailbox.deliver, email);
    return;
  }
  const response = await fetch(RESEND_ENDPOINT, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${requireEnv("RESEND_API_KEY")}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      from: requireEnv("EMAIL_FROM"),
      to: [email.to],
      subject: email.subject,
      text: email.text,
      ...(email.html === undefined ? {} : { html: email.html }),
      ...(email.headers === undefined ? {} : { headers: email.headers }),
    }),
  });
  if (!response.ok) {
    // Resend's error body names the problem (bad domain, bad key) without echoing secrets.
    const detail = (await response.text()).slice(0, 300);
    throw new Error(`Resend refused the email (HTTP ${response.status}): ${detail}`);
  }
}
