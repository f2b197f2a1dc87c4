import { describe, expect, it } from "vitest";
import { findStatedPnl } from "../src/pnl.js";

describe("findStatedPnl", () => {
  it.each([
    ["+23.8%", 23.8],
    ["-3.5%", -3.5],
    ["Profit: 45%", 45],
    ["Loss: 10%", -10],
    ["Loss: -10%", -10],
    ["ROI -12%", -12],
    ["40% profit", 40],
    ["8% loss", -8],
    ["+23,8%", 23.8],
    ["Profit: 45% (+50% soon)", 45], // a labelled figure beats a signed one
  ])("%j → %d", (text, pnlPct) => {
    expect(findStatedPnl(text).pnlPct).toBe(pnlPct);
  });

  it("an unsigned, unlabelled percentage is no PnL but is still blanked", () => {
    const found = findStatedPnl("Risk 2% Entry 42000 (50%)");
    expect(found.pnlPct).toBeUndefined();
    expect(found.text.replace(/\s+/g, " ").trim()).toBe("Risk Entry 42000");
  });

  it("a bracketed allocation note is blanked whole, so its words are not read as labels", () => {
    const found = findStatedPnl("🥉 8.480 (40% of profit)\nTP1: 578.0 (close 25%)");
    expect(found.pnlPct).toBeUndefined();
    expect(found.text.replace(/\s+/g, " ").trim()).toBe("🥉 8.480 TP1: 578.0");
  });
});
