/**
 * The href for a link to another site (a tier's purchase page), or null when it is not an
 * https:// URL. Convex refuses anything else when the URL is stored; this is the second line for
 * rows written before that check, or by hand: a `javascript:` href would run in our origin.
 */
export function httpsHref(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.username === "" && url.password === ""
      ? url.href
      : null;
  } catch {
    return null;
  }
}
