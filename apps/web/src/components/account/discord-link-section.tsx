import { LinkDiscordButton } from "@/components/account/link-discord-button";

/**
 * Linking a Discord account: while the membership is active, the linked account holds the
 * members' role in our Discord server. `outcome` and `reason` come from the OAuth callback's
 * redirect (`/account?discord=…&reason=…`).
 */
export function DiscordLinkSection({
  outcome,
  reason,
}: {
  outcome: string | null;
  reason: string | null;
}) {
  return (
    <section
      aria-labelledby="discord-title"
      className="flex flex-col gap-2 rounded-xl border border-zinc-800 p-4"
    >
      <h2 id="discord-title" className="text-lg font-semibold text-white">
        Discord
      </h2>
      <p className="text-sm text-zinc-400">
        Link your Discord account to get the members&apos; role in our Discord server while your
        membership is active.
      </p>
      <LinkDiscordButton outcome={outcome} reason={reason} />
    </section>
  );
}
