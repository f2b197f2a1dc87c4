import { describe, expect, test } from "vitest";
import { formatDay, formatMoney } from "./money";

describe("formatMoney", () => {
  test("known currencies use their symbol and two decimals", () => {
    expect(formatMoney(4900, "USD")).toBe("$49.00");
    expect(formatMoney(123456, "EUR")).toBe("€1,234.56");
  });
  test("a code Intl does not know is printed after the amount", () => {
    expect(formatMoney(4900, "unknown")).toBe("49.00 unknown");
  });
});

describe("formatDay", () => {
  test("prints the UTC day", () => {
    expect(formatDay(Date.UTC(2026, 0, 31, 23, 59))).toBe("2026-01-31");
  });
});
