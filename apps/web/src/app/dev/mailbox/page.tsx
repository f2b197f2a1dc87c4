import { notFound } from "next/navigation";
import { MailboxList } from "@/components/dev/mailbox-list";
import { env } from "@/env";

export const metadata = { title: "Dev mailbox" };
export const dynamic = "force-dynamic";

/** Only with EMAIL_PROVIDER=dev: the emails the backend would have sent. */
export default function DevMailboxPage() {
  if (env.EMAIL_PROVIDER !== "dev") notFound();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold text-white">Dev mailbox</h1>
      <p className="text-sm text-amber-300">
        Local development only: EMAIL_PROVIDER=dev stores emails here instead of sending them.
      </p>
      <MailboxList />
    </div>
  );
}
