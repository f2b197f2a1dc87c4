/** A same-site path to go to after signing in; anything else falls back to /feed. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.includes("\\"))
    return "/feed";
  return next;
}
