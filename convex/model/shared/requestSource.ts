/**
 * Who sent an HTTP request, as honestly as the platform lets us tell, for per-source rate limits.
 *
 * Convex reports the client address it saw (`ctx.meta.getRequestMetadata().ip`); a client cannot
 * forge it, so it wins whenever present. Without it (the offline backend) we fall back to the
 * left-most `X-Forwarded-For` entry — chosen by the client, so rotating it escapes a per-source
 * limit; the global budget for unverified traffic is what bounds storage in every case.
 */

const MAX_SOURCE_CHARS = 64;

export function requestSource(platformIp: string | null, headers: Headers): string {
  if (platformIp !== null && platformIp !== "")
    return `ip:${platformIp.slice(0, MAX_SOURCE_CHARS)}`;
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded !== undefined && forwarded !== "") {
    return `xff:${forwarded.slice(0, MAX_SOURCE_CHARS)}`;
  }
  return "unknown";
}
