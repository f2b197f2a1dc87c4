/**
 * The slot for linking a Discord account (which gets the paid role in the customer guild).
 * The OAuth flow ships with the mirror work; until then this section only says so.
 */
export function DiscordLinkSection() {
  return (
    <section
      aria-labelledby="discord-title"
      className="flex flex-col gap-2 rounded-xl border border-dashed border-zinc-700 p-4"
    >
      <h2 id="discord-title" className="text-lg font-semibold text-white">
        Discord
      </h2>
      <p className="text-sm text-zinc-400">
        Linking your Discord account is not available yet. When it is, linking will give you the
        members&apos; role in our Discord server automatically.
      </p>
    </section>
  );
}
