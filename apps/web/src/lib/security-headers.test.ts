import { describe, expect, test } from "vitest";
import {
  contentSecurityPolicy,
  convexOrigins,
  convexSiteOrigin,
  newNonce,
  serviceWorkerHeaders,
  staticSecurityHeaders,
} from "./security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  const policy = contentSecurityPolicy({
    nonce: "abc123==",
    convexUrl: "https://happy-otter-123.convex.cloud",
    development: false,
  });
  const parsed = directives(policy);

  test("scripts only by nonce: no unsafe-inline, no unsafe-eval, no host wildcards", () => {
    expect(parsed.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/(^|\s)\*(\s|;|$)/);
    expect(parsed.get("object-src")).toEqual(["'none'"]);
    expect(parsed.get("base-uri")).toEqual(["'self'"]);
  });

  test("connects only to us and the configured Convex deployment (HTTP and WebSocket)", () => {
    expect(parsed.get("connect-src")).toEqual([
      "'self'",
      "https://happy-otter-123.convex.cloud",
      "wss://happy-otter-123.convex.cloud",
    ]);
    expect(parsed.get("default-src")).toEqual(["'self'"]);
  });

  test("images only from us and the deployment (storage and the HTTP-actions attachment links)", () => {
    expect(parsed.get("img-src")).toEqual([
      "'self'",
      "data:",
      "blob:",
      "https://happy-otter-123.convex.cloud",
      "https://happy-otter-123.convex.site",
    ]);
  });

  test("nobody frames us", () => {
    expect(parsed.get("frame-ancestors")).toEqual(["'none'"]);
  });

  test("next dev alone may eval (React Refresh)", () => {
    const dev = contentSecurityPolicy({
      nonce: "n",
      convexUrl: "http://127.0.0.1:3210",
      development: true,
    });
    expect(directives(dev).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(dev).get("connect-src")).toEqual([
      "'self'",
      "http://127.0.0.1:3210",
      "ws://127.0.0.1:3210",
    ]);
  });
});

test("convexOrigins drops the path and maps the scheme", () => {
  expect(convexOrigins("https://a.convex.cloud/some/path")).toEqual({
    http: "https://a.convex.cloud",
    ws: "wss://a.convex.cloud",
  });
});

test("nonces are fresh, 128-bit, base64", () => {
  const a = newNonce();
  expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(newNonce()).not.toBe(a);
});

test("HSTS in production builds only; the rest always", () => {
  const names = (production: boolean) => staticSecurityHeaders(production).map((h) => h.key);
  expect(names(true)).toContain("Strict-Transport-Security");
  expect(names(false)).not.toContain("Strict-Transport-Security");
  for (const production of [true, false]) {
    expect(names(production)).toEqual(
      expect.arrayContaining([
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
      ]),
    );
  }
});

test("convexSiteOrigin: explicit, derived for Convex cloud, next port on loopback, else none", () => {
  expect(convexSiteOrigin("http://127.0.0.1:38393", "http://127.0.0.1:45481/")).toBe(
    "http://127.0.0.1:45481",
  );
  expect(convexSiteOrigin("https://a-b-1.convex.cloud", undefined)).toBe(
    "https://a-b-1.convex.site",
  );
  expect(convexSiteOrigin("http://127.0.0.1:3210", undefined)).toBe("http://127.0.0.1:3211");
  expect(convexSiteOrigin("https://api.example.com", undefined)).toBeNull();
});

describe("service worker headers", () => {
  test("revalidated on every visit, JavaScript, and a CSP of its own that allows only this origin", () => {
    const headers = Object.fromEntries(serviceWorkerHeaders().map((h) => [h.key, h.value]));
    expect(headers["Cache-Control"]).toBe("no-cache");
    expect(headers["Content-Type"]).toMatch(/^application\/javascript/);
    expect(headers["Content-Security-Policy"]).toContain("default-src 'self'");
    expect(headers["Content-Security-Policy"]).not.toMatch(/unsafe|\*/);
  });
});
