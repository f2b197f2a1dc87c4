import { describe, expect, it } from "vitest";
import { parseSelection, selectionParam } from "./record-selection";

describe("record selection", () => {
  it("round-trips through the URL and refuses anything else", () => {
    expect(selectionParam({ kind: "month", month: "2026-04" })).toBe("month:2026-04");
    expect(parseSelection("month:2026-04")).toEqual({ kind: "month", month: "2026-04" });
    expect(parseSelection("month:x")).toBeUndefined();
    expect(parseSelection(null)).toBeUndefined();
  });
});
