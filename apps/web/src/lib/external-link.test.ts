import { describe, expect, test } from "vitest";
import { httpsHref } from "./external-link";

describe("httpsHref", () => {
  test("keeps an https URL", () => {
    expect(httpsHref("https://sell.app/p/g3-vip")).toBe("https://sell.app/p/g3-vip");
    expect(httpsHref("https://sell.app/p/g3-vip?ref=site#buy")).toBe(
      "https://sell.app/p/g3-vip?ref=site#buy",
    );
  });

  test.each([
    "javascript:alert(document.cookie)",
    "JAVASCRIPT:alert(1)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "http://sell.app/p/g3-vip",
    "//evil.example",
    "/feed",
    "https://user:secret@sell.app/p",
    "not a url",
    "",
  ])("refuses %j", (value) => {
    expect(httpsHref(value)).toBeNull();
  });

  test("absent stays absent", () => {
    expect(httpsHref(undefined)).toBeNull();
    expect(httpsHref(null)).toBeNull();
  });
});
