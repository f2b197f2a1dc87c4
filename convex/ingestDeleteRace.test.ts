// A history import (or a backfill) reads a page from Discord, then writes it message by message.
// A message deleted in between reaches us first as a gateway delete of an id we never stored; the
// write that follows must not bring it back as a live signal: the delete wins, whichever came first.
// The same holds for a gateway copy: of two collectors, the one writing the create can be slower
// than the one writing the delete.
import { beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import { MAPPING } from "./test.ingest";
import {
  CONFIDENT,
  SERVICE_SECRET,
  deliveriesOf,
  setupParsing,
  type TestConvex,
} from "./test.parsing";

const NOW = 1_800_000_000_000;
const CHANNEL = MAPPING.sourceChannelId;
const MESSAGE = "1300000000000007000";

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});

function copy(origin: "gateway" | "backfill" | "history") {
  return {
    messageId: MESSAGE,
    channelId: CHANNEL,
    guildId: MAPPING.sourceGuildId,
    authorId: "1000000000000000099",
    authorName: "Analyst",
    content: CONFIDENT,
    attachments: [],
    sourceAt: NOW - 86_400_000,
    receivedAt: NOW - 60_000, // read with its page before the delete
    origin,
  };
}

const upsert = (t: TestConvex, origin: "gateway" | "backfill" | "history") =>
  t.mutation(api.ingest.upsertMessage, { secret: SERVICE_SECRET, message: copy(origin) });

const deleteIt = (t: TestConvex, channelId = CHANNEL) =>
  t.mutation(api.ingest.deleteMessages, {
    secret: SERVICE_SECRET,
    channelId,
    messageIds: [MESSAGE],
  });

async function stored(t: TestConvex) {
  return t.run(async (ctx) => {
    const signal = await ctx.db
      .query("signals")
      .withIndex("by_source_message", (q) => q.eq("sourceMessageId", MESSAGE))
      .unique();
    if (signal === null) return null;
    const revisions = await ctx.db
      .query("signalRevisions")
      .withIndex("by_signal_and_version", (q) => q.eq("signalId", signal._id))
      .take(10);
    return { signal, history: revisions.map((r) => [r.version, r.change, r.at]) };
  });
}

describe("a delete that arrives before the write of a copy read earlier", () => {
  for (const origin of ["history", "backfill", "gateway"] as const) {
    test(`${origin}: the copy is stored as the tombstone the delete would have made, not as a live signal`, async () => {
      const { t } = await setupParsing();
      const deletedAt = NOW;
      const result = await deleteIt(t);
      expect(result.unknown).toEqual([MESSAGE]); // nothing stored yet to tombstone

      vi.advanceTimersByTime(5_000); // the import writes its page
      const written = await upsert(t, origin);
      expect(written).toMatchObject({ outcome: "deleted", version: 2 });
      const after = await stored(t);
      expect(after?.signal).toMatchObject({ deletedAt, version: 2 });
      expect(after?.history).toEqual([
        [1, "create", copy(origin).sourceAt],
        [2, "delete", deletedAt],
      ]);
      // Nothing reaches the customer guild, and a replay of the copy changes nothing.
      expect(await deliveriesOf(t, written.signalId)).toEqual([]);
      expect(await upsert(t, origin)).toMatchObject({ outcome: "deleted", version: 2 });
      expect(await deleteIt(t)).toMatchObject({ alreadyDeleted: [MESSAGE] });
      const counts = await t.query(internal.historyImportJobs.channelCounts, {
        sourceChannelId: CHANNEL,
      });
      expect(counts).toMatchObject({ total: 1, live: 0, tombstoned: 1 });
    });
  }

  test("a delete named for another channel does not tombstone this channel's message", async () => {
    const { t } = await setupParsing();
    await deleteIt(t, "1000000000000000077");
    expect(await upsert(t, "history")).toMatchObject({ outcome: "created", version: 1 });
    expect((await stored(t))?.signal.deletedAt).toBeUndefined();
  });
});
