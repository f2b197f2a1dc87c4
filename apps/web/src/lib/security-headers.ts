// The response headers every page carries. Pure, so the policy is unit-tested; the middleware
// (per-request nonce) and next.config.ts (fixed headers) apply them.

/** Origins for the Convex deployment: its HTTP origin and the WebSocket origin of its sync API. */
export function convexOrigins(convexUrl: string): { http: string; ws: string } {
  const url = new URL(convexUrl);
  const wsProtocol = url.protocol === "https:" ? "wss:" : "ws:";
  return { http: url.origin, ws: `${wsProtocol}//${url.host}` };
}

/**
 * The origin of the deployment's HTTP actions (CONVEX_SITE_URL), where attachments are served:
 * NEXT_PUBLIC_CONVEX_SITE_URL when set; else `<name>.convex.site` for a `<name>.convex.cloud`
 * deployment; else, for a loopback backend with a port, the next port (the offline backend's and
 * `convex dev --local`'s layout, 3210 → 3211). Null when none of these applies.
 */
export function convexSiteOrigin(convexUrl: string, siteUrl: string | undefined): string | null {
  if (siteUrl !== undefined && siteUrl !== "") return new URL(siteUrl).origin;
  const url = new URL(convexUrl);
  if (url.hostname.endsWith(".convex.cloud")) {
    return `${url.protocol}//${url.hostname.slice(0, -".convex.cloud".length)}.convex.site`;
  }
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (loopback && url.port !== "") {
    return `${url.protocol}//${url.hostname}:${Number(url.port) + 1}`;
  }
  return null;
}

type CspOptions = {
  /** Fresh per response, base64. Next.js puts it on its own scripts when it sees it. */
  nonce: string;
  /** NEXT_PUBLIC_CONVEX_URL: the deployment the browser syncs with. */
  convexUrl: string;
  /** NEXT_PUBLIC_CONVEX_SITE_URL, if set: where the deployment serves attachments. */
  convexSiteUrl?: string | undefined;
  /** `next dev` evaluates modules with eval (React Refresh); production never does. */
  development: boolean;
};

/**
 * Nonce-based Content-Security-Policy. Scripts run only with this response's nonce (or when a
 * nonced script loads them: 'strict-dynamic'), so injected markup cannot run script. The browser
 * may connect only to us and to the Convex deployment (HTTP for queries and file uploads, WebSocket
 * for the live sync); images and media come from us or the deployment's attachment links (its
 * HTTP-actions origin, convexSiteOrigin). No one may frame the site.
 * form-action is left out on purpose: "Link Discord" is a form whose POST is redirected to
 * Discord's consent page, and browsers apply form-action to that redirect.
 */
export function contentSecurityPolicy({
  nonce,
  convexUrl,
  convexSiteUrl,
  development,
}: CspOptions): string {
  const convex = convexOrigins(convexUrl);
  const site = convexSiteOrigin(convexUrl, convexSiteUrl);
  const files = site === null ? [convex.http] : [convex.http, site];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    "style-src": ["'self'", `'nonce-${nonce}'`],
    "img-src": ["'self'", "data:", "blob:", ...files],
    "font-src": ["'self'"],
    "connect-src": ["'self'", convex.http, convex.ws],
    "media-src": ["'self'", ...files],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-src": ["'none'"],
    "frame-ancestors": ["'none'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** A fresh nonce: 16 random bytes, base64 (CSP nonces need ≥ 128 bits and base64 characters). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Headers that do not change per response (next.config.ts sets them on every path). HSTS only in
 * production builds: browsers ignore it over plain http, and a production build is what runs
 * behind https.
 */
export function staticSecurityHeaders(production: boolean): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // Older browsers that ignore CSP frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    {
      key: "Permissions-Policy",
      // Nothing here uses these; the feed's alert sound plays in this document only.
      value:
        "accelerometer=(), autoplay=(self), camera=(), display-capture=(), geolocation=(), " +
        "gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()",
    },
    ...(production
      ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
      : []),
  ];
}

/**
 * Headers for the service worker script (/sw.js): always revalidated, so a fixed worker reaches
 * every browser on its next visit instead of after the HTTP cache expires; and its own CSP (a
 * worker runs under the policy of its script's response, not the page's): no imports, fetches
 * only to this origin.
 */
export function serviceWorkerHeaders(): { key: string; value: string }[] {
  return [
    { key: "Cache-Control", value: "no-cache" },
    { key: "Content-Type", value: "application/javascript; charset=utf-8" },
    {
      key: "Content-Security-Policy",
      value: "default-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'",
    },
  ];
}
