// The statistics' daily rollups: after any sequence of outcome changes (closes, corrections of a
// close, reversals to open, invalidations, deletions and edits of the signal) they give exactly
// what reading every trade gives; the backfill builds the same rollups from stored trades; and a
// view reads days, not trades.
import { trackRecord } from "@g3/outcomes";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import type { QueryCtx } from "./_generated/server";
import { DAY_MS, dayOf, toClosedTrade } from "./model/outcomes/outcomeRollups";
import { recordFromRollups, type TradeFilters } from "./model/outcomes/trackRecordRead";
import {
  SECRET,
  editMessage,
  messageOf,
  progress,
  removeMessage,
  settle,
  track,
} from "./test.outcomes";
import { TIER, insertSignal, setupRoles, type TestConvex } from "./test.roles";

beforeEach(() => {
  vi.stubEnv("CONVEX_SERVICE_SECRET", SECRET);
  vi.stubEnv("JWT_PRIVATE_KEY", "-----BEGIN PRIVATE KEY----- test-key -----END PRIVATE KEY-----");
});

/** Seeded, repeatable uniform numbers in [0, 1). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const START = Date.UTC(2026, 1, 26); // the window spans a month's end
const CHANNELS = ["1000000000000000010", "1000000000000000020"];
const OTHER_TIER = "whale";

/** What the rollups must equal: the statistics of every matching trade, read one by one. */
async function scanned(t: TestConvex, f: TradeFilters) {
  const rows: Doc<"outcomeTrades">[] = await t.run((ctx) =>
    ctx.db.query("outcomeTrades").collect(),
  );
  const matching = rows.filter(
    (r) =>
      (f.tierKey === undefined || r.tierKey === f.tierKey) &&
      (f.channelId === undefined || r.sourceChannelId === f.channelId) &&
      (f.side === undefined || r.side === f.side) &&
      r.closedAt >= f.from &&
      r.closedAt <= f.to,
  );
  const { cumulativeR, ...record } = trackRecord(matching.map(toClosedTrade));
  return {
    stats: {
      ...record,
      // One chart point per day: the cumulative R after its last trade with an R.
      cumulativeR: [...new Map(cumulativeR.map((p) => [dayOf(p.at), p])).values()].map((p) => ({
        at: p.at,
        cumulative: p.cumulative,
      })),
      truncated: false,
    },
    deletedSignals: matching.filter((r) => r.signalDeleted === true).length,
    editedSignals: matching.filter((r) => r.signalEdited === true).length,
  };
}

const fromRollups = (t: TestConvex, f: TradeFilters) => t.run((ctx) => recordFromRollups(ctx, f));

/** Every kind of view: all tiers, a tier, narrowed by channel and side; whole and cut days. */
function views(): TradeFilters[] {
  const whole = { from: 0, to: Number.MAX_SAFE_INTEGER };
  const cut = { from: START + 2 * DAY_MS + 5 * 3_600_000, to: START + 7 * DAY_MS + 13 * 3_600_000 };
  const sameDay = { from: START + 3 * DAY_MS + 3_600_000, to: START + 3 * DAY_MS + 20 * 3_600_000 };
  return [whole, cut, sameDay].flatMap((range) => [
    { ...range },
    { ...range, tierKey: TIER },
    { ...range, tierKey: OTHER_TIER },
    { ...range, tierKey: TIER, side: "long" as const },
    { ...range, tierKey: TIER, side: "short" as const },
    { ...range, tierKey: TIER, channelId: CHANNELS[1] },
    { ...range, tierKey: TIER, channelId: CHANNELS[0], side: "short" as const },
  ]);
}

async function expectRollupsEqualScan(t: TestConvex) {
  for (const f of views()) {
    expect(await fromRollups(t, f), JSON.stringify(f)).toEqual(await scanned(t, f));
  }
}

async function randomHistory(t: TestConvex, seed: number) {
  const random = lcg(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const signals: { id: Id<"signals">; events: number }[] = [];
  for (let i = 0; i < 14; i++) {
    const id = await insertSignal(t, {
      pair: "BTC/USDT",
      side: pick(["long", "short"] as const),
      channelId: pick(CHANNELS),
      tierKey: random() < 0.75 ? TIER : OTHER_TIER,
    });
    await track(t, id, START - DAY_MS);
    signals.push({ id, events: 0 });
  }
  for (let step = 0; step < 90; step++) {
    const signal = pick(signals);
    const roll = random();
    if (roll < 0.06) {
      await removeMessage(t, signal.id);
      continue;
    }
    if (roll < 0.12) {
      const { deletedAt } = await messageOf(t, signal.id);
      if (deletedAt === undefined) await editMessage(t, signal.id); // a deleted post has no edits
      continue;
    }
    const base = { signalId: signal.id, signalVersion: 1, state: "{}", claims: [], events: [] };
    const at = START + Math.floor(random() * 10 * 24) * 3_600_000;
    if (roll < 0.22) {
      // Open again (an edit replayed), or invalidated: no longer a trade.
      await progress(t, {
        ...base,
        status: random() < 0.5 ? "in_trade" : "invalidated",
        checkedThrough: at,
        targetsHit: 0,
      });
      continue;
    }
    // A close, or a correction of an earlier close (another result, another day).
    const pct = Math.round((random() * 12 - 5) * 1e4) / 1e4;
    const withStop = random() < 0.85;
    await progress(t, {
      ...base,
      status: pct < 0 ? "stopped" : pick(["targets_done", "closed_by_analyst"] as const),
      checkedThrough: at,
      targetsHit: pct < 0 ? 0 : 2,
      result: { pct, ...(withStop ? { r: Math.round((pct / 2) * 1e6) / 1e6 } : {}) },
      closedAt: at,
    });
  }
}

describe("statistics rollups", () => {
  test.each([7, 19, 2026])(
    "equal the statistics of every trade after a random history (seed %i)",
    async (seed) => {
      const { t } = await setupRoles();
      await randomHistory(t, seed);
      const trades = await t.run((ctx) => ctx.db.query("outcomeTrades").collect());
      expect(trades.length).toBeGreaterThan(3); // the history left trades to count
      await expectRollupsEqualScan(t);
    },
  );

  test("a close reversed (the track open again) or corrected to no trade stops counting", async () => {
    const { t, withAccess } = await setupRoles();
    const signalId = await insertSignal(t, { pair: "BTC/USDT", side: "long" });
    await track(t, signalId, START);
    const base = { signalId, signalVersion: 1, state: "{}", claims: [], events: [] };
    const trades = async () => {
      const page = await withAccess.query(api.trackRecord.performance, {});
      if (page.locked) throw new Error("expected access");
      return page.stats.trades;
    };
    const close = { status: "targets_done" as const, targetsHit: 2, result: { r: 2, pct: 4 } };
    await progress(t, {
      ...base,
      ...close,
      checkedThrough: START + DAY_MS,
      closedAt: START + DAY_MS,
    });
    expect(await trades()).toBe(1);
    await progress(t, {
      ...base,
      status: "in_trade",
      checkedThrough: START + DAY_MS,
      targetsHit: 1,
    });
    expect(await trades()).toBe(0);
    await progress(t, {
      ...base,
      ...close,
      checkedThrough: START + DAY_MS,
      closedAt: START + DAY_MS,
    });
    await progress(t, { ...base, status: "invalidated", checkedThrough: START, targetsHit: 0 });
    expect(await trades()).toBe(0);
  });

  test("the tracker's write that closes a trade leaves the rollups to a mutation scheduled with it", async () => {
    const { t } = await setupRoles();
    const signalId = await insertSignal(t, { pair: "BTC/USDT", side: "long" });
    await track(t, signalId, START);
    const rollups = () => t.run((ctx) => ctx.db.query("outcomeStatsDays").collect());
    const jobs = () => t.run((ctx) => ctx.db.system.query("_scheduled_functions").collect());
    const close = (pct: number) =>
      t.mutation(api.tracker.recordProgress, {
        secret: SECRET,
        owner: "tr",
        updates: [
          {
            signalId,
            signalVersion: 1,
            state: "{}",
            claims: [],
            events: [],
            status: "targets_done",
            checkedThrough: START + DAY_MS,
            targetsHit: 2,
            result: { r: pct / 2, pct },
            closedAt: START + DAY_MS,
          },
        ],
      });

    await close(4);
    // The write itself read no day's trades and wrote no rollup: one job will.
    expect(await rollups()).toEqual([]);
    expect((await jobs()).map((j) => j.name)).toEqual(["outcomeRollups:refresh"]);
    await settle(t);
    expect((await rollups()).length).toBeGreaterThan(0);
    await expectRollupsEqualScan(t);

    // Sent again unchanged (a claim checked later, a retry): no trade rewritten, nothing rebuilt.
    await close(4);
    expect(await jobs()).toHaveLength(1);
    // Corrected: rebuilt again, and the rollups follow.
    await close(6);
    expect(await jobs()).toHaveLength(2);
    await settle(t);
    await expectRollupsEqualScan(t);
  });

  test("the backfill builds the same rollups from stored trades, page by page", async () => {
    vi.useFakeTimers();
    const { t } = await setupRoles();
    await randomHistory(t, 11);
    const built = await t.run((ctx) => ctx.db.query("outcomeStatsDays").collect());
    expect(built.length).toBeGreaterThan(0);
    // As before the rollups existed: no rollup rows, no flags on the trades.
    await t.run(async (ctx) => {
      for (const row of await ctx.db.query("outcomeStatsDays").collect()) {
        await ctx.db.delete("outcomeStatsDays", row._id);
      }
      for (const trade of await ctx.db.query("outcomeTrades").collect()) {
        await ctx.db.patch("outcomeTrades", trade._id, {
          signalDeleted: undefined,
          signalEdited: undefined,
        });
      }
    });
    const first = await t.mutation(internal.outcomeRollups.backfill, { pageSize: 2 });
    expect(first).toMatchObject({ processed: 2, done: false });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    const rebuilt = await t.run((ctx) => ctx.db.query("outcomeStatsDays").collect());
    const key = (rows: Doc<"outcomeStatsDays">[]) =>
      rows.map(({ _id, _creationTime, ...row }) => JSON.stringify(row)).sort();
    expect(key(rebuilt)).toEqual(key(built));
    await expectRollupsEqualScan(t);
    // Run again from the start: nothing changes.
    await t.mutation(internal.outcomeRollups.backfill, { pageSize: 500 });
    const again = await t.run((ctx) => ctx.db.query("outcomeStatsDays").collect());
    expect(key(again)).toEqual(key(built));
  });

  test("a view reads its days, not its trades: 2,500 trades over 25 days", async () => {
    vi.useFakeTimers();
    const { t, withAccess } = await setupRoles();
    const signalId = await insertSignal(t, { pair: "BTC/USDT", side: "long" });
    await t.run(async (ctx) => {
      for (let i = 0; i < 2_500; i++) {
        await ctx.db.insert("outcomeTrades", {
          signalId, // one signal stands for many here: the statistics never read it
          tierKey: TIER,
          sourceChannelId: CHANNELS[0] ?? "",
          side: "long",
          postedAt: START,
          closedAt: START + (i % 25) * DAY_MS + i * 1_000,
          status: i % 3 === 0 ? "stopped" : "targets_done",
          r: i % 3 === 0 ? -1 : 1.5,
          pct: i % 3 === 0 ? -2 : 3,
        });
      }
    });
    await t.mutation(internal.outcomeRollups.backfill, { pageSize: 500 });
    await t.finishAllScheduledFunctions(vi.runAllTimers);

    const filters = { tierKey: TIER, from: 0, to: Number.MAX_SAFE_INTEGER };
    const reads = { documents: 0 };
    const record = await t.run((ctx) => recordFromRollups(countingReads(ctx, reads), filters));
    expect(record.stats).toMatchObject({ trades: 2_500, wins: 1_666, truncated: false });
    expect(reads.documents).toBeLessThanOrEqual(25);

    // A period starting mid-day reads that day's trades from then (52) and the other days' rollups.
    reads.documents = 0;
    const cut = await t.run((ctx) =>
      recordFromRollups(countingReads(ctx, reads), { ...filters, from: START + 1_200_000 }),
    );
    expect(cut.stats.trades).toBe(2_400 + 52); // the first day: i = 1200, 1225, … 2475
    expect(reads.documents).toBeLessThanOrEqual(24 + 52);

    const page = await withAccess.query(api.trackRecord.performance, {});
    if (page.locked) throw new Error("expected access");
    expect(page.stats).toMatchObject({
      trades: 2_500,
      totalR: 1_666 * 1.5 - 834,
      truncated: false,
    });
  });
});

/** ctx with a db that counts the documents its queries and gets return. */
function countingReads(ctx: QueryCtx, reads: { documents: number }): QueryCtx {
  const count = (value: unknown) => {
    if (Array.isArray(value)) reads.documents += value.length;
    else if (value !== null && value !== undefined) reads.documents += 1;
    return value;
  };
  const wrapQuery = (query: object): object =>
    new Proxy(query, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (result instanceof Promise) {
            return result.then((resolved: unknown) =>
              prop === "paginate"
                ? (count((resolved as { page: unknown[] }).page), resolved)
                : count(resolved),
            );
          }
          return typeof result === "object" && result !== null ? wrapQuery(result) : result;
        };
      },
    });
  const db = new Proxy(ctx.db, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop === "query") {
        return (...args: unknown[]) =>
          wrapQuery((value as (...a: unknown[]) => object).apply(target, args));
      }
      if (prop === "get") {
        return async (...args: unknown[]) =>
          count(await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      }
      return typeof value === "function" ? (value as () => unknown).bind(target) : value;
    },
  });
  return { ...ctx, db };
}
