// test.cleanup.ts undoes what a test stubbed, so suites do not have to: the second test runs after
// the first in this file and must see neither its env var nor its fake clock.
import { describe, expect, test, vi } from "vitest";
import { optionalEnv } from "./model/shared/env";

const VARIABLE = "G3_CLEANUP_PROBE";

describe("after every convex test", () => {
  test("a test stubs an env var and fakes the clock", () => {
    vi.stubEnv(VARIABLE, "stubbed");
    vi.useFakeTimers();
    vi.setSystemTime(0);
    expect(optionalEnv(VARIABLE)).toBe("stubbed");
    expect(vi.isFakeTimers()).toBe(true);
  });

  test("the next test sees the real env and the real clock", () => {
    expect(optionalEnv(VARIABLE)).toBeUndefined();
    expect(vi.isFakeTimers()).toBe(false);
    expect(Date.now()).toBeGreaterThan(0);
  });
});
