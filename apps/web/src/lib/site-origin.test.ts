import { describe, expect, test } from "vitest";
import { siteOrigin } from "./site-origin";

const headers = (values: Record<string, string>) => ({
  get: (name: string) => values[name] ?? null,
});

describe("siteOrigin", () => {
  test("https for a public host, the proxy's host first; http for loopback", () => {
    expect(siteOrigin(headers({ host: "g3signals.com" }))?.href).toBe("https://g3signals.com/");
    expect(
      siteOrigin(headers({ host: "10.0.0.5:3000", "x-forwarded-host": "g3signals.com, proxy" }))
        ?.href,
    ).toBe("https://g3signals.com/");
    expect(siteOrigin(headers({ host: "localhost:4123" }))?.href).toBe("http://localhost:4123/");
  });

  test("anything but a plain host[:port] is refused", () => {
    for (const host of ["", "evil.example/path", "a@b.example", "x.example:99999x", "<script>"]) {
      expect(siteOrigin(headers({ host })), host).toBeNull();
    }
  });
});
