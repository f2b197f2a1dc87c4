import { describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import { MAPPING } from "./test.ingest";
import { PURCHASE_URL, TIER, insertSignal, setupRoles } from "./test.roles";

const page = { numItems: 10, cursor: null };

describe("feed.list", () => {
  test("anonymous: locked with the purchase URL and no content", async () => {
    const { t, anonymous } = await setupRoles();
    await insertSignal(t);
    const result = await anonymous.query(api.feed.list, { paginationOpts: page });
    expect(result).toMatchObject({ locked: true, lockReason: "signed_out", page: [] });
    if (!result.locked) throw new Error("expected a locked feed");
    expect(result.purchaseUrl).toBe(PURCHASE_URL);
    expect(JSON.stringify(result)).not.toContain("BTC/USDT");
  });

  test("signed in without access: locked, no content", async () => {
    const { t, noAccess } = await setupRoles();
    await insertSignal(t);
    const result = await noAccess.query(api.feed.list, { paginationOpts: page });
    expect(result).toMatchObject({ locked: true, lockReason: "no_access", page: [] });
    expect(JSON.stringify(result)).not.toContain("entry 42000");
  });

  test("admin without an entitlement goes through the same gate", async () => {
    const { t, admin } = await setupRoles();
    await insertSignal(t);
    const result = await admin.query(api.feed.list, { paginationOpts: page });
    expect(result.locked).toBe(true);
    expect(result.page).toEqual([]);
  });

  test("with access: newest first, structured fields and raw text", async () => {
    const { t, withAccess } = await setupRoles();
    const first = await insertSignal(t, { pair: "BTC/USDT", side: "long", content: "first" });
    const second = await insertSignal(t, { pair: "ETH/USDT", side: "short", content: "second" });
    const result = await withAccess.query(api.feed.list, { paginationOpts: page });
    if (result.locked) throw new Error("expected an open feed");
    expect(result.tierKey).toBe(TIER);
    expect(result.page.map((card) => card.id)).toEqual([second, first]);
    expect(result.page[1]).toMatchObject({
      pair: "BTC/USDT",
      side: "long",
      content: "first",
      parsed: { entries: [42000, 42500], targets: [43000, 44000], stopLoss: 41000 },
    });
  });

  test("with access: never shows another tier's signals", async () => {
    const { t, withAccess } = await setupRoles();
    await insertSignal(t, { tierKey: "whale", content: "whale only" });
    const result = await withAccess.query(api.feed.list, { paginationOpts: page });
    expect(result.page).toEqual([]);
    const asked = await withAccess.query(api.feed.list, {
      paginationOpts: page,
      filters: { tierKey: "whale" },
    });
    expect(asked).toMatchObject({ locked: true, lockReason: "no_access", page: [] });
  });

  test("filters by pair, side, channel, date range and combinations", async () => {
    const { t, withAccess } = await setupRoles();
    const btcLong = await insertSignal(t, { pair: "BTC/USDT", side: "long" });
    const btcShort = await insertSignal(t, {
      pair: "BTC/USDT",
      side: "short",
      channelId: "1000000000000000011",
    });
    const ethLong = await insertSignal(t, { pair: "ETH/USDT", side: "long" });
    const ids = async (filters: Record<string, unknown>) =>
      (await withAccess.query(api.feed.list, { paginationOpts: page, filters })).page.map(
        (card) => card.id,
      );
    expect(await ids({ pair: "BTC/USDT" })).toEqual([btcShort, btcLong]);
    expect(await ids({ side: "long" })).toEqual([ethLong, btcLong]);
    expect(await ids({ channelId: "1000000000000000011" })).toEqual([btcShort]);
    expect(await ids({ pair: "BTC/USDT", side: "long" })).toEqual([btcLong]);
    expect(await ids({ pair: "BTC/USDT", channelId: "1000000000000000010" })).toEqual([btcLong]);
    // The date bounds are on the post time (sourceAt), the feed's order.
    const posted = await t.run(async (ctx) => (await ctx.db.get("signals", btcShort))?.sourceAt);
    expect(await ids({ from: posted, to: posted, channelId: "1000000000000000011" })).toEqual([
      btcShort,
    ]);
    expect(await ids({ to: (posted ?? 0) - 100_000 })).toEqual([]);
  });

  test("searches the content with the search index, still within the tier", async () => {
    const { t, withAccess } = await setupRoles();
    const hit = await insertSignal(t, { content: "SOL breakout above 150" });
    await insertSignal(t, { content: "ETH short zone" });
    await insertSignal(t, { content: "SOL other tier", tierKey: "whale" });
    const result = await withAccess.query(api.feed.list, {
      paginationOpts: page,
      filters: { search: "SOL" },
    });
    expect(result.page.map((card) => card.id)).toEqual([hit]);
    const posted = await t.run(async (ctx) => (await ctx.db.get("signals", hit))?.sourceAt);
    const before = await withAccess.query(api.feed.list, {
      paginationOpts: page,
      filters: { search: "SOL", to: (posted ?? 0) - 1 },
    });
    expect(before.page).toEqual([]);
  });

  test("paginates: a second page continues after the first", async () => {
    const { t, withAccess } = await setupRoles();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await insertSignal(t));
    const first = await withAccess.query(api.feed.list, {
      paginationOpts: { numItems: 3, cursor: null },
    });
    const second = await withAccess.query(api.feed.list, {
      paginationOpts: { numItems: 3, cursor: first.continueCursor },
    });
    expect([...first.page, ...second.page].map((card) => card.id)).toEqual(ids.reverse());
    expect(second.isDone).toBe(true);
  });

  test("attachments: allow-listed images inline, SVG and others as downloads", async () => {
    // Links to attachments are signed (key from JWT_PRIVATE_KEY) and point at the site URL.
    vi.stubEnv("JWT_PRIVATE_KEY", "test-key");
    vi.stubEnv("CONVEX_SITE_URL", "http://127.0.0.1:3211");
    const { t, withAccess } = await setupRoles();
    const attachmentIds = await t.run(async (ctx) => {
      const png = await ctx.storage.store(
        new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }),
      );
      const svg = await ctx.storage.store(new Blob(["<svg/>"], { type: "image/svg+xml" }));
      const base = { sourceMessageId: "1", status: "stored" as const };
      return [
        await ctx.db.insert("attachments", {
          ...base,
          discordAttachmentId: "a1",
          storageId: png,
          filename: "chart.png",
          contentType: "image/png",
          size: 3,
        }),
        await ctx.db.insert("attachments", {
          ...base,
          discordAttachmentId: "a2",
          storageId: svg,
          filename: "evil.svg",
          contentType: "image/svg+xml",
          size: 6,
        }),
        await ctx.db.insert("attachments", {
          ...base,
          discordAttachmentId: "a3",
          storageId: png,
          filename: "huge.png",
          contentType: "image/png",
          size: 50 * 1024 * 1024,
        }),
        await ctx.db.insert("attachments", {
          discordAttachmentId: "a4",
          sourceMessageId: "1",
          status: "rejected",
          rejectReason: "too large",
          filename: "video.mp4",
          contentType: "video/mp4",
          size: 900_000_000,
        }),
      ];
    });
    await insertSignal(t, { attachmentIds });
    const [card] = (await withAccess.query(api.feed.list, { paginationOpts: page })).page;
    expect(card?.attachments.map((a) => [a.filename, a.display, a.url !== null])).toEqual([
      ["chart.png", "inline", true],
      ["evil.svg", "download", true],
      ["huge.png", "download", true],
      ["video.mp4", "unavailable", false],
    ]);
  });
});

describe("feed.signal", () => {
  test("locked for anonymous and no-access callers, content only with access", async () => {
    const { t, anonymous, noAccess, admin, withAccess } = await setupRoles();
    const id = await insertSignal(t, { content: "v1 text" });
    await t.run(async (ctx) => {
      await ctx.db.patch("signals", id, { content: "v2 text", version: 2, editedAt: Date.now() });
      const signal = await ctx.db.get("signals", id);
      if (signal === null) throw new Error("missing");
      await ctx.db.insert("signalRevisions", {
        signalId: id,
        version: 2,
        content: "v2 text",
        parsed: signal.parsed,
        attachmentIds: [],
        at: Date.now(),
        change: "edit",
      });
    });
    for (const caller of [anonymous, noAccess, admin]) {
      const result = await caller.query(api.feed.signal, { signalId: id });
      expect(result.locked).toBe(true);
      expect(JSON.stringify(result)).not.toContain("text");
    }
    const open = await withAccess.query(api.feed.signal, { signalId: id });
    if (open.locked || !open.found) throw new Error("expected the signal");
    expect(open.signal.content).toBe("v2 text");
    expect(open.signal.editedAt).toBeTypeOf("number");
    expect(open.revisions.map((r) => [r.version, r.change, r.content])).toEqual([
      [1, "create", "v1 text"],
      [2, "edit", "v2 text"],
    ]);
  });

  test("an unreadable signal answers exactly like a nonexistent id (no tier, no purchase link)", async () => {
    const { t, anonymous, noAccess, admin, withAccess } = await setupRoles();
    await t.run((ctx) =>
      ctx.db.insert("tiers", {
        key: "whale",
        name: "Whale",
        purchaseUrl: "https://shop.example.com/whale",
        graceHours: 0,
      }),
    );
    const whale = await insertSignal(t, { tierKey: "whale", content: "whale only" });
    const gone = await insertSignal(t, { tierKey: "whale" });
    await t.run((ctx) => ctx.db.delete("signals", gone));
    for (const caller of [anonymous, noAccess, admin, withAccess]) {
      const answer = await caller.query(api.feed.signal, { signalId: whale });
      expect(answer).toEqual(await caller.query(api.feed.signal, { signalId: gone }));
      expect(JSON.stringify(answer)).not.toContain("whale");
    }
    expect(await withAccess.query(api.feed.signal, { signalId: whale })).toEqual({
      locked: false,
      found: false,
    });
  });
});

describe("feed.access and feed.channels", () => {
  test("each caller sees only what the gate allows", async () => {
    const { t, anonymous, noAccess, withAccess, admin } = await setupRoles();
    await t.run(async (ctx) => {
      await ctx.db.insert("channelMappings", { ...MAPPING, enabled: true, updatedAt: Date.now() });
    });
    expect(await anonymous.query(api.feed.access, {})).toEqual({
      locked: true,
      reason: "signed_out",
      purchaseUrl: PURCHASE_URL,
    });
    expect(await noAccess.query(api.feed.access, {})).toMatchObject({ reason: "no_access" });
    expect(await admin.query(api.feed.access, {})).toMatchObject({ locked: true });
    expect(await withAccess.query(api.feed.access, {})).toEqual({ locked: false, tiers: [TIER] });
    for (const caller of [anonymous, noAccess, admin]) {
      expect(await caller.query(api.feed.channels, {})).toEqual([]);
    }
    expect(await withAccess.query(api.feed.channels, {})).toEqual([
      { channelId: "1000000000000000010", label: "VIP calls", tierKey: TIER },
    ]);
  });
});

describe("feed.reportSeen", () => {
  test("records a web latency sample only for readers of the tier", async () => {
    const { t, anonymous, noAccess, withAccess, admin } = await setupRoles();
    const id = await insertSignal(t);
    for (const caller of [anonymous, noAccess, admin]) {
      expect(await caller.mutation(api.feed.reportSeen, { signalId: id })).toEqual({
        recorded: false,
        full: false,
      });
    }
    expect(await withAccess.mutation(api.feed.reportSeen, { signalId: id })).toEqual({
      recorded: true,
      full: false,
    });
    const samples = await t.run((ctx) => ctx.db.query("latencySamples").take(10));
    expect(samples).toHaveLength(1);
    expect(samples[0]?.hop).toBe("committed_to_web");
  });
});
