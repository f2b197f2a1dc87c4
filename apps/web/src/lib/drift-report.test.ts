import { expect, test } from "vitest";
import { describeDriftReport } from "./drift-report";

const base = {
  _id: "r1",
  _creationTime: 0,
  mappingId: "m1",
  label: "VIP signals",
  customerChannelId: "c1",
  instanceId: "mirror-a",
  checkedAt: 1_000_000,
  windowSignals: 50,
  windowMessages: 48,
  missing: 0,
  duplicates: 0,
  stale: 0,
  orphans: 0,
  examples: { missing: [], duplicates: [], stale: [], orphans: [] },
} as unknown as Parameters<typeof describeDriftReport>[0];

test("a clean, recent report is ok", () => {
  const row = describeDriftReport(base, 1_000_000 + 60_000);
  expect(row).toMatchObject({
    ok: true,
    fresh: true,
    examples: [],
    window: "50 latest signals vs 48 bot messages",
  });
  expect(row.counts.map((entry) => entry.label)).toEqual([
    "missing",
    "duplicate",
    "stale",
    "orphan",
  ]);
});

test("drift lists counts and example ids; an old report is not fresh", () => {
  const row = describeDriftReport(
    {
      ...base,
      missing: 2,
      orphans: 1,
      examples: { missing: ["s1", "s2"], duplicates: [], stale: [], orphans: ["106"] },
    },
    1_000_000 + 31 * 60_000,
  );
  expect(row.ok).toBe(false);
  expect(row.fresh).toBe(false);
  expect(row.counts).toContainEqual({ label: "missing", count: 2 });
  expect(row.examples).toEqual(["missing: signal s1, s2", "orphan: message 106"]);
});
