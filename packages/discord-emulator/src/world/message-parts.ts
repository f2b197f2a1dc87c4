// Pure helpers for message records: mention parsing and Discord-style filename cleanup.

export type MentionLookup = {
  userExists: (id: string) => boolean;
  roleExists: (id: string) => boolean;
  /** A reply mentions the replied-to author (discord.js: `mentions.repliedUser`). */
  repliedAuthorId: string | null;
};

/**
 * A message's `allowed_mentions`: which mentions in its content may ping. Absent (null) means
 * Discord's default: every user, role and @everyone/@here mention in the content, and the replied
 * author. Present: only the types in `parse`, plus the listed ids; the replied author only with
 * `repliedUser`.
 */
export type AllowedMentions = {
  parse?: ("users" | "roles" | "everyone")[];
  users?: string[];
  roles?: string[];
  repliedUser?: boolean;
};

export type ParsedMentions = { userIds: string[]; roleIds: string[]; everyone: boolean };

export function parseMentions(
  content: string,
  lookup: MentionLookup,
  allowed: AllowedMentions | null = null,
): ParsedMentions {
  const parse = new Set(allowed === null ? ["users", "roles", "everyone"] : (allowed.parse ?? []));
  const userAllowed = (id: string) => parse.has("users") || (allowed?.users ?? []).includes(id);
  const roleAllowed = (id: string) => parse.has("roles") || (allowed?.roles ?? []).includes(id);
  const users = new Set<string>();
  for (const m of content.matchAll(/<@!?(\d{17,20})>/g))
    if (m[1] && lookup.userExists(m[1]) && userAllowed(m[1])) users.add(m[1]);
  const repliedAllowed = allowed === null || allowed.repliedUser === true;
  if (lookup.repliedAuthorId && repliedAllowed) users.add(lookup.repliedAuthorId);
  const roles = new Set<string>();
  for (const m of content.matchAll(/<@&(\d{17,20})>/g))
    if (m[1] && lookup.roleExists(m[1]) && roleAllowed(m[1])) roles.add(m[1]);
  const everyone = parse.has("everyone") && /@(everyone|here)\b/.test(content);
  return { userIds: [...users], roleIds: [...roles], everyone };
}

/** Discord replaces characters that are unsafe in URLs/filenames with underscores. */
export function sanitizeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const cleaned = base.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 100);
  return cleaned.length ? cleaned : "unknown";
}
