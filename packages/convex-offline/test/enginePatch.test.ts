// The vendored engine is exactly the pinned upstream plus the stored patch, and every change in
// that patch is marked, so a reviewer can trust convexTest.patch as the whole story.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  enginePatch,
  hunks,
  MARKER,
  STORED_PATCH,
  UPSTREAM_VERSION,
  upstreamSource,
} from "../scripts/engine-patch";

describe("vendored engine patch", () => {
  it("is taken against the pinned upstream version", () => {
    expect(upstreamSource().version).toBe(UPSTREAM_VERSION);
  });

  it("is exactly the stored convexTest.patch (run `pnpm engine:patch --write` after a change)", async () => {
    expect(await enginePatch()).toBe(readFileSync(STORED_PATCH, "utf8"));
  });

  it(`marks every changed block with "${MARKER}"`, () => {
    const unmarked = hunks(readFileSync(STORED_PATCH, "utf8")).filter(
      (hunk) => !hunk.includes(MARKER),
    );
    expect(unmarked.map((hunk) => hunk.split("\n")[0])).toEqual([]);
  });
});
