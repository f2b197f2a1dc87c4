import { describe, expect, test } from "vitest";
import { paragraphs } from "./legal-text";

describe("paragraphs", () => {
  test("blank lines split paragraphs; single breaks stay; markup is just text", () => {
    expect(paragraphs("Terms\r\n\r\nLine one\nline two\n \n\n<b>bold?</b>\n")).toEqual([
      "Terms",
      "Line one\nline two",
      "<b>bold?</b>",
    ]);
    expect(paragraphs("   \n\n ")).toEqual([]);
  });
});
