import { describe, expect, test } from "vitest";
import { followUpFacts } from "./follow-up";

describe("followUpFacts", () => {
  test("a target hit that also moves the stop says both, with the stated profit", () => {
    expect(
      followUpFacts({
        kind: "target_hit",
        followUp: { targetIndex: 1, newStop: 42250 },
        statedPnlPct: 23.8,
      }),
    ).toEqual(["TP1 reached", "Stop moved to 42,250", "+23.8% (as stated by the author)"]);
  });

  test("closes, stops and breakeven moves", () => {
    expect(followUpFacts({ kind: "close", followUp: { price: 2288 }, statedPnlPct: 14 })).toEqual([
      "Closed at 2288",
      "+14% (as stated by the author)",
    ]);
    expect(followUpFacts({ kind: "stop_hit", statedPnlPct: -10 })).toEqual([
      "-10% (as stated by the author)",
    ]);
    expect(followUpFacts({ kind: "move_stop", followUp: { breakeven: true } })).toEqual([
      "Stop moved to breakeven",
    ]);
    expect(followUpFacts({ kind: "move_stop", stopLoss: 1.2345 })).toEqual([
      "Stop moved to 1.2345",
    ]);
    expect(followUpFacts({ kind: "partial_close", followUp: { percent: 50 } })).toEqual([
      "50% of the position",
    ]);
  });

  test("new signals and notes have no follow-up facts", () => {
    expect(followUpFacts({ kind: "signal", followUp: { targetIndex: 1 } })).toEqual([]);
    expect(followUpFacts({ kind: "note" })).toEqual([]);
  });
});
