import { describe, expect, test } from "vitest";
import { nextRetryDelayMs } from "../src/index";

describe("nextRetryDelayMs", () => {
  test("backs off 1 m, 5 m, 30 m, 2 h, 12 h, then gives up", () => {
    expect([1, 2, 3, 4, 5].map(nextRetryDelayMs)).toEqual([
      60_000, 300_000, 1_800_000, 7_200_000, 43_200_000,
    ]);
    expect(nextRetryDelayMs(6)).toBeUndefined();
  });
});
