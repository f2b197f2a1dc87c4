import { describe, expect, test } from "vitest";
import { checkDrift, describeDrift } from "../../src/drift.js";

const keyOf = (content: string) => /\[sig-\d+\]/.exec(content)?.[0];

describe("checkDrift", () => {
  test("reports nothing when the channel matches exactly", () => {
    const report = checkDrift(
      [{ key: "[sig-1]", content: "[sig-1] a", files: ["c.png"] }],
      [{ id: "m1", content: "[sig-1] a", files: ["c.png"] }],
      { keyOf },
    );
    expect(report.ok).toBe(true);
    expect(describeDrift(report)).toBe("no drift (1 messages)");
  });

  test("finds missing, duplicate, stale and unexpected messages", () => {
    const report = checkDrift(
      [
        { key: "[sig-1]", content: "[sig-1] v2" },
        { key: "[sig-2]", content: "[sig-2] a" },
        { key: "[sig-3]", content: "[sig-3] a" },
        { key: "[sig-5]", content: "[sig-5] a", files: ["x.png"] },
      ],
      [
        { id: "m1", content: "[sig-1] v1" },
        { id: "m2", content: "[sig-2] a" },
        { id: "m2b", content: "[sig-2] a" },
        { id: "m4", content: "[sig-4] deleted at the source" },
        { id: "m5", content: "[sig-5] a", files: [] },
        { id: "m6", content: "hello from a moderator" },
      ],
      { keyOf },
    );
    expect(report.ok).toBe(false);
    expect(report.missing.map((m) => m.key)).toEqual(["[sig-3]"]);
    expect(report.duplicates).toEqual([{ key: "[sig-2]", ids: ["m2", "m2b"] }]);
    expect(report.stale.map((s) => s.key)).toEqual(["[sig-1]", "[sig-5]"]);
    expect(report.unexpected.map((m) => m.id).sort()).toEqual(["m4", "m6"]);
    expect(describeDrift(report)).toMatch(/missing 1 .*duplicates 1 .*stale 2 .*unexpected 2/);
  });

  test("normalises actual content before comparing", () => {
    const report = checkDrift(
      [{ key: "[sig-1]", content: "[sig-1] a" }],
      [{ id: "m1", content: "[sig-1] a\n-# LONG BTC" }],
      { keyOf, normalize: (content) => content.split("\n")[0] ?? "" },
    );
    expect(report.ok).toBe(true);
  });
});
