import { z } from "zod";
import { internal } from "../_generated/api";
import type { ActionCtx } from "../_generated/server";
import { optionalEnv, requireEnv } from "./env";

export type OutgoingEmail = { to: string; subject: string; text: string; code?: string };

const ZEmailProvider = z.enum(["dev", "resend"]);

/** True on a Convex cloud deployment (its URL is *.convex.cloud); false on local backends. */
function isCloudDeployment(): boolean {
  const url = optionalEnv("CONVEX_CLOUD_URL");
  if (url === undefined) return false;
  try {
    return new URL(url).hostname.endsWith(".convex.cloud");
  } catch {
    return false;
  }
}

/**
 * Which mail transport to use: `EMAIL_PROVIDER=dev` writes to the devMailbox table (local only),
 * `resend` posts to Resend's API. There is no default: the dev mailbox is readable by anyone, so a
 * forgotten variable must not turn it on. `dev` is also refused on a Convex cloud deployment.
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
  if (parsed.data === "dev" && isCloudDeployment()) {
    throw new Error(
      "EMAIL_PROVIDER=dev is for local backends only (the dev mailbox is public); " +
        "use EMAIL_PROVIDER=resend with RESEND_API_KEY and EMAIL_FROM on a cloud deployment.",
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
    }),
  });
  if (!response.ok) {
    // Resend's error body names the problem (bad domain, bad key) without echoing secrets.
    const detail = (await response.text()).slice(0, 300);
    throw new Error(`Resend refused the email (HTTP ${response.status}): ${detail}`);
  }
}
