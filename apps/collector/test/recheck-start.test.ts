import { describe, expect, test } from "vitest";
import { recheckStart } from "../src/backfill.js";
import { snowflakeAt, timeOfId } from "../src/discord-messages.js";

const DAY = 24 * 60 * 60 * 1000;
const SLACK = 5 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);

describe("recheckStart", () => {
  test("a short outage: the window (14 days back) is the older bound", () => {
    const cursor = { lastMessageId: snowflakeAt(NOW - 60_000), liveAt: NOW - 30_000 };
    expect(recheckStart(cursor, 14 * DAY, NOW)).toBe(NOW - 14 * DAY);
  });

  test("an outage longer than the window: everything since the collector was last live", () => {
    const liveAt = NOW - 20 * DAY;
    const cursor = { lastMessageId: snowflakeAt(NOW - 21 * DAY), liveAt };
    expect(recheckStart(cursor, 14 * DAY, NOW)).toBe(liveAt - SLACK);
  });

  test("no live stamp yet: the last ingested message's time stands in for the outage's start", () => {
    const cursor = { lastMessageId: snowflakeAt(NOW - 30 * DAY) };
    expect(recheckStart(cursor, 0, NOW)).toBe(timeOfId(cursor.lastMessageId) - SLACK);
  });
});

describe("snowflakes and time", () => {
  test("snowflakeAt(t) is just below every id minted at t, so after= includes them", () => {
    const at = NOW;
    const first = ((BigInt(at) - 1_420_070_400_000n) << 22n).toString();
    expect(BigInt(snowflakeAt(at)) + 1n).toBe(BigInt(first));
    expect(timeOfId(first)).toBe(at);
    expect(snowflakeAt(0)).toBe("0");
  });
});
