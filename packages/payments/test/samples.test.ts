import { describe, expect, test } from "vitest";
import {
  isSampleKind,
  parseSellappBody,
  SAMPLE_KINDS,
  samplePayloads,
  toEpochMs,
} from "../src/index";

describe("samplePayloads", () => {
  for (const shape of ["v2", "legacy"] as const) {
    test(`gives one parseable delivery per kind (${shape})`, () => {
      const samples = samplePayloads({ shape, email: "a@example.com" });
      expect(Object.keys(samples)).toEqual([...SAMPLE_KINDS]);
      for (const kind of SAMPLE_KINDS) {
        const sample = samples[kind];
        expect(sample.rawBody).toBe(JSON.stringify(sample.payload));
        const parsed = parseSellappBody(sample.rawBody);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.event.eventType).toBe(sample.event);
      }
    });
  }

  test("is deterministic for the same options", () => {
    expect(samplePayloads({ occurredAt: 1 })).toEqual(samplePayloads({ occurredAt: 1 }));
  });

  test("isSampleKind", () => {
    expect(isSampleKind("order.paid")).toBe(true);
    expect(isSampleKind("order.nope")).toBe(false);
  });
});

describe("toEpochMs", () => {
  test("reads ISO strings, epoch seconds and epoch ms; rejects junk", () => {
    expect(toEpochMs("2026-01-01T00:00:00Z")).toBe(Date.UTC(2026, 0, 1));
    expect(toEpochMs(1_767_225_600)).toBe(Date.UTC(2026, 0, 1));
    expect(toEpochMs("1767225600")).toBe(Date.UTC(2026, 0, 1));
    expect(toEpochMs(Date.UTC(2026, 0, 1))).toBe(Date.UTC(2026, 0, 1));
    expect(toEpochMs("not a date")).toBeUndefined();
    expect(toEpochMs(null)).toBeUndefined();
    expect(toEpochMs("")).toBeUndefined();
  });
});
