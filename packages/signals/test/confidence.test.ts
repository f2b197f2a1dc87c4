import { describe, expect, it } from "vitest";
import {
  ERROR_PENALTY,
  followUpConfidence,
  LOW_CONFIDENCE,
  noteConfidence,
  SIGNAL_WEIGHTS,
  signalConfidence,
  signalScore,
} from "../src/confidence.js";

const full = {
  symbol: { raw: "BTC/USDT", base: "BTC", quote: "USDT" },
  side: "long" as const,
  sideInferred: false,
  entries: [42000],
  targets: [43000],
  stopLoss: 41000,
};

describe("signal confidence", () => {
  it("the weights of a complete signal sum to 1", () => {
    const w = SIGNAL_WEIGHTS;
    expect(w.pair + w.side + w.entries + w.targets + w.stop).toBeCloseTo(1);
    expect(signalConfidence(full, 0)).toBe(1);
  });

  it("is monotone: each missing or weaker part lowers it", () => {
    const base = signalScore(full);
    expect(signalScore({ ...full, symbol: { raw: "BTC", base: "BTC" } })).toBeLessThan(base);
    expect(signalScore({ ...full, sideInferred: true })).toBeLessThan(base);
    expect(signalScore({ ...full, side: undefined })).toBeLessThan(
      signalScore({ ...full, sideInferred: true }),
    );
    expect(signalScore({ ...full, entries: [] })).toBeLessThan(base);
    expect(signalScore({ ...full, entries: [], entryType: "market" as const })).toBe(base);
    expect(signalScore({ ...full, targets: [] })).toBeLessThan(base);
    expect(signalScore({ ...full, stopLoss: undefined })).toBeLessThan(base);
  });

  it("each error subtracts the penalty and the result is clamped", () => {
    expect(signalConfidence({ ...full, stopLoss: undefined }, 1)).toBeCloseTo(0.8 - ERROR_PENALTY);
    expect(signalConfidence(full, 20)).toBe(0);
  });

  it("any single error keeps even a complete signal under the low-confidence line", () => {
    expect(signalConfidence(full, 1)).toBeLessThan(LOW_CONFIDENCE);
  });

  it("a base-only pair with its error falls under the low-confidence line", () => {
    expect(signalConfidence({ ...full, symbol: { raw: "LINK", base: "LINK" } }, 1)).toBeLessThan(
      LOW_CONFIDENCE,
    );
  });
});

describe("note and follow-up confidence", () => {
  it("chatter is 0 and a half-signal stays under 0.3", () => {
    expect(noteConfidence({ entries: [], targets: [] })).toBe(0);
    expect(noteConfidence({ ...full, targets: [], stopLoss: undefined })).toBeLessThanOrEqual(0.3);
  });

  it("rewards a linkable, detailed follow-up", () => {
    expect(followUpConfidence({ linkable: true, detailed: true, errorCount: 0 })).toBe(1);
    expect(followUpConfidence({ linkable: false, detailed: true, errorCount: 1 })).toBe(0.65);
    expect(followUpConfidence({ linkable: true, detailed: false, errorCount: 0 })).toBe(0.8);
  });
});
