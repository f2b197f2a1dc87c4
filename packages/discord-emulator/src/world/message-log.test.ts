import { describe, expect, it } from "vitest";
import { MessageLog } from "./message-log.js";
import type { MessageRecord } from "./types.js";
import { SnowflakeGenerator, snowflakeFrom, snowflakeTimestampMs } from "../snowflake.js";

const message = (id: string): MessageRecord => ({
  id,
  channelId: "1",
  guildId: "1",
  authorId: "1",
  content: id,
  timestamp: "",
  editedTimestamp: null,
  attachments: [],
  embeds: [],
  nonce: null,
  reference: null,
  mentionUserIds: [],
  mentionRoleIds: [],
  mentionEveryone: false,
  flags: 0,
  tts: false,
});

describe("MessageLog history (Discord ordering: newest first)", () => {
  const gen = new SnowflakeGenerator(1, () => 1_700_000_000_000);
  const ids = Array.from({ length: 10 }, () => gen.next());
  const log = new MessageLog();
  for (const id of [...ids].reverse()) log.add(message(id)); // out-of-order inserts stay sorted

  it("default and before", () => {
    expect(log.history({ limit: 3 }).map((m) => m.id)).toEqual(ids.slice(7).reverse());
    expect(log.history({ limit: 3, before: ids[5] }).map((m) => m.id)).toEqual(
      ids.slice(2, 5).reverse(),
    );
    expect(log.history({ limit: 50, before: ids[0] })).toEqual([]);
  });

  it("after returns the messages right after the id, newest first", () => {
    expect(log.history({ limit: 2, after: ids[3] }).map((m) => m.id)).toEqual([ids[5], ids[4]]);
    expect(log.history({ limit: 2, after: "0" }).map((m) => m.id)).toEqual([ids[1], ids[0]]);
  });

  it("around includes the message and splits the limit", () => {
    expect(log.history({ limit: 4, around: ids[5] }).map((m) => m.id)).toEqual([
      ids[7],
      ids[6],
      ids[5],
      ids[4],
    ]);
    expect(log.history({ limit: 3, around: ids[9] }).map((m) => m.id)).toEqual([
      ids[9],
      ids[8],
      ids[7],
    ]);
  });

  it("remove keeps the order", () => {
    const copy = new MessageLog();
    for (const id of ids) copy.add(message(id));
    copy.remove(ids[4] ?? "");
    expect(copy.all().map((m) => m.id)).toEqual(ids.filter((_, i) => i !== 4));
    expect(copy.remove("123")).toBeUndefined();
  });
});

describe("snowflakes", () => {
  it("are 17–19 digits, monotonic within one millisecond, and carry their timestamp", () => {
    const gen = new SnowflakeGenerator(1, () => 1_700_000_000_000);
    const a = gen.next();
    const b = gen.next();
    expect(a).toMatch(/^\d{17,19}$/);
    expect(BigInt(b)).toBeGreaterThan(BigInt(a));
    expect(snowflakeTimestampMs(a)).toBe(1_700_000_000_000);
    expect(snowflakeFrom({ timestampMs: 1_420_070_400_000 })).toBe(String(1n << 17n));
    expect(() => snowflakeFrom({ timestampMs: 0 })).toThrow(RangeError);
  });
});
