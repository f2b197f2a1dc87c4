/**
 * This site's origin as the request names it, for absolute links in page metadata (Open Graph
 * images must be absolute URLs). Only a plain host[:port] is accepted; anything else gives null
 * and Next's default. Loopback hosts are http, everything else https (production runs behind TLS).
 */
export function siteOrigin(headers: { get: (name: string) => string | null }): URL | null {
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0]?.trim();
  if (host === undefined || !/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) return null;
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+)(:\d+)?$/i.test(host);
  return new URL(`${loopback ? "http" : "https"}://${host}`);
}
