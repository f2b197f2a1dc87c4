// The feed lists signals by when they were posted in Discord, not by when they reached us: a
// channel's history imported today must sit below what was posted live last week.
import { beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { LIVE_HEAD_SIZE } from "./feed";
import type { IncomingMessage } from "./model/ingest/ingestValidators";
import { MAPPING } from "./test.ingest";
import { setupRoles, type Caller, type TestConvex } from "./test.roles";

const SECRET = "test-service-secret";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const page = { numItems: 50, cursor: null };

beforeEach(() => {
  vi.stubEnv("CONVEX_SERVICE_SECRET", SECRET);
  vi.stubEnv("JWT_PRIVATE_KEY", "-----BEGIN PRIVATE KEY----- test-key -----END PRIVATE KEY-----");
});

let nextMessage = 0;

/** Stores one message through the collector's own mutation: live ("gateway") or imported. */
async function ingest(
  t: TestConvex,
  origin: "gateway" | "history",
  postedAgoMs: number,
  content = "BTC/USDT LONG\nEntry: 42000\nTP: 43000\nSL: 41000",
): Promise<Id<"signals">> {
  nextMessage += 1;
  const sourceAt = Date.now() - postedAgoMs;
  const message: IncomingMessage = {
    messageId: String(1400000000000000000n + BigInt(nextMessage)),
    channelId: MAPPING.sourceChannelId,
    guildId: MAPPING.sourceGuildId,
    authorId: "1000000000000000099",
    authorName: "Analyst",
    content,
    attachments: [],
    sourceAt,
    receivedAt: origin === "gateway" ? sourceAt + 50 : Date.now(),
    origin,
  };
  const result = await t.mutation(api.ingest.upsertMessage, { secret: SECRET, message });
  return result.signalId;
}

async function setup() {
  const roles = await setupRoles();
  await roles.t.run((ctx) =>
    ctx.db.insert("channelMappings", { ...MAPPING, enabled: true, updatedAt: Date.now() }),
  );
  return roles;
}

async function listed(caller: Caller, filters: Record<string, unknown> = {}) {
  const result = await caller.query(api.feed.list, { paginationOpts: page, filters });
  if (result.locked) throw new Error("expected an open feed");
  return result.page.map((card) => card.id);
}

describe("feed order: by post time, whenever a signal was ingested", () => {
  test("imported history interleaves with live signals by post time (plain and filtered lists)", async () => {
    const { t, withAccess } = await setup();
    // Live ingestion first: last week's signal, then today's.
    const lastWeek = await ingest(t, "gateway", 7 * DAY);
    const today = await ingest(t, "gateway", HOUR);
    // Then the channel's history is imported: a month-old post and a three-day-old one.
    const monthAgo = await ingest(t, "history", 30 * DAY);
    const threeDaysAgo = await ingest(t, "history", 3 * DAY);
    const byPostTime = [today, threeDaysAgo, lastWeek, monthAgo];
    expect(await listed(withAccess)).toEqual(byPostTime);
    // Every filtered path reads its own index: each must end in the post time too.
    expect(await listed(withAccess, { pair: "BTC/USDT" })).toEqual(byPostTime);
    expect(await listed(withAccess, { side: "long" })).toEqual(byPostTime);
    expect(await listed(withAccess, { channelId: MAPPING.sourceChannelId })).toEqual(byPostTime);
    expect(await listed(withAccess, { pair: "BTC/USDT", side: "long" })).toEqual(byPostTime);
  });

  test("from/to bound the post time, not the ingest time", async () => {
    const { t, withAccess } = await setup();
    const lastWeek = await ingest(t, "gateway", 7 * DAY);
    const monthAgo = await ingest(t, "history", 30 * DAY);
    const now = Date.now();
    expect(await listed(withAccess, { to: now - 20 * DAY })).toEqual([monthAgo]);
    expect(await listed(withAccess, { from: now - 10 * DAY })).toEqual([lastWeek]);
    expect(await listed(withAccess, { pair: "BTC/USDT", to: now - 20 * DAY })).toEqual([monthAgo]);
    // Search results come in relevance order; the date range still bounds the post time.
    expect(await listed(withAccess, { search: "BTC", to: now - 20 * DAY })).toEqual([monthAgo]);
  });

  test("pages continue in post order across a page boundary", async () => {
    const { t, withAccess } = await setup();
    const live = [await ingest(t, "gateway", 2 * DAY), await ingest(t, "gateway", DAY)];
    const imported = [await ingest(t, "history", 4 * DAY), await ingest(t, "history", 3 * DAY)];
    const first = await withAccess.query(api.feed.list, {
      paginationOpts: { numItems: 3, cursor: null },
    });
    const second = await withAccess.query(api.feed.list, {
      paginationOpts: { numItems: 3, cursor: first.continueCursor },
    });
    expect([...first.page, ...second.page].map((card) => card.id)).toEqual([
      live[1],
      live[0],
      imported[1],
      imported[0],
    ]);
  });

  test("feed.live: the head is the newest by post time, not the last imported", async () => {
    const { t, withAccess, anonymous } = await setup();
    const live = [];
    for (let i = LIVE_HEAD_SIZE; i > 0; i--) live.push(await ingest(t, "gateway", i * HOUR));
    const imported = [];
    for (let i = 0; i < 3; i++) imported.push(await ingest(t, "history", (30 + i) * DAY));
    // One imported post is newer than the oldest live one: it belongs in the head.
    const recentImport = await ingest(t, "history", LIVE_HEAD_SIZE * HOUR - 1_000);
    const issued = await withAccess.mutation(api.feed.livePass, {});
    if (issued.locked) throw new Error("expected a pass");
    for (const filters of [{}, { pair: "BTC/USDT" }, { channelId: MAPPING.sourceChannelId }]) {
      const head = await anonymous.query(api.feed.live, { pass: issued.pass, filters });
      if (!head.ok) throw new Error(`expected the live head, got ${head.reason}`);
      expect(head.complete).toBe(false);
      expect(head.cards.map((card) => card.id)).toEqual(
        [...live.slice(1).reverse(), recentImport].slice(0, LIVE_HEAD_SIZE),
      );
    }
  });
});
