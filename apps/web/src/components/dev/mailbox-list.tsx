import type { api } from "@convex/_generated/api";
import type { FunctionReturnType } from "convex/server";
import { formatTime } from "@/lib/format";

type Mail = FunctionReturnType<typeof api.devMailbox.recent>[number];

/** The local mailbox (EMAIL_PROVIDER=dev), newest first, as the server read it. */
export function MailboxList({ mails }: { mails: Mail[] }) {
  if (mails.length === 0)
    return <p className="text-zinc-400">No mail yet. Sign up to get a code.</p>;
  return (
    <ol className="flex flex-col gap-3" aria-label="Messages, newest first">
      {mails.map((mail) => (
        <li
          key={mail._id}
          data-testid="dev-mail"
          className="rounded-lg border border-zinc-800 bg-zinc-900 p-3"
        >
          <p className="text-sm text-zinc-400">
            To{" "}
            <span data-testid="dev-mail-to" className="text-zinc-100">
              {mail.to}
            </span>{" "}
            · {formatTime(mail.sentAt)}
          </p>
          <p className="font-medium text-white">{mail.subject}</p>
          {mail.code ? (
            <p
              className="my-1 font-mono text-2xl tracking-widest text-emerald-300"
              data-testid="dev-mail-code"
            >
              {mail.code}
            </p>
          ) : null}
          <pre className="whitespace-pre-wrap text-sm text-zinc-300">{mail.text}</pre>
        </li>
      ))}
    </ol>
  );
}
