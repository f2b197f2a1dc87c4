import { LOW_CONFIDENCE, parseSignal } from "@g3/signals";
import { describe, expect, test } from "vitest";
import { AUDITED_FEED_SIGNALS, seededSignalText } from "../src/feed-seed.js";

// The audited feed should look like a customer's: every seeded message a signal the parser reads
// fully (so each renders as a full card, not a note), longs and shorts over several pairs.
describe("the audited feed's signals", () => {
  const parsed = Array.from({ length: AUDITED_FEED_SIGNALS }, (_, index) =>
    parseSignal(seededSignalText(index)),
  );

  test("each is a confident signal with entry, three targets and a stop on the right side", () => {
    for (const signal of parsed) {
      expect(signal.kind).toBe("signal");
      expect(signal.confidence).toBeGreaterThan(LOW_CONFIDENCE);
      expect(signal.targets).toHaveLength(3);
      expect(signal.stopLoss).toBeDefined();
      const [first] = signal.targets;
      if (signal.side === "long") expect(first).toBeGreaterThan(signal.stopLoss ?? Infinity);
      else expect(first).toBeLessThan(signal.stopLoss ?? -Infinity);
    }
  });

  test("they mix sides and pairs", () => {
    expect(new Set(parsed.map((signal) => signal.side))).toEqual(new Set(["long", "short"]));
    expect(new Set(parsed.map((signal) => signal.symbol?.base)).size).toBeGreaterThanOrEqual(5);
  });
});
