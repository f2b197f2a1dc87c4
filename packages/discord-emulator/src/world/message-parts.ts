// Pure helpers for message records: mention parsing and Discord-style filename cleanup.

export type MentionLookup = {
  userExists: (id: string) => boolean;
  roleExists: (id: string) => boolean;
  /** A reply mentions the replied-to author (discord.js: `mentions.repliedUser`). */
  repliedAuthorId: string | null;
};

export function parseMentions(
  content: string,
  lookup: MentionLookup,
): { userIds: string[]; roleIds: string[] } {
  const users = new Set<string>();
  for (const m of content.matchAll(/<@!?(\d{17,20})>/g))
    if (m[1] && lookup.userExists(m[1])) users.add(m[1]);
  if (lookup.repliedAuthorId) users.add(lookup.repliedAuthorId);
  const roles = new Set<string>();
  for (const m of content.matchAll(/<@&(\d{17,20})>/g))
    if (m[1] && lookup.roleExists(m[1])) roles.add(m[1]);
  return { userIds: [...users], roleIds: [...roles] };
}

/** Discord replaces characters that are unsafe in URLs/filenames with underscores. */
export function sanitizeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const cleaned = base.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 100);
  return cleaned.length ? cleaned : "unknown";
}
