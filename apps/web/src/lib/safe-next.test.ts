import { describe, expect, test } from "vitest";
import { safeNextPath } from "./safe-next";

/** Where each value must lead once the browser resolves it against our origin. */
function landsOn(path: string): string {
  const url = new URL(path, "http://localhost:3000");
  return url.origin;
}

describe("safeNextPath", () => {
  test.each([
    ["/feed", "/feed"],
    ["/admin/users", "/admin/users"],
    ["/signals/abc?tab=history#v2", "/signals/abc?tab=history#v2"],
    ["/feed?pair=BTC%2FUSDT", "/feed?pair=BTC%2FUSDT"],
    ["/account?discord=linked", "/account?discord=linked"],
    // Dot segments resolve on our own origin; what comes back is the resolved path.
    ["/feed/../admin", "/admin"],
  ])("keeps the same-origin path %j", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  // Each of these is what `searchParams.get("next")` returns for a hostile link; every one used to
  // come back unchanged, or would lead off our origin when handed to the router.
  test.each([
    ["tab between the slashes (%09)", "/\t/evil.example/phish"],
    ["line feed between the slashes (%0A)", "/\n/evil.example/phish"],
    ["carriage return between the slashes (%0D)", "/\r/evil.example/phish"],
    ["CRLF between the slashes", "/\r\n/evil.example/phish"],
    ["tab and slash", "/\t\t//evil.example"],
    ["NUL byte", "/\u0000/evil.example"],
    ["DEL", "/\u007f/evil.example"],
    ["leading tab", "\t//evil.example"],
    ["leading space", " //evil.example"],
    ["protocol-relative", "//evil.example/phish"],
    ["backslash", "/\\evil.example"],
    ["slash then backslash", "\\/evil.example"],
    ["encoded slash, once", "/%2F/evil.example"],
    ["encoded slash, lower case", "/%2f%2fevil.example"],
    ["encoded backslash", "/%5Cevil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["absolute URL", "https://evil.example/phish"],
    ["scheme-relative with credentials", "//user@evil.example"],
    ["javascript: URL", "javascript:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["empty", ""],
    ["relative path", "feed"],
    ["malformed percent-encoding", "/%E0%A4%A"],
    ["dot segment before a double slash", "/.//evil.example"],
    ["dot-dot segment before a double slash", "/a/..//evil.example"],
  ])("refuses %s", (_label, next) => {
    expect(safeNextPath(next)).toBe("/feed");
  });

  test("whatever it returns stays on our origin, even for hostile encodings", () => {
    const hostile = ["/\t/evil.example", "/%2F%2Fevil.example", "/.//evil.example", "/./\t/x"];
    for (const next of hostile) expect(landsOn(safeNextPath(next))).toBe("http://localhost:3000");
  });

  test("absent values fall back to the feed", () => {
    expect(safeNextPath(null)).toBe("/feed");
    expect(safeNextPath(undefined)).toBe("/feed");
  });
});
