// Outcomes as customers and visitors see them: the status on cards (gated like the card), the
// performance page's statistics (gated like the feed) and the delayed public track record.
import { beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import { SECRET, editMessage, progress, removeMessage, track } from "./test.outcomes";
import { TIER, insertSignal, setupRoles, type TestConvex } from "./test.roles";

const HOUR = 3_600_000;
const page = { numItems: 10, cursor: null };

beforeEach(() => {
  vi.stubEnv("CONVEX_SERVICE_SECRET", SECRET);
  // Signs the live pass (any value works in tests).
  vi.stubEnv("JWT_PRIVATE_KEY", "-----BEGIN PRIVATE KEY----- test-key -----END PRIVATE KEY-----");
});

/** A trade posted at `postedAt`, filled, and closed at `closedAt` with `r` (pct = 2 × r). */
async function closedTrade(
  t: TestConvex,
  opts: {
    postedAt: number;
    closedAt: number;
    r: number;
    side?: "long" | "short";
    channelId?: string;
  },
) {
  const signalId = await insertSignal(t, {
    pair: "BTC/USDT",
    side: opts.side ?? "long",
    ...(opts.channelId === undefined ? {} : { channelId: opts.channelId }),
  });
  await track(t, signalId, opts.postedAt);
  await progress(t, {
    signalId,
    signalVersion: 1,
    status: opts.r < 0 ? "stopped" : "targets_done",
    state: "{}",
    checkedThrough: opts.closedAt,
    targetsHit: opts.r < 0 ? 0 : 2,
    result: { r: opts.r, pct: 2 * opts.r },
    closedAt: opts.closedAt,
    events: [{ seq: 0, type: "entry_filled", at: opts.postedAt + 60_000, price: 42000, index: 1 }],
    claims: [],
  });
  return signalId;
}

describe("outcome status on cards", () => {
  test("travels in the card: a reader of the tier sees it change, others get nothing", async () => {
    const { t, withAccess, noAccess, anonymous } = await setupRoles();
    const signalId = await insertSignal(t, { pair: "BTC/USDT", side: "long" });
    const cardOf = async () => {
      const result = await withAccess.query(api.feed.list, { paginationOpts: page });
      return result.page.find((c) => c.id === signalId);
    };
    expect((await cardOf())?.outcome).toBeUndefined(); // not followed yet
    const postedAt = Date.now() - HOUR;
    await track(t, signalId, postedAt);
    expect((await cardOf())?.outcome).toMatchObject({ status: "waiting_entry", targetsHit: 0 });

    // Filled at 42,000 and marked at 42,500 with the stop at 41,000: +0.5 R, +1.19 %.
    await progress(t, {
      signalId,
      signalVersion: 1,
      status: "in_trade",
      state: "{}",
      checkedThrough: postedAt + 120_000,
      targetsHit: 0,
      openResult: { r: 0.5, pct: 1.190476 },
      markPrice: 42_500,
      events: [{ seq: 0, type: "entry_filled", at: postedAt + 60_000, price: 42000, index: 1 }],
      claims: [],
    });
    expect((await cardOf())?.outcome).toMatchObject({
      status: "in_trade",
      openResult: { r: 0.5, pct: 1.190476 },
      markPrice: 42_500,
      markedAt: postedAt + 120_000,
    });

    // The live head carries the same outcome (one shared evaluation per tier pass).
    const pass = await withAccess.mutation(api.feed.livePass, {});
    if (pass.locked) throw new Error("expected a pass");
    const live = await anonymous.query(api.feed.live, { pass: pass.pass });
    if (!live.ok) throw new Error("expected the live head");
    expect(live.cards.find((c) => c.id === signalId)?.outcome?.status).toBe("in_trade");

    // Without access: locked, and nothing of the outcome either.
    for (const caller of [noAccess, anonymous]) {
      const locked = await caller.query(api.feed.list, { paginationOpts: page });
      expect(locked.page).toEqual([]);
      expect(JSON.stringify(locked)).not.toContain("in_trade");
      const single = await caller.query(api.feed.signal, { signalId });
      expect(JSON.stringify(single)).not.toContain("42500");
    }

    // Stopped: the open mark is gone, the result is the closed one.
    await progress(t, {
      signalId,
      signalVersion: 1,
      status: "stopped",
      state: "{}",
      checkedThrough: postedAt + 180_000,
      targetsHit: 0,
      result: { r: -1, pct: -2.380952 },
      closedAt: postedAt + 180_000,
      events: [{ seq: 1, type: "stop_hit", at: postedAt + 180_000, price: 41000 }],
      claims: [],
    });
    const stopped = (await cardOf())?.outcome;
    expect(stopped).toMatchObject({ status: "stopped", result: { r: -1 } });
    expect(stopped?.openResult).toBeUndefined();
  });
});

describe("trackRecord.performance", () => {
  test("statistics of the viewer's tier by hand, filters, and the trades behind them", async () => {
    const { t, withAccess } = await setupRoles();
    const base = Date.UTC(2026, 2, 1);
    const day = 86_400_000;
    // R: +2 (long), −1 (short), +1.5 (long, other channel), −1 (long).
    const a = await closedTrade(t, { postedAt: base, closedAt: base + day, r: 2 });
    const b = await closedTrade(t, {
      postedAt: base,
      closedAt: base + 2 * day,
      r: -1,
      side: "short",
    });
    const c = await closedTrade(t, {
      postedAt: base,
      closedAt: base + 3 * day,
      r: 1.5,
      channelId: "1000000000000000020",
    });
    const d = await closedTrade(t, { postedAt: base, closedAt: Date.UTC(2026, 3, 2), r: -1 });
    // Another tier's trade never counts.
    const other = await insertSignal(t, { tierKey: "whale", side: "long" });
    await track(t, other, base);

    const all = await withAccess.query(api.trackRecord.performance, {});
    if (all.locked) throw new Error("expected access");
    expect(all.tierKey).toBe(TIER);
    expect(all.stats).toMatchObject({
      trades: 4,
      wins: 2,
      losses: 2,
      winRate: 0.5,
      totalR: 1.5, // 2 − 1 + 1.5 − 1
      averageR: 0.375,
      expectancyR: 0.375, // ½ × 1.75 − ½ × 1
      maxDrawdownR: 1, // 2 → 1 → 2.5 → 1.5
      truncated: false,
    });
    expect(all.stats.cumulativeR.map((p) => p.cumulative)).toEqual([2, 1, 2.5, 1.5]);
    expect(all.stats.monthly.map((m) => [m.month, m.trades, m.totalR])).toEqual([
      ["2026-03", 3, 2.5],
      ["2026-04", 1, -1],
    ]);
    expect(all.trades).toEqual([]); // no number chosen: no list
    const behind = async (show: string) => {
      const result = await withAccess.query(api.trackRecord.performance, { show });
      if (result.locked) throw new Error("expected access");
      return result.trades.map((r) => r.signalId);
    };
    expect(await behind("all")).toEqual([d, c, b, a]); // newest first
    expect(await behind("wins")).toEqual([c, a]);
    expect(await behind("losses")).toEqual([d, b]);
    expect(await behind("month:2026-04")).toEqual([d]);
    expect(await behind("breakeven")).toEqual([]);

    const longs = await withAccess.query(api.trackRecord.performance, { side: "long" });
    if (longs.locked) throw new Error("expected access");
    expect(longs.stats.totalR).toBe(2.5);
    const channel = await withAccess.query(api.trackRecord.performance, {
      channelId: "1000000000000000020",
      show: "all",
    });
    if (channel.locked) throw new Error("expected access");
    expect(channel.trades.map((r) => r.signalId)).toEqual([c]);
    const march = await withAccess.query(api.trackRecord.performance, {
      from: base,
      to: Date.UTC(2026, 3, 1) - 1,
    });
    if (march.locked) throw new Error("expected access");
    expect(march.stats.trades).toBe(3);
  });

  test("a deleted losing signal still counts", async () => {
    const { t, withAccess } = await setupRoles();
    const loser = await closedTrade(t, { postedAt: 1_000, closedAt: 2_000, r: -1 });
    await t.run((ctx) => ctx.db.patch("signals", loser, { deletedAt: 3_000 }));
    const result = await withAccess.query(api.trackRecord.performance, {});
    if (result.locked) throw new Error("expected access");
    expect(result.stats).toMatchObject({ trades: 1, losses: 1, totalR: -1 });
  });

  test("without access: locked, no numbers", async () => {
    const { t, noAccess, anonymous, admin } = await setupRoles();
    await closedTrade(t, { postedAt: 1_000, closedAt: 2_000, r: 3 });
    for (const caller of [noAccess, anonymous, admin]) {
      const result = await caller.query(api.trackRecord.performance, {});
      expect(result.locked).toBe(true);
      expect(JSON.stringify(result)).not.toContain("stats");
    }
  });
});

describe("trackRecord.publicRecord", () => {
  test("only trades closed before the delay, as aggregates, with deleted and edited counts", async () => {
    const { t, anonymous } = await setupRoles();
    const now = Date.now();
    const old1 = await closedTrade(t, {
      postedAt: now - 50 * HOUR,
      closedAt: now - 48 * HOUR,
      r: 2,
    });
    const old2 = await closedTrade(t, {
      postedAt: now - 40 * HOUR,
      closedAt: now - 30 * HOUR,
      r: -1,
    });
    // Posted and closed within the last day: a live call, must not show.
    const fresh = await closedTrade(t, {
      postedAt: now - 3 * HOUR,
      closedAt: now - 2 * HOUR,
      r: 5,
    });
    // Through ingest, as the collector reports them: the deletion of a loser after its close,
    // edits of an old and of a fresh call.
    await removeMessage(t, old2);
    await editMessage(t, old1);
    await editMessage(t, fresh);
    const record = await anonymous.query(api.trackRecord.publicRecord, {});
    expect(record.delayHours).toBe(24);
    expect(record.through).toBeLessThanOrEqual(now - 24 * HOUR);
    expect(record.stats).toMatchObject({ trades: 2, totalR: 1, wins: 1, losses: 1 });
    expect(record.deletedSignals).toBe(1);
    expect(record.editedSignals).toBe(1); // the fresh edit is not counted
    const text = JSON.stringify(record);
    for (const id of [old1, old2, fresh]) expect(text).not.toContain(id);
    expect(text).not.toContain("BTC");
    expect(record.stats.cumulativeR.every((p) => p.at <= record.through)).toBe(true);
  });

  test("an admin sets the delay in the site settings; it wins over the env default; others are refused", async () => {
    vi.stubEnv("TRACK_RECORD_DELAY_HOURS", "48");
    const { t, anonymous, admin, withAccess, noAccess } = await setupRoles();
    const now = Date.now();
    await closedTrade(t, { postedAt: now - 40 * HOUR, closedAt: now - 30 * HOUR, r: 2 });
    await closedTrade(t, { postedAt: now - 8 * HOUR, closedAt: now - 6 * HOUR, r: -1 });
    // The env default: 48 h, neither trade is old enough.
    expect(await anonymous.query(api.trackRecord.publicRecord, {})).toMatchObject({
      delayHours: 48,
      stats: { trades: 0 },
    });
    for (const caller of [anonymous, withAccess, noAccess]) {
      await expect(
        caller.mutation(api.siteSettings.set, { key: "trackRecordDelayHours", value: "1" }),
      ).rejects.toThrow();
    }
    for (const value of ["0", "1.5", "721", "-3", "12h"]) {
      await expect(
        admin.mutation(api.siteSettings.set, { key: "trackRecordDelayHours", value }),
      ).rejects.toThrow(/whole number of hours from 1 to 720/);
    }
    await admin.mutation(api.siteSettings.set, { key: "trackRecordDelayHours", value: " 12 " });
    const record = await anonymous.query(api.trackRecord.publicRecord, {});
    expect(record).toMatchObject({ delayHours: 12, stats: { trades: 1, totalR: 2 } });
    expect(record.through).toBeLessThanOrEqual(now - 12 * HOUR);
    await admin.mutation(api.siteSettings.set, { key: "trackRecordDelayHours", value: "5" });
    expect(await anonymous.query(api.trackRecord.publicRecord, {})).toMatchObject({
      delayHours: 5,
      stats: { trades: 2, totalR: 1 },
    });
    // Cleared: back to the env default.
    await admin.mutation(api.siteSettings.set, { key: "trackRecordDelayHours", value: "" });
    expect((await anonymous.query(api.trackRecord.publicRecord, {})).delayHours).toBe(48);
    const audit = await t.run((ctx) => ctx.db.query("auditLog").collect());
    expect(audit.map((e) => [e.action, e.details])).toEqual([
      ["siteSetting.update", JSON.stringify({ value: "12" })],
      ["siteSetting.update", JSON.stringify({ value: "5" })],
      ["siteSetting.clear", JSON.stringify({ value: null })],
    ]);
  });

  test("the delay is configurable", async () => {
    vi.stubEnv("TRACK_RECORD_DELAY_HOURS", "1");
    const { t, anonymous } = await setupRoles();
    const now = Date.now();
    await closedTrade(t, { postedAt: now - 5 * HOUR, closedAt: now - 3 * HOUR, r: 5 });
    const record = await anonymous.query(api.trackRecord.publicRecord, {});
    expect(record.delayHours).toBe(1);
    expect(record.stats.trades).toBe(1);
  });
});
