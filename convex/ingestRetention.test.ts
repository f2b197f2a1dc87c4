// Deletes of messages we never stored are remembered for a late copy (ingestDeleteRace.test.ts),
// then forgotten: without the prune every such delete kept a row for good.
import { beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import { UNSTORED_DELETE_RETENTION_MS } from "./model/ingest/ingestUnstoredDelete";
import { MAPPING } from "./test.ingest";
import { SERVICE_SECRET, setupParsing, type TestConvex } from "./test.parsing";

const NOW = 1_800_000_000_000;
const DAY = 24 * 60 * 60 * 1000;

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});

const deleteUnknown = (t: TestConvex, messageIds: string[]) =>
  t.mutation(api.ingest.deleteMessages, {
    secret: SERVICE_SECRET,
    channelId: MAPPING.sourceChannelId,
    messageIds,
  });

const remembered = (t: TestConvex) =>
  t.run(async (ctx) =>
    (await ctx.db.query("unstoredDeletes").take(1000)).map((row) => row.sourceMessageId),
  );

describe("ingestRetention.pruneStaleUnstoredDeletes", () => {
  test("forgets deletes older than the retention and keeps the recent ones", async () => {
    const { t } = await setupParsing();
    await deleteUnknown(t, ["1300000000000008001", "1300000000000008002"]);
    vi.advanceTimersByTime(UNSTORED_DELETE_RETENTION_MS - DAY);
    await deleteUnknown(t, ["1300000000000008003"]);
    vi.advanceTimersByTime(2 * DAY); // the first two are now past the retention, the third is not

    expect(await t.mutation(internal.ingestRetention.pruneStaleUnstoredDeletes, {})).toEqual({
      deleted: 2,
      more: false,
    });
    expect(await remembered(t)).toEqual(["1300000000000008003"]);
  });

  test("a full batch schedules the next one until the backlog is gone", async () => {
    const { t } = await setupParsing();
    const ids = Array.from({ length: 450 }, (_, i) => String(1300000000000009000n + BigInt(i)));
    for (let i = 0; i < ids.length; i += 100) await deleteUnknown(t, ids.slice(i, i + 100));
    vi.advanceTimersByTime(UNSTORED_DELETE_RETENTION_MS + DAY);

    expect(await t.mutation(internal.ingestRetention.pruneStaleUnstoredDeletes, {})).toEqual({
      deleted: 200,
      more: true,
    });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(await remembered(t)).toEqual([]);
  });
});
