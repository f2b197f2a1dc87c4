// Pure (no Convex imports): the web app imports it too, to decide whether /dev/mailbox may exist.

/**
 * True when `url` parses and its host is a loopback address: `localhost`, 127.0.0.0/8 or `[::1]`.
 * Compared on the parsed hostname, so `http://127.0.0.1.evil.example` or
 * `http://localhost.evil.example` are not loopback; neither is `0.0.0.0` (every interface).
 */
export function isLoopbackUrl(url: string | undefined): boolean {
  if (url === undefined || url === "") return false;
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (hostname === "localhost" || hostname === "[::1]") return true;
  // The URL parser has already turned short or hex IPv4 forms into dotted decimal.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
