const FALLBACK = "/feed";
/**
 * Relative paths are resolved against a stand-in origin: resolution does not depend on which
 * origin serves us (http and https are both "special" schemes to the URL parser), and whatever
 * resolves to another origin is refused.
 */
const STAND_IN_ORIGIN = "https://g3.invalid";
const MAX_LENGTH = 2048;

/**
 * Control characters (the URL parser silently drops TAB, CR and LF, turning `/\t/evil` into
 * `//evil`), DEL and backslashes (browsers read `\` as `/`) never appear in a path we link to.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

function decodeOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * A path on our own origin to go to after signing in; anything else falls back to /feed.
 * Returns the resolved path (path + query + hash), never the raw input, so what the router
 * receives is exactly what was checked.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (typeof next !== "string" || next.length === 0 || next.length > MAX_LENGTH) return FALLBACK;
  if (!next.startsWith("/") || next.startsWith("//") || FORBIDDEN_CHARACTERS.test(next)) {
    return FALLBACK;
  }
  let url: URL;
  try {
    url = new URL(next, STAND_IN_ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== STAND_IN_ORIGIN) return FALLBACK;
  // `/.//evil` resolves to the path `//evil`: handed back to a router it is protocol-relative.
  // Once-decoded, `/%2F%2Fevil` or `/%5Cevil` becomes the same trick for any layer that decodes.
  const decodedPath = decodeOnce(url.pathname);
  if (
    url.pathname.startsWith("//") ||
    decodedPath === null ||
    decodedPath.startsWith("//") ||
    FORBIDDEN_CHARACTERS.test(decodedPath)
  ) {
    return FALLBACK;
  }
  return url.pathname + url.search + url.hash;
}
