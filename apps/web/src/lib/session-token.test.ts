import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { expect, test } from "vitest";
import { SESSION_COOKIE, sessionCookieName, sessionTokenFrom } from "./session-token";

test("a local host reads the plain cookie, any other host the __Host- one", () => {
  expect(sessionCookieName("localhost:3000")).toBe("__convexAuthJWT");
  expect(sessionCookieName("127.0.0.1:41234")).toBe("__convexAuthJWT");
  expect(sessionCookieName("signals.example.com")).toBe("__Host-__convexAuthJWT");
  expect(sessionCookieName("localhost")).toBe("__Host-__convexAuthJWT"); // no port: not local
  expect(sessionCookieName(null)).toBe("__Host-__convexAuthJWT");
});

test("the token is the named cookie's value, undefined without one", () => {
  const jar = new Map([
    ["__Host-__convexAuthJWT", "jwt-remote"],
    ["__convexAuthJWT", "jwt-local"],
  ]);
  const cookie = (name: string) => jar.get(name);
  expect(sessionTokenFrom("localhost:3000", cookie)).toBe("jwt-local");
  expect(sessionTokenFrom("signals.example.com", cookie)).toBe("jwt-remote");
  expect(sessionTokenFrom("localhost:3000", () => undefined)).toBeUndefined();
});

test("the names are the ones the installed Convex Auth gives its session cookie", () => {
  // Read from the package itself: an upgrade that renames the cookie or changes the local-host
  // rule fails here, not in production as a header that shows everyone signed out.
  const require = createRequire(import.meta.url);
  const server = dirname(require.resolve("@convex-dev/auth/nextjs/server"));
  const cookies = readFileSync(join(server, "cookies.js"), "utf8");
  expect(cookies).toContain(`const tokenName = prefix + "${SESSION_COOKIE}";`);
  expect(cookies).toContain(`const prefix = isLocalhost ? "" : "__Host-";`);
  const utils = readFileSync(join(server, "..", "..", "server", "utils.js"), "utf8");
  expect(utils).toContain(String.raw`/(localhost|127\.0\.0\.1):\d+/.test(host ?? "")`);
});
