import { describe, expect, test } from "vitest";
import { fieldsFromForm, formFromReading, readingText } from "./correction-form";

const READING = {
  kind: "signal" as const,
  symbol: { base: "ETH", quote: "USDT" },
  side: "long" as const,
  entryType: "limit" as const,
  entries: [2350, 2340],
  targets: [2400, 2450],
  stopLoss: 2300,
  leverage: { value: 5, mode: "isolated" as const },
};

describe("the correction form", () => {
  test("starts from the shown reading and gives it back unchanged", () => {
    const form = formFromReading(READING);
    expect(form).toMatchObject({ entries: "2350, 2340", stopLoss: "2300", marginMode: "isolated" });
    expect(fieldsFromForm(form)).toEqual({
      ok: true,
      fields: {
        kind: "signal",
        base: "ETH",
        quote: "USDT",
        side: "long",
        entryType: "limit",
        entries: [2350, 2340],
        targets: [2400, 2450],
        stopLoss: 2300,
        leverage: 5,
        marginMode: "isolated",
      },
    });
  });

  test("reads price lists separated by commas, slashes or spaces; empty fields are left out", () => {
    const form = {
      ...formFromReading({ kind: "signal", entries: [], targets: [] }),
      entries: " 0.00001234 / 0.0000125 ",
      targets: "0.000013 0.000014;0.000015",
      leverage: "10x",
    };
    expect(fieldsFromForm(form)).toEqual({
      ok: true,
      fields: {
        kind: "signal",
        entries: [0.00001234, 0.0000125],
        targets: [0.000013, 0.000014, 0.000015],
        leverage: 10,
      },
    });
  });

  test("names what is not a number instead of sending it", () => {
    const form = { ...formFromReading(READING), targets: "2400, 24OO", stopLoss: "low" };
    expect(fieldsFromForm(form)).toEqual({
      ok: false,
      problems: ["Targets: not a number: 24OO", "Stop loss: not a number: low"],
    });
  });

  test("summarises a reading on one line", () => {
    expect(readingText(READING)).toBe(
      "LONG ETH/USDT (signal) · entry 2350 / 2340 · TP 2400 / 2450 · SL 2300 · 5× isolated",
    );
    expect(readingText({ kind: "note", entries: [], targets: [] })).toBe("no coin (note)");
  });
});
