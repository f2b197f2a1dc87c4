// Two collectors (or a backfill racing a live write) can store a newer copy of a message before
// an older one arrives. The history must come out the same whichever copy lands first.
import { beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type { IncomingMessage } from "./model/ingest/ingestValidators";
import { setupMappedSource, SOURCE_CHANNEL as CHANNEL, SOURCE_GUILD as GUILD } from "./test.ingest";
import type { TestConvex } from "./test.setup";

const SECRET = "test-service-secret";
const ORIGINAL = "ETH/USDT LONG\nEntry: 3000\nTP: 3300\nSL: 2900";
const EDIT_1 = "ETH/USDT LONG\nEntry: 3010\nTP: 3300\nSL: 2900";
const EDIT_2 = "ETH/USDT LONG\nEntry: 3010\nTP: 3400\nSL: 2950";
const SENT_AT = 1_700_000_000_000;
const EDIT_1_AT = 1_700_000_030_000;
const EDIT_2_AT = 1_700_000_060_000;

beforeEach(() => vi.stubEnv("CONVEX_SERVICE_SECRET", SECRET));

type Tester = TestConvex;

const copy = (content: string, editedAt?: number): IncomingMessage => ({
  messageId: "1300000000000001000",
  channelId: CHANNEL,
  guildId: GUILD,
  authorId: "1196423789936771073",
  authorName: "Analyst",
  content,
  attachments: [],
  sourceAt: SENT_AT,
  receivedAt: SENT_AT + 40,
  origin: editedAt === undefined ? "gateway" : "backfill",
  ...(editedAt === undefined ? {} : { editedAt }),
});

const upsert = (t: Tester, message: IncomingMessage) =>
  t.mutation(api.ingest.upsertMessage, { secret: SECRET, message });

async function stored(t: Tester) {
  return t.run(async (ctx) => {
    const signal = await ctx.db
      .query("signals")
      .withIndex("by_source_message", (q) => q.eq("sourceMessageId", "1300000000000001000"))
      .unique();
    if (signal === null) throw new Error("no signal");
    const revisions = await ctx.db
      .query("signalRevisions")
      .withIndex("by_signal_and_version", (q) => q.eq("signalId", signal._id))
      .collect();
    const delivery = await ctx.db
      .query("mirrorDeliveries")
      .withIndex("by_signal_and_mapping", (q) => q.eq("signalId", signal._id))
      .unique();
    return {
      signal,
      history: revisions.map((r) => [r.version, r.change, r.content, r.at]),
      delivery,
    };
  });
}

const IN_ORDER = [
  [1, "create", ORIGINAL, SENT_AT],
  [2, "edit", EDIT_1, EDIT_1_AT],
  [3, "edit", EDIT_2, EDIT_2_AT],
];

describe("ingest.upsertMessage — copies arriving out of order", () => {
  test("in order: the reference history", async () => {
    const t = await setupMappedSource();
    await upsert(t, copy(ORIGINAL));
    await upsert(t, copy(EDIT_1, EDIT_1_AT));
    await upsert(t, copy(EDIT_2, EDIT_2_AT));
    const { signal, history } = await stored(t);
    expect(history).toEqual(IN_ORDER);
    expect(signal).toMatchObject({ content: EDIT_2, version: 3, editedAt: EDIT_2_AT });
  });

  test("the edited copy first (a backfill), the original and the edit after it: the same history", async () => {
    const t = await setupMappedSource();
    expect((await upsert(t, copy(EDIT_2, EDIT_2_AT))).outcome).toBe("created");
    expect(await upsert(t, copy(ORIGINAL))).toMatchObject({ outcome: "stale", version: 2 });
    expect(await upsert(t, copy(EDIT_1, EDIT_1_AT))).toMatchObject({
      outcome: "stale",
      version: 3,
    });
    const { signal, history } = await stored(t);
    expect(history).toEqual(IN_ORDER);
    // The current content stays the newest; only its number moved.
    expect(signal).toMatchObject({ content: EDIT_2, version: 3, editedAt: EDIT_2_AT });
  });

  test("replays of a copy already filed change nothing", async () => {
    const t = await setupMappedSource();
    await upsert(t, copy(EDIT_1, EDIT_1_AT));
    await upsert(t, copy(ORIGINAL));
    for (const again of [copy(ORIGINAL), copy(EDIT_1, EDIT_1_AT)]) {
      const result = await upsert(t, again);
      expect(["stale", "unchanged"]).toContain(result.outcome);
      expect(result.version).toBe(2);
    }
    expect((await stored(t)).history).toEqual(IN_ORDER.slice(0, 2));
  });

  test("the mirror delivery keeps pointing at the content it shows: no new work, no stale render", async () => {
    const t = await setupMappedSource();
    await upsert(t, copy(EDIT_2, EDIT_2_AT));
    const first = await stored(t);
    // The mirror posted version 1 (EDIT_2's text) and recorded it.
    await t.run((ctx) =>
      ctx.db.patch("mirrorDeliveries", first.delivery?._id as Id<"mirrorDeliveries">, {
        status: "done",
        syncedVersion: 1,
        customerMessageId: "1300000000000009000",
      }),
    );
    await upsert(t, copy(ORIGINAL));
    const { signal, delivery } = await stored(t);
    expect(signal.version).toBe(2);
    expect(delivery).toMatchObject({ status: "done", targetVersion: 2, syncedVersion: 2 });
  });

  test("a tombstoned signal's history is left alone", async () => {
    const t = await setupMappedSource();
    await upsert(t, copy(EDIT_1, EDIT_1_AT));
    await t.mutation(api.ingest.deleteMessages, {
      secret: SECRET,
      channelId: CHANNEL,
      messageIds: ["1300000000000001000"],
    });
    expect((await upsert(t, copy(ORIGINAL))).outcome).toBe("deleted");
    expect((await stored(t)).history.map(([, change]) => change)).toEqual(["create", "delete"]);
  });
});
