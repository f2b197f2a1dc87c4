import { describe, expect, test } from "vitest";
import { effectiveContentType, screenAttachment } from "../src/attachment-policy.js";

const policy = { allowedTypes: new Set(["image/png", "application/pdf"]), maxBytes: 1000 };

describe("screenAttachment", () => {
  test("accepts an allowed type under the cap", () => {
    expect(
      screenAttachment({ filename: "a.png", contentType: "image/png", size: 1000 }, policy),
    ).toEqual({
      ok: true,
      contentType: "image/png",
    });
  });

  test("rejects a type outside the allow-list, with the type in the reason", () => {
    expect(
      screenAttachment(
        { filename: "x.exe", contentType: "application/x-msdownload", size: 1 },
        policy,
      ),
    ).toEqual({
      ok: false,
      reason: "type application/x-msdownload is not allowed",
    });
  });

  test("rejects a file over the cap, with both sizes in the reason", () => {
    expect(
      screenAttachment({ filename: "a.pdf", contentType: "application/pdf", size: 1001 }, policy),
    ).toEqual({
      ok: false,
      reason: "too large: 1001 bytes exceeds the 1000-byte cap",
    });
  });

  test("strips parameters and falls back to the extension when Discord sent no type", () => {
    expect(
      effectiveContentType({ filename: "notes.txt", contentType: "text/plain; charset=utf-8" }),
    ).toBe("text/plain");
    expect(effectiveContentType({ filename: "Chart.PNG" })).toBe("image/png");
    expect(effectiveContentType({ filename: "blob" })).toBe("application/octet-stream");
  });
});
