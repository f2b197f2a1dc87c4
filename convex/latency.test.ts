import { describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import { MAX_WEB_SAMPLES_PER_SIGNAL } from "./feed";
import { LATENCY_RETENTION_MS } from "./latency";
import { TIER, insertSignal, setupRoles } from "./test.roles";
import { newConvexTest } from "./test.setup";

describe("latency.prune", () => {
  test("deletes samples older than the retention window and keeps recent ones", async () => {
    const t = newConvexTest();
    const now = Date.now();
    await t.run(async (ctx) => {
      for (let i = 0; i < 5; i++) {
        await ctx.db.insert("latencySamples", {
          hop: "committed_to_bot",
          ms: 5,
          at: now - LATENCY_RETENTION_MS - 60_000 - i,
        });
      }
      await ctx.db.insert("latencySamples", { hop: "committed_to_bot", ms: 7, at: now - 1000 });
    });
    expect(await t.mutation(internal.latency.prune, {})).toEqual({ deleted: 5, more: false });
    const left = await t.run((ctx) => ctx.db.query("latencySamples").take(10));
    expect(left.map((sample) => sample.ms)).toEqual([7]);
  });

  test("a full batch schedules the next one until the backlog is gone", async () => {
    vi.useFakeTimers();
    try {
      const t = newConvexTest();
      const old = Date.now() - LATENCY_RETENTION_MS - 60_000;
      await t.run(async (ctx) => {
        for (let i = 0; i < 1200; i++) {
          await ctx.db.insert("latencySamples", { hop: "committed_to_web", ms: 1, at: old - i });
        }
      });
      expect(await t.mutation(internal.latency.prune, {})).toEqual({ deleted: 500, more: true });
      await t.finishAllScheduledFunctions(vi.runAllTimers);
      expect(await t.run((ctx) => ctx.db.query("latencySamples").take(10))).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("feed.reportSeen bounds", () => {
  test("at most MAX_WEB_SAMPLES_PER_SIGNAL samples per signal, whoever reports", async () => {
    const { t, withAccess } = await setupRoles();
    const id = await insertSignal(t);
    for (let i = 1; i <= MAX_WEB_SAMPLES_PER_SIGNAL; i++) {
      // The report that fills the signal's samples says so: dashboards report less from then on.
      expect(await withAccess.mutation(api.feed.reportSeen, { signalId: id })).toEqual({
        recorded: true,
        full: i === MAX_WEB_SAMPLES_PER_SIGNAL,
      });
    }
    expect(await withAccess.mutation(api.feed.reportSeen, { signalId: id })).toEqual({
      recorded: false,
      full: true,
    });
    const samples = await t.run((ctx) => ctx.db.query("latencySamples").take(100));
    expect(samples).toHaveLength(MAX_WEB_SAMPLES_PER_SIGNAL);
    expect(samples.every((sample) => sample.signalId === id)).toBe(true);
    const other = await insertSignal(t, { content: "another" });
    expect(await withAccess.mutation(api.feed.reportSeen, { signalId: other })).toEqual({
      recorded: true,
      full: false,
    });
  });
});

describe("syntheticSignals.insertBatch", () => {
  const batch = {
    tierKey: TIER,
    sourceGuildId: "1000000000000000001",
    sourceChannelId: "1000000000000000010",
    firstIndex: 0,
    count: 50,
  };

  test("is refused unless ALLOW_SYNTHETIC_SIGNALS=true", async () => {
    const t = newConvexTest();
    await expect(t.mutation(internal.syntheticSignals.insertBatch, batch)).rejects.toThrow(
      /ALLOW_SYNTHETIC_SIGNALS=true/,
    );
    expect(await t.run((ctx) => ctx.db.query("signals").take(1))).toEqual([]);
  });

  test("inserts parsed signals with unique ids, and no mirror work or samples", async () => {
    vi.stubEnv("ALLOW_SYNTHETIC_SIGNALS", "true");
    const { t, withAccess } = await setupRoles();
    await t.mutation(internal.syntheticSignals.insertBatch, batch);
    await t.mutation(internal.syntheticSignals.insertBatch, { ...batch, firstIndex: 50 });
    const rows = await t.run((ctx) => ctx.db.query("signals").take(200));
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((row) => row.sourceMessageId)).size).toBe(100);
    expect(rows.filter((row) => row.pair === "BTC/USDT").length).toBeGreaterThan(0);
    expect(await t.run((ctx) => ctx.db.query("mirrorDeliveries").take(1))).toEqual([]);
    expect(await t.run((ctx) => ctx.db.query("latencySamples").take(1))).toEqual([]);
    const feed = await withAccess.query(api.feed.list, {
      paginationOpts: { numItems: 5, cursor: null },
    });
    expect(feed.page).toHaveLength(5);
    await expect(
      t.mutation(internal.syntheticSignals.insertBatch, { ...batch, count: 5001 }),
    ).rejects.toThrow(/count must be/);
  });
});

describe("latency.deliveryTimings", () => {
  test("returns ingest timestamps and mirror rows per message id; unknown ids are not found", async () => {
    const { t } = await setupRoles();
    const id = await insertSignal(t);
    const signal = await t.run((ctx) => ctx.db.get("signals", id));
    if (signal === null) throw new Error("signal missing");
    const [known, unknown] = await t.query(internal.latency.deliveryTimings, {
      sourceMessageIds: [signal.sourceMessageId, "1999999999999999999"],
    });
    expect(known).toMatchObject({
      found: true,
      signalId: id,
      sourceAt: signal.sourceAt,
      receivedAt: signal.receivedAt,
      committedAt: signal.committedAt,
      deliveries: [],
    });
    expect(unknown).toEqual({
      sourceMessageId: "1999999999999999999",
      found: false,
      deliveries: [],
    });
    await expect(
      t.query(internal.latency.deliveryTimings, {
        sourceMessageIds: Array.from({ length: 201 }, () => "1"),
      }),
    ).rejects.toThrow(/At most 200/);
  });
});
