"use client";

import { api } from "@convex/_generated/api";
import { useMutation, useQuery } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

const MESSAGES: Record<string, string> = {
  linked: "Your Discord account is linked. The members' role follows your subscription.",
  denied: "Linking was cancelled on Discord. Nothing changed.",
  invalid_state: "That link request expired or came from another browser. Start again.",
  DISCORD_ACCOUNT_TAKEN:
    "This Discord account is already linked to another G3netic account. Unlink it there first.",
  STATE_EXPIRED: "The link request expired (10 minutes). Start again.",
  STATE_USED: "That link request was already used. Start again.",
};

/**
 * "Link Discord" for the account page: shows the linked account (with Unlink), or a form that
 * POSTs to /api/discord/link (which redirects to Discord), and the outcome of the last attempt —
 * pass the callback's `?discord=…&reason=…` query values from the page's searchParams.
 */
export function LinkDiscordButton({
  outcome = null,
  reason = null,
}: {
  outcome?: string | null;
  reason?: string | null;
}) {
  const link = useQuery(api.discordLink.mine, {});
  const unlink = useMutation(api.discordLink.unlink);
  const [busy, setBusy] = useState(false);
  const message =
    outcome === null
      ? undefined
      : (MESSAGES[reason ?? ""] ?? MESSAGES[outcome] ?? "Linking failed. Please try again.");

  if (link === undefined) return <p className="text-sm text-zinc-400">Loading…</p>;
  return (
    <div className="flex flex-col gap-2">
      {message === undefined ? null : (
        <p role="status" className="text-sm text-zinc-300">
          {message}
        </p>
      )}
      {link === null ? (
        <form method="post" action="/api/discord/link">
          <Button type="submit">Link Discord</Button>
        </form>
      ) : (
        <div className="flex items-center gap-3">
          <span className="text-sm text-zinc-200">
            Linked as <strong>{link.username}</strong>
          </span>
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void unlink({}).finally(() => setBusy(false));
            }}
          >
            Unlink
          </Button>
        </div>
      )}
    </div>
  );
}
