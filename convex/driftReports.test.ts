import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import {
  createSignal,
  CUSTOMER_CHANNEL,
  deleteSignal,
  deliveryOf,
  editSignal,
  SECRET,
  setupMirror,
  type Setup,
} from "./test.mirror";

const BOT = "mirror-a";

function report(mappingId: Id<"channelMappings">, checkedAt: number, missing = 0) {
  return {
    mappingId,
    customerChannelId: CUSTOMER_CHANNEL,
    checkedAt,
    windowSignals: 50,
    windowMessages: 100,
    missing,
    duplicates: 0,
    stale: 0,
    orphans: 0,
    examples: {
      missing: [] as string[],
      duplicates: [] as string[],
      stale: [] as string[],
      orphans: [] as string[],
    },
  };
}

async function stored(s: Setup) {
  return s.t.run((ctx) => ctx.db.query("driftReports").take(10));
}

describe("drift reports", () => {
  test("the latest report per mapping wins; an older one is ignored", async () => {
    const s = await setupMirror();
    const now = Date.now();
    const send = (checkedAt: number, missing: number) =>
      s.t.mutation(api.mirror.reportDrift, {
        secret: SECRET,
        instanceId: BOT,
        reports: [report(s.ids.mappingId, checkedAt, missing)],
      });
    expect(await send(now - 2_000, 1)).toEqual(["stored"]);
    expect(await send(now - 1_000, 2)).toEqual(["stored"]);
    expect(await send(now - 5_000, 9)).toEqual(["older_than_stored"]);
    const rows = await stored(s);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ missing: 2, checkedAt: now - 1_000, instanceId: BOT });
  });

  test("a wrong secret is refused and nothing is stored", async () => {
    const s = await setupMirror();
    await expect(
      s.t.mutation(api.mirror.reportDrift, {
        secret: "wrong-secret-0123456789",
        instanceId: BOT,
        reports: [report(s.ids.mappingId, Date.now())],
      }),
    ).rejects.toThrow();
    await expect(
      s.t.query(api.mirror.driftWindow, { secret: "wrong-secret-0123456789", perMapping: 10 }),
    ).rejects.toThrow();
    expect(await stored(s)).toEqual([]);
  });

  test("bounded: too many examples, bad counts and too many reports are refused", async () => {
    const s = await setupMirror();
    const base = report(s.ids.mappingId, Date.now());
    const call = (reports: ReturnType<typeof report>[]) =>
      s.t.mutation(api.mirror.reportDrift, { secret: SECRET, instanceId: BOT, reports });
    await expect(
      call([{ ...base, examples: { ...base.examples, orphans: ["1", "2", "3", "4", "5", "6"] } }]),
    ).rejects.toThrow(/at most 5 ids/);
    await expect(call([{ ...base, missing: -1 }])).rejects.toThrow(/whole number/);
    await expect(call([{ ...base, stale: 1.5 }])).rejects.toThrow(/whole number/);
    await expect(call(Array.from({ length: 26 }, () => base))).rejects.toThrow(/At most 25/);
    expect(await stored(s)).toEqual([]);
  });

  test("admins read the reports with the mapping label; others are refused", async () => {
    const s = await setupMirror();
    await s.t.mutation(api.mirror.reportDrift, {
      secret: SECRET,
      instanceId: BOT,
      reports: [report(s.ids.mappingId, Date.now(), 3)],
    });
    const rows = await s.as(s.ids.admin).query(api.health.driftReports, {});
    expect(rows).toMatchObject([{ label: "VIP", missing: 3, windowSignals: 50 }]);
    for (const caller of [s.t, s.as(s.ids.customer), s.as(s.ids.paying)]) {
      await expect(caller.query(api.health.driftReports, {})).rejects.toThrow(
        /Sign in|Admins only/,
      );
    }
  });

  test("the drift window lists the latest deliveries of each enabled mapping, newest first", async () => {
    const s = await setupMirror();
    const [first, second, third] = await s.t.run(async (ctx) => {
      const ids = [await createSignal(ctx), await createSignal(ctx), await createSignal(ctx)];
      await deleteSignal(ctx, ids[1] as Id<"signals">);
      return ids;
    });
    const window = await s.t.query(api.mirror.driftWindow, { secret: SECRET, perMapping: 2 });
    expect(window).toHaveLength(1);
    expect(window[0]?.customerChannelId).toBe(CUSTOMER_CHANNEL);
    const deliveries = await s.t.run(async (ctx) => [
      (await deliveryOf(ctx, third as Id<"signals">))._id,
      (await deliveryOf(ctx, second as Id<"signals">))._id,
    ]);
    expect(window[0]?.rows).toEqual([
      { deliveryId: deliveries[0], signalId: third, live: true, synced: false },
      { deliveryId: deliveries[1], signalId: second, live: false, synced: false },
    ]);
    expect(window[0]?.rows.some((row) => row.signalId === first)).toBe(false);
  });

  test("repairDrift sends a synced delivery back with its render forgotten, only as the check saw it", async () => {
    const s = await setupMirror();
    const [gone, changed, moved] = await s.t.run(async (ctx) => [
      await createSignal(ctx),
      await createSignal(ctx),
      await createSignal(ctx),
    ]);
    // All three mirrored: message ids and render hashes recorded, rows done.
    const rows: Id<"mirrorDeliveries">[] = [];
    for (const [index, signalId] of [gone, changed, moved].entries()) {
      const row = await s.t.run((ctx) => deliveryOf(ctx, signalId));
      await s.t.mutation(api.mirror.claim, { secret: SECRET, owner: BOT, deliveryId: row._id });
      await s.t.mutation(api.mirror.complete, {
        secret: SECRET,
        owner: BOT,
        deliveryId: row._id,
        syncedVersion: 1,
        customerMessageId: `30000000000000000${index}`,
        updateNoteMessageId: null,
        renderedHash: `hash${index}.files`,
      });
      rows.push(row._id);
    }
    // The third was edited and re-synced after the check read it: the check's view is outdated.
    await s.t.run((ctx) => editSignal(ctx, moved, "edited"));
    const [goneRow, changedRow, movedRow] = rows;
    if (goneRow === undefined || changedRow === undefined || movedRow === undefined) {
      throw new Error("deliveries missing");
    }
    const repair = (index: number) => ({
      deliveryId: [goneRow, changedRow, movedRow][index] ?? goneRow,
      customerMessageId: `30000000000000000${index}`,
      contentHash: `hash${index}`,
    });
    const queued = await s.t.mutation(api.mirror.repairDrift, {
      secret: SECRET,
      repairs: [repair(0), { ...repair(1), customerMessageId: "399999999999999999" }, repair(2)],
    });
    expect(queued).toEqual([goneRow]);
    const repaired = await s.t.run((ctx) => deliveryOf(ctx, gone));
    expect(repaired).toMatchObject({
      status: "pending",
      customerMessageId: "300000000000000000",
      syncedVersion: 1,
    });
    expect(repaired.renderedHash).toBeUndefined();
    expect(repaired.nextAttemptAt).toBeLessThanOrEqual(Date.now());
    // The worker's claim hands it out as an edit of the recorded message (no hash: not skipped).
    const claim = await s.t.mutation(api.mirror.claim, {
      secret: SECRET,
      owner: BOT,
      deliveryId: goneRow,
    });
    expect(claim.status === "claimed" && claim.work).toMatchObject({
      customerMessageId: "300000000000000000",
      version: 1,
    });
    expect(claim.status === "claimed" && claim.work.renderedHash).toBeUndefined();
    expect(claim.status === "claimed" && claim.work.sendStartedAt).toBeUndefined();
    // Untouched: a mismatching message id, and a row no longer done.
    expect(await s.t.run((ctx) => deliveryOf(ctx, changed))).toMatchObject({
      status: "done",
      renderedHash: "hash1.files",
    });
    await expect(
      s.t.mutation(api.mirror.repairDrift, { secret: "wrong-secret-0123456789", repairs: [] }),
    ).rejects.toThrow();
  });
});
