// Which URLs a push subscription may name. The fan-out POSTs to every stored endpoint from our
// deployment, so an endpoint is a request we make on a member's say-so: it must be a browser's
// push service (https, standard port), or — on a loopback deployment only — the offline
// push-service stand-in over http on loopback. Pure: the subscribe check and the sender share it.
import { isLoopbackUrl } from "../shared/loopback";

/**
 * The push services browsers hand out endpoints for: Chromium-based browsers (Firebase
 * Cloud Messaging), Firefox (Mozilla's autopush), Safari (Apple) and Edge (Windows Push Notification
 * Services, regional hosts under notify.windows.com). A host matches itself and its subdomains.
 */
export const KNOWN_PUSH_SERVICE_HOSTS: readonly string[] = [
  "fcm.googleapis.com",
  "push.services.mozilla.com",
  "push.apple.com",
  "notify.windows.com",
];

/** `PUSH_SERVICE_HOSTS`: more hosts, comma-separated, for a push service not listed above. */
export function parsePushServiceHosts(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((host) => host.trim().toLowerCase().replace(/^\.+/, ""))
    .filter((host) => host !== "");
}

function hostMatches(hostname: string, allowed: string): boolean {
  return hostname === allowed || hostname.endsWith(`.${allowed}`);
}

/** Why `endpoint` may not be pushed to, or null when it may. */
export function pushEndpointProblem(
  endpoint: string,
  options: { loopbackDeployment: boolean; extraHosts: readonly string[] },
): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "endpoint is not a URL";
  }
  if (url.username !== "" || url.password !== "") return "endpoint must not carry credentials";
  if (url.protocol === "http:" && options.loopbackDeployment && isLoopbackUrl(endpoint)) {
    return null;
  }
  if (url.protocol !== "https:") return "endpoint must be an https URL";
  const hostname = url.hostname.toLowerCase();
  const known = [...KNOWN_PUSH_SERVICE_HOSTS, ...options.extraHosts];
  if (url.port !== "" || !known.some((allowed) => hostMatches(hostname, allowed))) {
    return "endpoint is not a known push service (browsers' push services, or PUSH_SERVICE_HOSTS)";
  }
  return null;
}
