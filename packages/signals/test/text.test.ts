import { describe, expect, it } from "vitest";
import { blank, blankAll, blankSpans } from "../src/text.js";

describe("blanking", () => {
  it("keeps length and newlines", () => {
    expect(blank("ab\ncd", { start: 1, end: 4 })).toBe("a \n d");
    expect(
      blankSpans("abcdef", [
        { start: 0, end: 1 },
        { start: 4, end: 99 },
      ]),
    ).toBe(" bcd  ");
    expect(blankAll("a1b22c", /\d+/g)).toBe("a b  c");
  });

  it("keeps positions of astral characters (UTF-16 units)", () => {
    const text = "🟢 BTC";
    expect(blank(text, { start: 3, end: 6 })).toBe("🟢    ");
  });
});
