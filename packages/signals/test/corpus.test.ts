import { describe, expect, it } from "vitest";
import { parseSignal } from "../src/index.js";
import { CORPUS } from "./corpus/regression.js";

describe("corpus", () => {
  it("has many layouts", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const parsed = parseSignal(c.text, c.context);
    for (const [key, value] of Object.entries(c.expect)) {
      expect(parsed[key as keyof typeof parsed], key).toEqual(value);
    }
    for (const key of c.absent ?? []) expect(key in parsed, `${key} is absent`).toBe(false);
    for (const pattern of c.errorsMatch ?? []) {
      expect(
        parsed.errors.some((e) => pattern.test(e)),
        `${pattern} in ${JSON.stringify(parsed.errors)}`,
      ).toBe(true);
    }
    if (c.minConfidence !== undefined)
      expect(parsed.confidence).toBeGreaterThanOrEqual(c.minConfidence);
    if (c.maxConfidence !== undefined)
      expect(parsed.confidence).toBeLessThanOrEqual(c.maxConfidence);
  });
});
