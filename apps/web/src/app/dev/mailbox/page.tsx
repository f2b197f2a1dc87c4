import { api } from "@convex/_generated/api";
import { fetchQuery } from "convex/nextjs";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { MailboxList } from "@/components/dev/mailbox-list";
import { RefreshEvery } from "@/components/dev/refresh-every";
import { env } from "@/env";
import { devMailboxEnabled, isLoopbackHost } from "@/lib/dev-mailbox";

export const metadata = { title: "Dev mailbox" };
export const dynamic = "force-dynamic";

/**
 * The emails a local backend would have sent (EMAIL_PROVIDER=dev). Not found unless the Convex
 * deployment is on loopback and this server holds DEV_MAILBOX_SECRET, and only rendered for a
 * request addressed to this machine by name. Read here on the server, so the secret never reaches
 * a browser.
 */
export default async function DevMailboxPage() {
  if (!devMailboxEnabled(env)) notFound();
  if (!isLoopbackHost((await headers()).get("host"))) notFound();
  const mails = await fetchQuery(
    api.devMailbox.recent,
    { secret: env.DEV_MAILBOX_SECRET },
    { url: env.NEXT_PUBLIC_CONVEX_URL },
  );
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold text-white">Dev mailbox</h1>
      <p className="text-sm text-amber-300">
        Local development only: EMAIL_PROVIDER=dev stores emails here instead of sending them.
      </p>
      <MailboxList mails={mails} />
      <RefreshEvery ms={1500} />
    </div>
  );
}
