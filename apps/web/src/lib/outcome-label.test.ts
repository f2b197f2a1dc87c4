import { describe, expect, it } from "vitest";
import { formatResult, outcomeLabel, type CardOutcome } from "./outcome-label";

const base: CardOutcome = { status: "waiting_entry", targetsHit: 0, updatedAt: 1 };

describe("outcomeLabel", () => {
  it("says each state in words", () => {
    expect(outcomeLabel(base)).toEqual({ text: "Waiting for entry", tone: "neutral" });
    expect(
      outcomeLabel({
        ...base,
        status: "in_trade",
        targetsHit: 1,
        openResult: { r: 0.5, pct: 1.190476 },
        markPrice: 42500,
      }),
    ).toEqual({ text: "In trade · TP1 reached · +0.50 R (+1.19 %) at 42,500", tone: "live" });
    expect(
      outcomeLabel({ ...base, status: "stopped", targetsHit: 2, result: { r: 1.33, pct: 3.24 } }),
    ).toEqual({ text: "Stopped after TP2 reached · +1.33 R (+3.24 %)", tone: "win" });
    expect(outcomeLabel({ ...base, status: "stopped", result: { r: -1, pct: -2.4 } })).toEqual({
      text: "Stopped · −1.00 R (−2.40 %)",
      tone: "loss",
    });
    expect(outcomeLabel({ ...base, status: "expired" }).text).toBe("Expired · never filled");
    expect(outcomeLabel({ ...base, status: "invalidated" }).text).toContain("not a trade");
  });

  it("shows % alone without a stop", () => {
    expect(formatResult({ pct: 4 })).toBe("+4.00 %");
  });
});
