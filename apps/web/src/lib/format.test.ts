import { describe, expect, test } from "vitest";
import { dayBound, formatBytes, formatMs, formatPrice, formatTime } from "./format";

describe("formatPrice", () => {
  test("keeps the precision traders write", () => {
    expect(formatPrice(42000)).toBe("42,000");
    expect(formatPrice(2310)).toBe("2310");
    expect(formatPrice(42150.5)).toBe("42,150.5");
    expect(formatPrice(36.4)).toBe("36.4");
    expect(formatPrice(0.00001234)).toBe("0.00001234");
    expect(formatPrice(Number.NaN)).toBe("—");
  });
});

describe("formatTime", () => {
  test("relative for recent times, absolute UTC after a day", () => {
    const now = Date.parse("2026-01-02T12:00:00Z");
    expect(formatTime(now - 10_000, now)).toBe("just now");
    expect(formatTime(now - 5 * 60_000, now)).toBe("5 min ago");
    expect(formatTime(now - 3 * 3_600_000, now)).toBe("3 h ago");
    expect(formatTime(Date.parse("2025-12-30T08:15:00Z"), now)).toBe("2025-12-30 08:15 UTC");
  });
});

describe("dayBound", () => {
  test("turns a date input into an inclusive UTC day range", () => {
    expect(dayBound("2026-01-02", "start")).toBe(Date.parse("2026-01-02T00:00:00Z"));
    expect(dayBound("2026-01-02", "end")).toBe(Date.parse("2026-01-03T00:00:00Z") - 1);
    expect(dayBound("", "start")).toBeUndefined();
    expect(dayBound("2026-13-45", "start")).toBeUndefined();
  });
});

test("formatBytes and formatMs", () => {
  expect(formatBytes(512)).toBe("512 B");
  expect(formatBytes(2048)).toBe("2.0 KB");
  expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
  expect(formatMs(undefined)).toBe("—");
  expect(formatMs(250.4)).toBe("250 ms");
  expect(formatMs(1500)).toBe("1.50 s");
});
