import { describe, expect, it } from "vitest";
import { FOLLOW_UP_KINDS, SIGNAL_KINDS } from "../src/kinds.js";

describe("kinds", () => {
  // The follow-up linker (convex) reads FOLLOW_UP_KINDS: a kind added to SIGNAL_KINDS must be
  // decided there too, not silently left out.
  it("the follow-up kinds are every kind but a new signal and a note, in the same order", () => {
    expect(FOLLOW_UP_KINDS).toEqual(
      SIGNAL_KINDS.filter((kind) => kind !== "signal" && kind !== "note"),
    );
  });
});
