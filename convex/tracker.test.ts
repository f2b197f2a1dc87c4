import { beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type { TrackUpdate } from "./model/outcomes/trackerValidators";
import { signedInAs } from "./test.sessions";
import { setupMappedSource, SOURCE_CHANNEL as CHANNEL, SOURCE_GUILD } from "./test.ingest";
import type { TestConvex } from "./test.setup";

const SECRET = "test-service-secret";
const S1 =
  "BTC/USDT LONG\nEntry: 42000-42500\nTargets: 43000, 44000, 45500\nSL: 41000\nLeverage: 10x";

type Tester = TestConvex;

beforeEach(() => vi.stubEnv("CONVEX_SERVICE_SECRET", SECRET));

let nextId = 1_300_000_000_000_000_000n;

async function post(t: Tester, content: string, sourceAt = 1_700_000_000_000) {
  nextId += 1000n;
  const result = await t.mutation(api.ingest.upsertMessage, {
    secret: SECRET,
    message: {
      messageId: nextId.toString(),
      channelId: CHANNEL,
      guildId: SOURCE_GUILD,
      authorId: "1196423789936771073",
      authorName: "Analyst",
      content,
      attachments: [],
      sourceAt,
      receivedAt: sourceAt + 40,
      origin: "gateway",
    },
  });
  if (result.signalId === undefined) throw new Error("not stored");
  return result.signalId;
}

function update(signalId: Id<"signals">, overrides: Partial<TrackUpdate> = {}): TrackUpdate {
  return {
    signalId,
    signalVersion: 1,
    status: "in_trade",
    state: "{}",
    checkedThrough: 1_700_000_060_000,
    targetsHit: 0,
    events: [{ seq: 0, type: "entry_filled", at: 1_700_000_060_000, price: 42500, index: 1 }],
    claims: [],
    ...overrides,
  };
}

async function startTracking(t: Tester, owner: string, signalId: Id<"signals">) {
  await t.mutation(api.tracker.discovered, {
    secret: SECRET,
    owner,
    cursor: 1,
    started: [
      {
        start: { signalId, marketSymbol: "BTCUSDT", postedAt: 1_700_000_000_000, signalVersion: 1 },
        state: "{}",
      },
    ],
  });
}

describe("tracker service surface", () => {
  test("refuses callers without the service secret", async () => {
    const t = await setupMappedSource();
    await expect(t.query(api.tracker.openTracks, { secret: "wrong" })).rejects.toThrow(
      /Invalid service secret/,
    );
    await expect(
      t.mutation(api.tracker.acquire, { secret: "wrong", owner: "a", leaseMs: 10_000 }),
    ).rejects.toThrow(/Invalid service secret/);
  });

  test("one lease holder at a time; the other may take over only when it expires", async () => {
    const t = await setupMappedSource();
    const a = await t.mutation(api.tracker.acquire, {
      secret: SECRET,
      owner: "a",
      leaseMs: 10_000,
    });
    const b = await t.mutation(api.tracker.acquire, {
      secret: SECRET,
      owner: "b",
      leaseMs: 10_000,
    });
    expect(a.held).toBe(true);
    expect(b.held).toBe(false);
    const signalId = await post(t, S1);
    await expect(startTracking(t, "b", signalId)).rejects.toThrow(/LEASE_LOST|does not hold/);
    vi.useFakeTimers({ now: Date.now() + 11_000, toFake: ["Date"] });
    try {
      expect(
        (await t.mutation(api.tracker.acquire, { secret: SECRET, owner: "b", leaseMs: 10_000 }))
          .held,
      ).toBe(true);
      await expect(
        t.mutation(api.tracker.recordProgress, {
          secret: SECRET,
          owner: "a",
          updates: [update(signalId)],
        }),
      ).rejects.toThrow(/does not hold/);
    } finally {
      vi.useRealTimers();
    }
  });

  test("discovers new signals after the cursor and lists open tracks with edits showing as a newer version", async () => {
    const t = await setupMappedSource();
    await t.mutation(api.tracker.acquire, { secret: SECRET, owner: "a", leaseMs: 60_000 });
    const first = await post(t, S1);
    const discovered = await t.query(api.tracker.newSignals, { secret: SECRET, after: 0 });
    expect(discovered.map((s) => s.signalId)).toEqual([first]);
    const cursor = discovered[0]?.creationTime ?? 0;
    await startTracking(t, "a", first);
    expect(await t.query(api.tracker.newSignals, { secret: SECRET, after: cursor })).toEqual([]);
    const [open] = await t.query(api.tracker.openTracks, { secret: SECRET });
    expect(open).toMatchObject({
      signalId: first,
      status: "waiting_entry",
      signalVersion: 1,
      currentVersion: 1,
    });
    const [detail] = await t.query(api.tracker.signalDetails, {
      secret: SECRET,
      signalIds: [first],
    });
    expect(detail?.revisions).toHaveLength(1);
    expect(detail?.revisions[0]).toMatchObject({
      version: 1,
      at: 1_700_000_000_000,
      change: "create",
    });
    expect(detail?.revisions[0]?.parsed.stopLoss).toBe(41000);
  });

  test("records events once (retries add nothing), closes the track and upserts claims", async () => {
    const t = await setupMappedSource();
    await t.mutation(api.tracker.acquire, { secret: SECRET, owner: "a", leaseMs: 60_000 });
    const signalId = await post(t, S1);
    const followUp = await post(t, "BTC TP2 hit ✅ +40%", 1_700_000_100_000);
    await startTracking(t, "a", signalId);
    const record = (u: TrackUpdate) =>
      t.mutation(api.tracker.recordProgress, { secret: SECRET, owner: "a", updates: [u] });
    await record(update(signalId));
    await record(update(signalId)); // the same batch again, as after a lost response
    const claim = {
      followUpId: followUp,
      claimAt: 1_700_000_100_000,
      claim: "TP2 hit",
      verdict: "contradicted" as const,
      detail: "TP2 claimed; no target reached",
    };
    await record(
      update(signalId, {
        status: "stopped",
        events: [
          { seq: 0, type: "entry_filled", at: 1_700_000_060_000, price: 42500, index: 1 },
          { seq: 1, type: "stop_hit", at: 1_700_000_090_000, price: 41000 },
        ],
        result: { r: -1, pct: -3.529412, leveragedPct: -35.29412 },
        closedAt: 1_700_000_090_000,
        claims: [claim],
      }),
    );
    await record(update(signalId, { status: "stopped", events: [], claims: [claim] }));
    const { events, row, claims } = await t.run(async (ctx) => ({
      events: await ctx.db
        .query("outcomeEvents")
        .withIndex("by_signal_and_seq", (q) => q.eq("signalId", signalId))
        .collect(),
      row: await ctx.db
        .query("signalOutcomes")
        .withIndex("by_signal", (q) => q.eq("signalId", signalId))
        .unique(),
      claims: await ctx.db
        .query("outcomeClaims")
        .withIndex("by_signal", (q) => q.eq("signalId", signalId))
        .collect(),
    }));
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [0, "entry_filled"],
      [1, "stop_hit"],
    ]);
    expect(row).toMatchObject({
      status: "stopped",
      open: false,
      eventCount: 2,
      contradictedClaims: 1,
    });
    expect(claims).toHaveLength(1);
    expect(await t.query(api.tracker.openTracks, { secret: SECRET })).toEqual([]);
  });

  test("admins, and only admins, see contradicted claims with the signal's outcome and deletion", async () => {
    const t = await setupMappedSource();
    await t.mutation(api.tracker.acquire, { secret: SECRET, owner: "a", leaseMs: 60_000 });
    const signalId = await post(t, S1);
    const followUp = await post(t, "BTC TP3 hit ✅", 1_700_000_100_000);
    await startTracking(t, "a", signalId);
    await t.mutation(api.tracker.recordProgress, {
      secret: SECRET,
      owner: "a",
      updates: [
        update(signalId, {
          status: "stopped",
          claims: [
            {
              followUpId: followUp,
              claimAt: 1_700_000_100_000,
              claim: "TP3 hit",
              verdict: "contradicted",
              detail: "TP3 claimed; no target reached",
            },
          ],
        }),
      ],
    });
    await t.run((ctx) => ctx.db.patch("signals", signalId, { deletedAt: 1_700_000_200_000 }));
    const [admin, customer] = await t.run(async (ctx) => [
      await ctx.db.insert("users", { email: "root@example.com", role: "admin" }),
      await ctx.db.insert("users", { email: "ann@example.com" }),
    ]);
    const rows = await (await signedInAs(t, admin)).query(api.outcomes.discrepancies, {});
    expect(rows).toEqual([
      expect.objectContaining({
        signalId,
        followUpId: followUp,
        claim: "TP3 hit",
        status: "stopped",
        signalDeletedAt: 1_700_000_200_000,
      }),
    ]);
    await expect(
      (await signedInAs(t, customer)).query(api.outcomes.discrepancies, {}),
    ).rejects.toThrow(/Admins only/);
    await expect(t.query(api.outcomes.discrepancies, {})).rejects.toThrow(/Sign in/);
  });
});
