import { ConvexError } from "convex/values";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type { IncomingMessage } from "./model/ingest/ingestValidators";
import { setupMappedSource, SOURCE_CHANNEL as CHANNEL, SOURCE_GUILD as GUILD } from "./test.ingest";
import type { TestConvex } from "./test.setup";

const SECRET = "test-service-secret";
const OTHER_CHANNEL = "1196426306519171083";
const ANALYST = "1196423789936771073";

const S1 =
  "BTC/USDT LONG\nEntry: 42000-42500\nTargets: 43000, 44000, 45500\nSL: 41000\nLeverage: 10x";
const S5 = "BTC TP1 hit ✅ +23.8% (10x). Move SL to entry 42250.";

beforeEach(() => {
  vi.stubEnv("CONVEX_SERVICE_SECRET", SECRET);
});

type Tester = TestConvex;

let nextId = 1_300_000_000_000_000_000n;
function snowflake(): string {
  nextId += 1000n;
  return nextId.toString();
}

function message(overrides: Partial<IncomingMessage> = {}): IncomingMessage {
  return {
    messageId: snowflake(),
    channelId: CHANNEL,
    guildId: GUILD,
    authorId: ANALYST,
    authorName: "Analyst",
    content: S1,
    attachments: [],
    sourceAt: 1_700_000_000_000,
    receivedAt: 1_700_000_000_040,
    origin: "gateway",
    ...overrides,
  };
}

function upsert(t: Tester, m: IncomingMessage, secret = SECRET) {
  return t.mutation(api.ingest.upsertMessage, { secret, message: m });
}

async function signalOf(t: Tester, messageId: string) {
  const signal = await t.run((ctx) =>
    ctx.db
      .query("signals")
      .withIndex("by_source_message", (q) => q.eq("sourceMessageId", messageId))
      .unique(),
  );
  if (signal === null) throw new Error(`no signal for ${messageId}`);
  return signal;
}

async function revisionsOf(t: Tester, signalId: Id<"signals">) {
  return t.run((ctx) =>
    ctx.db
      .query("signalRevisions")
      .withIndex("by_signal_and_version", (q) => q.eq("signalId", signalId))
      .collect(),
  );
}

async function countRows(
  t: Tester,
  table: "signals" | "signalRevisions" | "latencySamples" | "attachments",
) {
  return (await t.run((ctx) => ctx.db.query(table).collect())).length;
}

/** The `data` of the ConvexError a call rejected with (fails the test if it resolved). */
async function refusal(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ConvexError) {
      const data: unknown = error.data;
      return data;
    }
    throw error;
  }
  throw new Error("expected the call to be refused");
}

async function storeBlob(t: Tester, text: string): Promise<Id<"_storage">> {
  return t.run((ctx) => ctx.storage.store(new Blob([text], { type: "image/png" })));
}

/** A PNG chart the collector already uploaded to storage. */
function storedChart(
  discordAttachmentId: string,
  storageId: Id<"_storage">,
  size: number,
  sha256: string,
) {
  return {
    status: "stored" as const,
    discordAttachmentId,
    storageId,
    filename: "chart.png",
    contentType: "image/png",
    size,
    sha256,
  };
}

describe("ingest.upsertMessage — create", () => {
  test("stores the parsed signal, revision 1, tier, timestamps, latency samples and the cursor", async () => {
    const t = await setupMappedSource();
    const m = message();
    const before = Date.now();
    const result = await upsert(t, m);
    expect(result).toMatchObject({ outcome: "created", version: 1 });

    const signal = await signalOf(t, m.messageId);
    expect(signal).toMatchObject({
      sourceGuildId: GUILD,
      sourceChannelId: CHANNEL,
      authorId: ANALYST,
      authorName: "Analyst",
      tierKey: "vip",
      content: S1,
      kind: "signal",
      pair: "BTC/USDT",
      side: "long",
      version: 1,
      sourceAt: m.sourceAt,
      receivedAt: m.receivedAt,
    });
    expect(signal.parsed.targets).toEqual([43000, 44000, 45500]);
    expect(signal.parsed.stopLoss).toBe(41000);
    expect(signal.committedAt).toBeGreaterThanOrEqual(before);
    expect(signal.deletedAt).toBeUndefined();

    const revisions = await revisionsOf(t, signal._id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ version: 1, change: "create", content: S1 });

    const samples = await t.run((ctx) => ctx.db.query("latencySamples").collect());
    expect(samples.map((s) => [s.hop, s.ms])).toEqual(
      expect.arrayContaining([
        ["source_to_received", 40],
        ["received_to_committed", expect.any(Number)],
      ]),
    );

    const cursors = await t.query(api.ingest.getCursors, { secret: SECRET, channelIds: [CHANNEL] });
    expect(cursors).toEqual([{ channelId: CHANNEL, lastMessageId: m.messageId }]);
  });

  test("a duplicate create (gateway re-delivery, RESUME replay, backfill overlap) is a no-op", async () => {
    const t = await setupMappedSource();
    const m = message();
    await upsert(t, m);
    const again = await upsert(t, { ...m, receivedAt: m.receivedAt + 5000 });
    const backfilled = await upsert(t, { ...m, origin: "backfill" });
    expect(again.outcome).toBe("unchanged");
    expect(backfilled.outcome).toBe("unchanged");
    expect(await countRows(t, "signals")).toBe(1);
    expect(await countRows(t, "signalRevisions")).toBe(1);
    expect(await countRows(t, "latencySamples")).toBe(2);
    expect((await signalOf(t, m.messageId)).receivedAt).toBe(m.receivedAt);
  });

  test("backfilled creates record no latency samples (downtime is not latency)", async () => {
    const t = await setupMappedSource();
    await upsert(t, message({ origin: "backfill" }));
    expect(await countRows(t, "latencySamples")).toBe(0);
  });

  test("an update for a message never seen creates it", async () => {
    const t = await setupMappedSource();
    const m = message({
      content: "ETH/USDT SHORT\nEntry: 2300\nTP: 2200\nSL: 2400",
      editedAt: 1_700_000_100_000,
    });
    const result = await upsert(t, m);
    expect(result).toMatchObject({ outcome: "created", version: 1 });
    const signal = await signalOf(t, m.messageId);
    expect(signal).toMatchObject({ version: 1, editedAt: 1_700_000_100_000, pair: "ETH/USDT" });
    expect((await revisionsOf(t, signal._id)).map((r) => r.change)).toEqual(["create"]);
    expect(await countRows(t, "latencySamples")).toBe(0);
  });
});

describe("ingest.upsertMessage — edit", () => {
  test("a visible edit bumps the version, re-parses and appends a revision", async () => {
    const t = await setupMappedSource();
    const m = message();
    await upsert(t, m);
    const edited = S1.replace("SL: 41000", "SL: 41200");
    const result = await upsert(t, { ...m, content: edited, editedAt: 1_700_000_060_000 });
    expect(result).toMatchObject({ outcome: "edited", version: 2 });

    const signal = await signalOf(t, m.messageId);
    expect(signal).toMatchObject({ version: 2, content: edited, editedAt: 1_700_000_060_000 });
    expect(signal.parsed.stopLoss).toBe(41200);
    const revisions = await revisionsOf(t, signal._id);
    expect(revisions.map((r) => [r.version, r.change, r.parsed.stopLoss])).toEqual([
      [1, "create", 41000],
      [2, "edit", 41200],
    ]);
  });

  test("an update with no visible change (crosspost flag, embed unfurl, replay) is ignored", async () => {
    const t = await setupMappedSource();
    const m = message();
    await upsert(t, m);
    await upsert(t, {
      ...m,
      content: "BTC/USDT LONG\nEntry: 42000\nSL: 41000",
      editedAt: 1_700_000_060_000,
    });
    const replay = await upsert(t, {
      ...m,
      content: "BTC/USDT LONG\nEntry: 42000\nSL: 41000",
      editedAt: 1_700_000_060_000,
      receivedAt: 1_700_000_099_000,
    });
    expect(replay).toMatchObject({ outcome: "unchanged", version: 2 });
    expect(await countRows(t, "signalRevisions")).toBe(2);
  });

  test("an older copy arriving after an edit (out-of-order replay) does not roll the edit back", async () => {
    const t = await setupMappedSource();
    const m = message();
    await upsert(t, m);
    await upsert(t, { ...m, content: "edited once", editedAt: 1_700_000_060_000 });
    await upsert(t, { ...m, content: "edited twice", editedAt: 1_700_000_090_000 });
    expect((await upsert(t, m)).outcome).toBe("stale");
    expect(
      (await upsert(t, { ...m, content: "edited once", editedAt: 1_700_000_060_000 })).outcome,
    ).toBe("stale");
    const signal = await signalOf(t, m.messageId);
    expect(signal).toMatchObject({ content: "edited twice", version: 3 });
  });

  test("adding an attachment is a visible change even when the text is the same", async () => {
    const t = await setupMappedSource();
    const m = message();
    await upsert(t, m);
    const storageId = await storeBlob(t, "png bytes");
    const result = await upsert(t, {
      ...m,
      editedAt: 1_700_000_060_000,
      attachments: [
        {
          status: "stored",
          discordAttachmentId: snowflake(),
          storageId,
          filename: "chart.png",
          contentType: "image/png",
          size: 9,
          width: 800,
          height: 600,
          sha256: "ab".repeat(32),
        },
      ],
    });
    expect(result).toMatchObject({ outcome: "edited", version: 2 });
    expect((await signalOf(t, m.messageId)).attachmentIds).toHaveLength(1);
  });
});

describe("ingest.deleteMessages", () => {
  test("tombstones: keeps the record and history, bumps the version, idempotent", async () => {
    const t = await setupMappedSource();
    const m = message();
    await upsert(t, m);
    const unknown = snowflake();
    const first = await t.mutation(api.ingest.deleteMessages, {
      secret: SECRET,
      channelId: CHANNEL,
      messageIds: [m.messageId, unknown],
    });
    expect(first).toEqual({ deleted: [m.messageId], alreadyDeleted: [], unknown: [unknown] });

    const signal = await signalOf(t, m.messageId);
    expect(signal.version).toBe(2);
    expect(signal.deletedAt).toEqual(expect.any(Number));
    expect(signal.content).toBe(S1);
    expect((await revisionsOf(t, signal._id)).map((r) => [r.version, r.change])).toEqual([
      [1, "create"],
      [2, "delete"],
    ]);

    const second = await t.mutation(api.ingest.deleteMessages, {
      secret: SECRET,
      channelId: CHANNEL,
      messageIds: [m.messageId],
    });
    expect(second).toEqual({ deleted: [], alreadyDeleted: [m.messageId], unknown: [] });
    expect((await signalOf(t, m.messageId)).version).toBe(2);

    // A late replay of the create or an edit never resurrects a deleted message.
    expect((await upsert(t, m)).outcome).toBe("deleted");
    expect((await upsert(t, { ...m, content: "x", editedAt: 1_800_000_000_000 })).outcome).toBe(
      "deleted",
    );
    expect(await countRows(t, "signalRevisions")).toBe(2);
  });

  test("an id stored for another channel is treated as unknown", async () => {
    const t = await setupMappedSource();
    const m = message();
    await upsert(t, m);
    const result = await t.mutation(api.ingest.deleteMessages, {
      secret: SECRET,
      channelId: OTHER_CHANNEL,
      messageIds: [m.messageId],
    });
    expect(result.unknown).toEqual([m.messageId]);
    expect((await signalOf(t, m.messageId)).deletedAt).toBeUndefined();
  });
});

describe("reply linking", () => {
  test("a reply links to the replied-to signal", async () => {
    const t = await setupMappedSource();
    const parent = message();
    await upsert(t, parent);
    const reply = message({ content: S5, replyToMessageId: parent.messageId });
    await upsert(t, reply);
    const parentSignal = await signalOf(t, parent.messageId);
    const replySignal = await signalOf(t, reply.messageId);
    expect(replySignal.parentSignalId).toBe(parentSignal._id);
    expect(replySignal.replyToMessageId).toBe(parent.messageId);
    expect(replySignal.kind).toBe("target_hit");
  });

  test("a follow-up without a reply links to the latest signal with the same instrument in the channel", async () => {
    const t = await setupMappedSource();
    const older = message();
    const eth = message({ content: "ETH/USDT SHORT\nEntry: 2300\nTP: 2200\nSL: 2400" });
    const newer = message({ content: S1.replace("42000-42500", "42100-42600") });
    await upsert(t, older);
    await upsert(t, eth);
    await upsert(t, newer);
    const followUp = message({ content: S5 });
    await upsert(t, followUp);
    expect((await signalOf(t, followUp.messageId)).parentSignalId).toBe(
      (await signalOf(t, newer.messageId))._id,
    );
  });

  test("a plain message that is not a follow-up gets no parent", async () => {
    const t = await setupMappedSource();
    await upsert(t, message());
    const chat = message({ content: "Good morning team, markets are quiet today." });
    await upsert(t, chat);
    expect((await signalOf(t, chat.messageId)).parentSignalId).toBeUndefined();
  });
});

describe("attachments", () => {
  test("a rejected file is recorded with its reason and linked to the signal", async () => {
    const t = await setupMappedSource();
    const attachmentId = snowflake();
    const m = message({
      attachments: [
        {
          status: "rejected",
          discordAttachmentId: attachmentId,
          filename: "setup.exe",
          contentType: "application/x-msdownload",
          size: 123,
          reason: "type application/x-msdownload is not allowed",
        },
      ],
    });
    await upsert(t, m);
    const row = await t.run((ctx) =>
      ctx.db
        .query("attachments")
        .withIndex("by_discord_attachment", (q) => q.eq("discordAttachmentId", attachmentId))
        .unique(),
    );
    expect(row).toMatchObject({
      status: "rejected",
      rejectReason: "type application/x-msdownload is not allowed",
      sourceMessageId: m.messageId,
      filename: "setup.exe",
    });
    expect(row?.storageId).toBeUndefined();
    expect((await signalOf(t, m.messageId)).attachmentIds).toEqual([row?._id]);
  });

  test("dedupes by Discord attachment id and deletes a second upload of the same file", async () => {
    const t = await setupMappedSource();
    const attachmentId = snowflake();
    const first = await storeBlob(t, "first upload");
    const second = await storeBlob(t, "second upload");
    const file = (storageId: Id<"_storage">) =>
      storedChart(attachmentId, storageId, 12, "cd".repeat(32));
    const m = message({ attachments: [file(first)] });
    await upsert(t, m);
    expect((await upsert(t, { ...m, attachments: [file(second)] })).outcome).toBe("unchanged");
    expect(await countRows(t, "attachments")).toBe(1);
    expect(await t.run((ctx) => ctx.storage.getUrl(second))).toBeNull();
    expect(await t.run((ctx) => ctx.storage.getUrl(first))).not.toBeNull();

    const known = await t.query(api.ingest.knownAttachments, {
      secret: SECRET,
      discordAttachmentIds: [attachmentId, snowflake()],
    });
    expect(known).toEqual([
      expect.objectContaining({ discordAttachmentId: attachmentId, storageId: first }),
    ]);
  });

  test("a replay re-uploading a file of a deleted message leaves no orphan blob", async () => {
    const t = await setupMappedSource();
    const attachmentId = snowflake();
    const first = await storeBlob(t, "original");
    const again = await storeBlob(t, "replayed");
    const file = (storageId: Id<"_storage">) =>
      storedChart(attachmentId, storageId, 8, "aa".repeat(32));
    const m = message({ attachments: [file(first)] });
    await upsert(t, m);
    await t.mutation(api.ingest.deleteMessages, {
      secret: SECRET,
      channelId: CHANNEL,
      messageIds: [m.messageId],
    });
    expect((await upsert(t, { ...m, attachments: [file(again)] })).outcome).toBe("deleted");
    expect(await t.run((ctx) => ctx.storage.getUrl(again))).toBeNull();
    expect(await t.run((ctx) => ctx.storage.getUrl(first))).not.toBeNull();
  });

  test("discardUploads deletes only blobs no attachment row references", async () => {
    const t = await setupMappedSource();
    const kept = await storeBlob(t, "kept");
    const orphan = await storeBlob(t, "orphan");
    await upsert(
      t,
      message({
        attachments: [storedChart(snowflake(), kept, 4, "bb".repeat(32))],
      }),
    );
    const discard = () =>
      t.mutation(api.ingest.discardUploads, { secret: SECRET, storageIds: [kept, orphan] });
    expect(await discard()).toBe(1);
    expect(await t.run((ctx) => ctx.storage.getUrl(orphan))).toBeNull();
    expect(await t.run((ctx) => ctx.storage.getUrl(kept))).not.toBeNull();
    expect(await discard()).toBe(0);
    expect(
      await refusal(
        t.mutation(api.ingest.discardUploads, { secret: "wrong-secret", storageIds: [kept] }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
  });

  test("a rejected file becomes stored when a later attempt succeeds", async () => {
    const t = await setupMappedSource();
    const attachmentId = snowflake();
    const m = message({
      attachments: [
        {
          status: "rejected",
          discordAttachmentId: attachmentId,
          filename: "chart.png",
          contentType: "image/png",
          size: 10,
          reason: "download failed: CDN answered 503",
        },
      ],
    });
    await upsert(t, m);
    const storageId = await storeBlob(t, "now it works");
    await upsert(t, {
      ...m,
      attachments: [storedChart(attachmentId, storageId, 12, "ef".repeat(32))],
    });
    const rows = await t.run((ctx) => ctx.db.query("attachments").collect());
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "stored", storageId });
    expect(rows[0]?.rejectReason).toBeUndefined();
  });
});

describe("authorization and validation", () => {
  test("a wrong service secret is refused by every function", async () => {
    const t = await setupMappedSource();
    const bad = "not-the-secret";
    const forbidden = { code: "FORBIDDEN" };
    const calls: Promise<unknown>[] = [
      upsert(t, message(), bad),
      t.mutation(api.ingest.deleteMessages, { secret: bad, channelId: CHANNEL, messageIds: [] }),
      t.query(api.ingest.watchedChannels, { secret: bad }),
      t.mutation(api.ingest.generateUploadUrl, { secret: bad }),
      t.query(api.ingest.getCursors, { secret: bad, channelIds: [CHANNEL] }),
      t.mutation(api.ingest.advanceCursor, {
        secret: bad,
        channelId: CHANNEL,
        messageId: snowflake(),
      }),
      t.query(api.ingest.storedMessagesSince, {
        secret: bad,
        channelId: CHANNEL,
        since: 0,
        paginationOpts: { numItems: 10, cursor: null },
      }),
      t.mutation(api.ingest.markChannelsLive, { secret: bad, channelIds: [CHANNEL] }),
      t.query(api.ingest.knownAttachments, { secret: bad, discordAttachmentIds: [] }),
      t.mutation(api.ingest.heartbeat, {
        secret: bad,
        service: "collector",
        instanceId: "x",
        startedAt: 0,
      }),
    ];
    for (const call of calls) expect(await refusal(call)).toMatchObject(forbidden);
    expect(await countRows(t, "signals")).toBe(0);
  });

  test("a message from an unmapped (or disabled) channel is refused", async () => {
    const t = await setupMappedSource();
    expect(await refusal(upsert(t, message({ channelId: OTHER_CHANNEL })))).toMatchObject({
      code: "UNMAPPED_CHANNEL",
    });
    const disabled = await setupMappedSource({ enabled: false });
    expect(await refusal(upsert(disabled, message()))).toMatchObject({ code: "UNMAPPED_CHANNEL" });
    expect(await countRows(t, "signals")).toBe(0);
  });

  test("malformed ids and oversized content are refused with the reason", async () => {
    const t = await setupMappedSource();
    const refused = await refusal(upsert(t, message({ messageId: "abc" })));
    expect(refused).toMatchObject({ code: "BAD_REQUEST" });
    expect(JSON.stringify(refused)).toContain("messageId is not a snowflake");
    expect(await refusal(upsert(t, message({ content: "x".repeat(4001) })))).toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("collector support functions", () => {
  test("watchedChannels lists enabled mappings once per source channel and follows changes", async () => {
    const t = await setupMappedSource();
    expect(await t.query(api.ingest.watchedChannels, { secret: SECRET })).toEqual([
      { channelId: CHANNEL, guildId: GUILD, tierKey: "vip", label: "VIP signals" },
    ]);
    const second = await t.run((ctx) =>
      ctx.db.insert("channelMappings", {
        label: "Free chat",
        sourceGuildId: GUILD,
        sourceChannelId: OTHER_CHANNEL,
        customerGuildId: "1196427313152131087",
        customerChannelId: "1196427816468611089",
        tierKey: "free",
        enabled: true,
        updatedAt: 0,
      }),
    );
    expect(
      (await t.query(api.ingest.watchedChannels, { secret: SECRET })).map((c) => c.channelId),
    ).toEqual([CHANNEL, OTHER_CHANNEL]);
    await t.run((ctx) => ctx.db.patch("channelMappings", second, { enabled: false }));
    expect(
      (await t.query(api.ingest.watchedChannels, { secret: SECRET })).map((c) => c.channelId),
    ).toEqual([CHANNEL]);
  });

  test("the cursor only moves forward (snowflakes compared as integers)", async () => {
    const t = await setupMappedSource();
    const advance = (messageId: string) =>
      t.mutation(api.ingest.advanceCursor, { secret: SECRET, channelId: CHANNEL, messageId });
    expect(await advance("99999999999999999")).toBe("99999999999999999");
    expect(await advance("100000000000000000")).toBe("100000000000000000"); // longer = larger
    expect(await advance("99999999999999998")).toBe("100000000000000000");
    expect(
      await t.query(api.ingest.getCursors, {
        secret: SECRET,
        channelIds: [CHANNEL, OTHER_CHANNEL],
      }),
    ).toEqual([{ channelId: CHANNEL, lastMessageId: "100000000000000000" }]);
  });

  test("storedMessagesSince pages through the messages posted since a time, oldest first", async () => {
    const t = await setupMappedSource();
    const old = message({ sourceAt: 1_000 });
    const a = message({ sourceAt: 5_000 });
    const b = message({ sourceAt: 4_000, content: "note", editedAt: 6_000 });
    const c = message({ sourceAt: 7_000, content: "later" });
    const elsewhere = message({ sourceAt: 5_000 });
    for (const m of [old, a, b, c]) await upsert(t, m);
    await t.run((ctx) =>
      ctx.db.insert("channelMappings", {
        label: "Free chat",
        sourceGuildId: GUILD,
        sourceChannelId: OTHER_CHANNEL,
        customerGuildId: "1196427313152131087",
        customerChannelId: "1196427816468611089",
        tierKey: "vip",
        enabled: true,
        updatedAt: 0,
      }),
    );
    await upsert(t, { ...elsewhere, channelId: OTHER_CHANNEL });
    await t.mutation(api.ingest.deleteMessages, {
      secret: SECRET,
      channelId: CHANNEL,
      messageIds: [a.messageId],
    });
    const page = (cursor: string | null) =>
      t.query(api.ingest.storedMessagesSince, {
        secret: SECRET,
        channelId: CHANNEL,
        since: 4_000,
        paginationOpts: { numItems: 2, cursor },
      });
    const first = await page(null);
    expect(first.page).toEqual([
      { messageId: b.messageId, sourceAt: 4_000, content: "note", deleted: false, editedAt: 6_000 },
      { messageId: a.messageId, sourceAt: 5_000, content: S1, deleted: true },
    ]);
    expect(first.isDone).toBe(false);
    const second = await page(first.continueCursor);
    expect(second.page.map((row) => row.messageId)).toEqual([c.messageId]);
    // A page never exceeds 100 rows, whatever the caller asks for.
    await t.run(async (ctx) => {
      for (let i = 0; i < 105; i++) {
        const signal = await ctx.db.query("signals").first();
        if (signal === null) throw new Error("no signal");
        const { _id, _creationTime, ...rest } = signal;
        await ctx.db.insert("signals", { ...rest, sourceMessageId: snowflake(), sourceAt: 9_000 });
      }
    });
    const big = await t.query(api.ingest.storedMessagesSince, {
      secret: SECRET,
      channelId: CHANNEL,
      since: 9_000,
      paginationOpts: { numItems: 1_000, cursor: null },
    });
    expect(big.page).toHaveLength(100);
  });

  test("markChannelsLive stamps liveAt on ingested channels and getCursors returns it", async () => {
    const t = await setupMappedSource();
    await upsert(t, message());
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    try {
      expect(
        await t.mutation(api.ingest.markChannelsLive, {
          secret: SECRET,
          channelIds: [CHANNEL, OTHER_CHANNEL, CHANNEL],
        }),
      ).toBe(1); // the other channel has no cursor yet: nothing to stamp
    } finally {
      vi.useRealTimers();
    }
    const [cursor] = await t.query(api.ingest.getCursors, {
      secret: SECRET,
      channelIds: [CHANNEL, OTHER_CHANNEL],
    });
    expect(cursor).toMatchObject({ channelId: CHANNEL, liveAt: 1_700_000_000_000 });
  });

  test("heartbeat upserts one row per service instance", async () => {
    const t = await setupMappedSource();
    const beat = (details: string) =>
      t.mutation(api.ingest.heartbeat, {
        secret: SECRET,
        service: "collector",
        instanceId: "host-1",
        startedAt: 1000,
        details,
      });
    await beat('{"queueDepth":0}');
    await beat('{"queueDepth":3}');
    const rows = await t.run((ctx) => ctx.db.query("serviceHeartbeats").collect());
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      service: "collector",
      instanceId: "host-1",
      startedAt: 1000,
      details: '{"queueDepth":3}',
    });
  });

  test("generateUploadUrl returns an upload URL to a service caller", async () => {
    const t = await setupMappedSource();
    expect(await t.mutation(api.ingest.generateUploadUrl, { secret: SECRET })).toMatch(
      /^https?:\/\//,
    );
  });

  test("inspectMessage shows a message's signal, history and attachments", async () => {
    const t = await setupMappedSource();
    const m = message({
      attachments: [
        {
          status: "rejected",
          discordAttachmentId: snowflake(),
          filename: "big.png",
          contentType: "image/png",
          size: 99_000_000,
          reason: "too large",
        },
      ],
    });
    await upsert(t, m);
    await upsert(t, { ...m, content: "edited", editedAt: 1_700_000_060_000 });
    const inspected = await t.query(internal.ingest.inspectMessage, { messageId: m.messageId });
    expect(inspected?.signal.version).toBe(2);
    expect(inspected?.revisions.map((r) => r.change)).toEqual(["create", "edit"]);
    expect(inspected?.attachments.map((a) => a.status)).toEqual(["rejected"]);
    expect(await t.query(internal.ingest.inspectMessage, { messageId: snowflake() })).toBeNull();
  });
});
