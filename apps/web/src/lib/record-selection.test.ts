import { describe, expect, it } from "vitest";
import { parseSelection, selectionParam, tradesBehind } from "./record-selection";

const trades = [
  { id: "w", closedAt: Date.UTC(2026, 2, 5), r: 2, pct: 4 },
  { id: "l", closedAt: Date.UTC(2026, 2, 31, 23, 59), r: -1, pct: -2 },
  { id: "b", closedAt: Date.UTC(2026, 3, 1), r: 0, pct: 0 },
  { id: "nostop", closedAt: Date.UTC(2026, 3, 2), pct: 3 },
];

describe("record selection", () => {
  it("lists the trades behind each number", () => {
    const ids = (s: string) =>
      tradesBehind(trades, parseSelection(s) ?? { kind: "all" }).map((t) => t.id);
    expect(ids("wins")).toEqual(["w", "nostop"]);
    expect(ids("losses")).toEqual(["l"]);
    expect(ids("breakeven")).toEqual(["b"]);
    expect(ids("month:2026-03")).toEqual(["w", "l"]); // UTC months
    expect(ids("all")).toHaveLength(4);
  });

  it("round-trips through the URL and refuses anything else", () => {
    expect(selectionParam({ kind: "month", month: "2026-04" })).toBe("month:2026-04");
    expect(parseSelection("month:2026-04")).toEqual({ kind: "month", month: "2026-04" });
    expect(parseSelection("month:x")).toBeUndefined();
    expect(parseSelection(null)).toBeUndefined();
  });
});
