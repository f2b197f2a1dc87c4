import { beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { MAPPING } from "./test.ingest";
import { auditByAction } from "./test.audit";
import { CONFIDENT, SERVICE_SECRET, setupParsing, type TestConvex } from "./test.parsing";
import { expectCode } from "./test.roles";

beforeEach(() => {
  vi.useFakeTimers({ now: 1_800_000_000_000 });
});

const CHANNEL = MAPPING.sourceChannelId;
const LEASE_MS = 30_000;
const ANALYST = "1000000000000000099";

/** A message of the source channel as the collector sends it. */
function message(
  messageId: string,
  content: string,
  origin: "gateway" | "backfill" | "history",
  extra: { editedAt?: number; replyTo?: string; sourceAt?: number } = {},
) {
  return {
    messageId,
    channelId: CHANNEL,
    guildId: MAPPING.sourceGuildId,
    authorId: ANALYST,
    authorName: "Analyst",
    content,
    attachments: [],
    sourceAt: extra.sourceAt ?? 1_700_000_000_000,
    receivedAt: 1_700_000_000_040,
    origin,
    ...(extra.editedAt === undefined ? {} : { editedAt: extra.editedAt }),
    ...(extra.replyTo === undefined ? {} : { replyToMessageId: extra.replyTo }),
  };
}

const upsert = (t: TestConvex, m: ReturnType<typeof message>) =>
  t.mutation(api.ingest.upsertMessage, { secret: SERVICE_SECRET, message: m });

const claim = (t: TestConvex, owner: string) =>
  t.mutation(api.historyImportJobs.claim, { secret: SERVICE_SECRET, owner, leaseMs: LEASE_MS });

const commit = (
  t: TestConvex,
  importId: Id<"historyImports">,
  owner: string,
  oldest: string,
  counts = { imported: 100, skipped: 0, failed: 0 },
) =>
  t.mutation(api.historyImportJobs.commitPage, {
    secret: SERVICE_SECRET,
    importId,
    owner,
    leaseMs: LEASE_MS,
    oldestMessageId: oldest,
    newestMessageId: "1400000000000000000",
    ...counts,
  });

const job = (t: TestConvex, importId: Id<"historyImports">) =>
  t.run(async (ctx) => {
    const row = await ctx.db.get("historyImports", importId);
    if (row === null) throw new Error("no import");
    return row;
  });

describe("who may run history imports", () => {
  test("anonymous and customers are refused; an admin requests, lists, pauses, resumes and cancels, audited", async () => {
    const { t, anonymous, noAccess, withAccess, admin } = await setupParsing();
    await expectCode(
      anonymous.mutation(api.historyImports.request, { sourceChannelId: CHANNEL }),
      "UNAUTHENTICATED",
    );
    for (const customer of [noAccess, withAccess]) {
      await expectCode(
        customer.mutation(api.historyImports.request, { sourceChannelId: CHANNEL }),
        "FORBIDDEN",
      );
      await expectCode(customer.query(api.historyImports.list, {}), "FORBIDDEN");
    }
    await expectCode(anonymous.query(api.historyImports.list, {}), "UNAUTHENTICATED");

    const importId = await admin.mutation(api.historyImports.request, {
      sourceChannelId: CHANNEL,
    });
    for (const customer of [anonymous, noAccess, withAccess]) {
      await expect(customer.mutation(api.historyImports.pause, { importId })).rejects.toThrow();
      await expect(customer.mutation(api.historyImports.cancel, { importId })).rejects.toThrow();
    }
    const [row] = await admin.query(api.historyImports.list, {});
    expect(row).toMatchObject({
      _id: importId,
      state: "queued",
      channelLabel: MAPPING.label,
      requestedByEmail: "admin@example.com",
      progress: { fraction: 0 },
    });
    expect(await admin.mutation(api.historyImports.pause, { importId })).toBe("paused");
    expect(await admin.mutation(api.historyImports.resume, { importId })).toBe("queued");
    expect(await admin.mutation(api.historyImports.cancel, { importId })).toBe("cancelled");
    await expectCode(admin.mutation(api.historyImports.resume, { importId }), "CONFLICT");

    const args = {
      targetType: "historyImport",
      targetId: importId,
      paginationOpts: { numItems: 10, cursor: null },
    };
    await expectCode(anonymous.query(api.audit.forTarget, args), "UNAUTHENTICATED");
    await expectCode(withAccess.query(api.audit.forTarget, args), "FORBIDDEN");
    const trail = await admin.query(api.audit.forTarget, args);
    expect(trail.page.map((entry) => entry.action)).toEqual([
      "history.import.cancel",
      "history.import.resume",
      "history.import.pause",
      "history.import.request",
    ]);
    for (const action of ["request", "pause", "resume", "cancel"]) {
      const entries = await auditByAction(t, `history.import.${action}`);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ targetType: "historyImport", targetId: importId });
    }
  });

  test("an operator with the admin key requests one from the command line, audited as the system", async () => {
    const { t, admin } = await setupParsing();
    const importId = await t.mutation(internal.historyImports.requestFromCli, {
      sourceChannelId: CHANNEL,
    });
    const [row] = await admin.query(api.historyImports.list, {});
    expect(row).toMatchObject({ _id: importId, state: "queued" });
    expect(row?.requestedByEmail).toBeUndefined();
    const [entry] = await auditByAction(t, "history.import.request");
    expect(entry).toMatchObject({ actorType: "system", targetId: importId });
    await expectCode(
      t.mutation(internal.historyImports.requestFromCli, { sourceChannelId: CHANNEL }),
      "BUSY",
    );
  });

  test("the collector's functions need the service secret", async () => {
    const { t } = await setupParsing();
    await expectCode(
      t.mutation(api.historyImportJobs.claim, { secret: "wrong", owner: "a", leaseMs: LEASE_MS }),
      "FORBIDDEN",
    );
  });

  test("an unmapped channel, a second active import of a channel and a bad id are refused", async () => {
    const { admin } = await setupParsing();
    await expectCode(
      admin.mutation(api.historyImports.request, { sourceChannelId: "1999999999999999999" }),
      "UNMAPPED_CHANNEL",
    );
    await expectCode(
      admin.mutation(api.historyImports.request, { sourceChannelId: "general" }),
      "BAD_REQUEST",
    );
    await admin.mutation(api.historyImports.request, { sourceChannelId: CHANNEL });
    await expectCode(
      admin.mutation(api.historyImports.request, { sourceChannelId: CHANNEL }),
      "BUSY",
    );
  });
});

describe("leases", () => {
  test("one collector holds an import; after its lease runs out another takes over from the committed cursor and the first is refused", async () => {
    const { t, admin } = await setupParsing();
    const importId = await admin.mutation(api.historyImports.request, {
      sourceChannelId: CHANNEL,
    });
    const first = await claim(t, "collector-a");
    expect(first).toEqual({ importId, sourceChannelId: CHANNEL });
    expect(await claim(t, "collector-b")).toBeNull(); // held
    // The same instance restarted (a stable instance id) gets its own job back at once.
    expect(await claim(t, "collector-a")).toEqual({ importId, sourceChannelId: CHANNEL });
    expect(await commit(t, importId, "collector-a", "1300000000000000500")).toBe("running");

    vi.advanceTimersByTime(LEASE_MS + 1); // collector-a died mid-import
    const second = await claim(t, "collector-b");
    expect(second).toEqual({ importId, sourceChannelId: CHANNEL, cursor: "1300000000000000500" });
    await expectCode(commit(t, importId, "collector-a", "1300000000000000400"), "LEASE_LOST");
    await expectCode(
      t.mutation(api.historyImportJobs.finish, {
        secret: SERVICE_SECRET,
        importId,
        owner: "collector-a",
      }),
      "LEASE_LOST",
    );
    expect(await auditByAction(t, "history.import.takeover")).toHaveLength(1);

    await commit(t, importId, "collector-b", "1300000000000000300");
    // A replayed, newer page cannot move the cursor forward again.
    await commit(t, importId, "collector-b", "1300000000000000450", {
      imported: 0,
      skipped: 100,
      failed: 0,
    });
    expect(await job(t, importId)).toMatchObject({
      cursor: "1300000000000000300",
      pages: 3,
      imported: 200,
      skipped: 100,
      leaseOwner: "collector-b",
    });
    expect(
      await t.mutation(api.historyImportJobs.finish, {
        secret: SERVICE_SECRET,
        importId,
        owner: "collector-b",
      }),
    ).toBe("done");
    const finished = await job(t, importId);
    expect(finished.state).toBe("done");
    expect(finished.leaseOwner).toBeUndefined();
    expect(await auditByAction(t, "history.import.done")).toHaveLength(1);
    const [listed] = await admin.query(api.historyImports.list, {});
    expect(listed?.progress.fraction).toBe(1);
  });

  test("a pause reaches the collector at its next page, which still counts; paused imports are not claimed until resumed", async () => {
    const { t, admin } = await setupParsing();
    const importId = await admin.mutation(api.historyImports.request, {
      sourceChannelId: CHANNEL,
    });
    await claim(t, "collector-a");
    await admin.mutation(api.historyImports.pause, { importId });
    expect(await commit(t, importId, "collector-a", "1300000000000000500")).toBe("paused");
    const paused = await job(t, importId);
    expect(paused).toMatchObject({ state: "paused", cursor: "1300000000000000500", imported: 100 });
    expect(paused.leaseOwner).toBeUndefined();
    vi.advanceTimersByTime(LEASE_MS + 1);
    expect(await claim(t, "collector-b")).toBeNull();
    await admin.mutation(api.historyImports.resume, { importId });
    expect(await claim(t, "collector-b")).toEqual({
      importId,
      sourceChannelId: CHANNEL,
      cursor: "1300000000000000500",
    });
  });

  test("a graceful stop releases the lease: queued again at once from the cursor; only the holder can, and an ended import stays ended", async () => {
    const { t, admin } = await setupParsing();
    const importId = await admin.mutation(api.historyImports.request, {
      sourceChannelId: CHANNEL,
    });
    const release = (owner: string) =>
      t.mutation(api.historyImportJobs.release, { secret: SERVICE_SECRET, importId, owner });
    await claim(t, "collector-a");
    await commit(t, importId, "collector-a", "1300000000000000500");
    expect(await release("collector-b")).toBe("running"); // not the holder: nothing changes
    expect((await job(t, importId)).leaseOwner).toBe("collector-a");

    expect(await release("collector-a")).toBe("queued");
    const released = await job(t, importId);
    expect(released).toMatchObject({ state: "queued", cursor: "1300000000000000500", pages: 1 });
    expect(released.leaseOwner).toBeUndefined();
    expect(released.leaseExpiresAt).toBeUndefined();
    // Another instance takes it now, well inside the old lease, and it is no takeover.
    expect(await claim(t, "collector-b")).toEqual({
      importId,
      sourceChannelId: CHANNEL,
      cursor: "1300000000000000500",
    });
    expect(await auditByAction(t, "history.import.takeover")).toHaveLength(0);
    const [entry] = await auditByAction(t, "history.import.release");
    expect(JSON.parse(entry?.details ?? "{}")).toMatchObject({
      owner: "collector-a",
      from: "running",
      to: "queued",
    });
    await expectCode(commit(t, importId, "collector-a", "1300000000000000400"), "LEASE_LOST");

    // Paused while held: the lease goes, the pause stays.
    await admin.mutation(api.historyImports.pause, { importId });
    expect(await release("collector-b")).toBe("paused");
    expect((await job(t, importId)).leaseOwner).toBeUndefined();
    await admin.mutation(api.historyImports.cancel, { importId });
    expect(await release("collector-b")).toBe("cancelled");
    expect(await auditByAction(t, "history.import.release")).toHaveLength(2);
  });

  test("progress: share of the channel's lifetime covered, rate and ETA", async () => {
    const { t, admin } = await setupParsing();
    const importId = await admin.mutation(api.historyImports.request, {
      sourceChannelId: CHANNEL,
    });
    await claim(t, "collector-a");
    // Channel created at snowflake time t0; newest at t0 + 100 s; cursor at t0 + 75 s → 25 %.
    const at = (ms: number) => (((BigInt(CHANNEL) >> 22n) + BigInt(ms)) << 22n).toString();
    vi.advanceTimersByTime(10_000);
    await t.mutation(api.historyImportJobs.commitPage, {
      secret: SERVICE_SECRET,
      importId,
      owner: "collector-a",
      leaseMs: LEASE_MS,
      oldestMessageId: at(75_000),
      newestMessageId: at(100_000),
      imported: 90,
      skipped: 10,
      failed: 0,
    });
    const [row] = await admin.query(api.historyImports.list, {});
    expect(row?.progress.fraction).toBeCloseTo(0.25, 3);
    expect(row?.progress.perSecond).toBeCloseTo(10, 3);
    expect(row?.progress.etaMs).toBe(30_000);
  });
});

describe("history copies through the ingest path", () => {
  test("idempotent with live ingestion: no duplicate, no older revision over a newer one, no tombstone revived", async () => {
    const { t } = await setupParsing();
    const live = await upsert(t, message("1300000000000001000", CONFIDENT, "gateway"));
    expect((await upsert(t, message("1300000000000001000", CONFIDENT, "history"))).outcome).toBe(
      "unchanged",
    );

    const edited = CONFIDENT.replace("SL: 41000", "SL: 41500");
    await upsert(t, message("1300000000000002000", CONFIDENT, "gateway"));
    await upsert(
      t,
      message("1300000000000002000", edited, "gateway", { editedAt: 1_700_000_100_000 }),
    );
    const stale = await upsert(t, message("1300000000000002000", CONFIDENT, "history"));
    expect(stale.outcome).toBe("stale");
    const current = await t.run((ctx) => ctx.db.get("signals", stale.signalId));
    expect(current?.content).toBe(edited);

    await upsert(t, message("1300000000000003000", CONFIDENT, "gateway"));
    await t.mutation(api.ingest.deleteMessages, {
      secret: SERVICE_SECRET,
      channelId: CHANNEL,
      messageIds: ["1300000000000003000"],
    });
    const tomb = await upsert(t, message("1300000000000003000", CONFIDENT, "history"));
    expect(tomb.outcome).toBe("deleted");
    const deleted = await t.run((ctx) => ctx.db.get("signals", tomb.signalId));
    expect(deleted?.deletedAt).toBeDefined();

    const counts = await t.query(internal.historyImportJobs.channelCounts, {
      sourceChannelId: CHANNEL,
    });
    expect(counts).toMatchObject({ total: 3, distinctMessages: 3, live: 2, tombstoned: 1 });
    expect(live.outcome).toBe("created");
  });

  test("history creates neither move the live cursor nor reach the mirror", async () => {
    const { t } = await setupParsing();
    await upsert(t, message("1300000000000005000", CONFIDENT, "gateway"));
    const imported = await upsert(t, message("1300000000000000100", CONFIDENT, "history"));
    expect(imported.outcome).toBe("created");
    const cursor = await t.query(api.ingest.getCursors, {
      secret: SERVICE_SECRET,
      channelIds: [CHANNEL],
    });
    expect(cursor[0]?.lastMessageId).toBe("1300000000000005000");
    const deliveries = await t.run((ctx) =>
      ctx.db
        .query("mirrorDeliveries")
        .withIndex("by_signal_and_mapping", (q) => q.eq("signalId", imported.signalId))
        .collect(),
    );
    expect(deliveries).toHaveLength(0);

    // On a channel never ingested live, an import does not create the cursor either.
    const { t: fresh } = await setupParsing();
    await upsert(fresh, message("1300000000000000100", CONFIDENT, "history"));
    expect(
      await fresh.query(api.ingest.getCursors, { secret: SERVICE_SECRET, channelIds: [CHANNEL] }),
    ).toEqual([]);
  });

  test("replies and follow-ups imported before their signal (newest first) are linked when it arrives", async () => {
    const { t } = await setupParsing();
    const base = 1_700_000_000_000;
    // Posted in this order: the signal, a reply to it, a symbol follow-up, a newer BTC signal and its follow-up.
    const newerFollowUp = await upsert(
      t,
      message("1300000000000000500", "BTC TP2 hit", "history", { sourceAt: base + 5000 }),
    );
    const newerSignal = await upsert(
      t,
      message("1300000000000000400", CONFIDENT, "history", { sourceAt: base + 4000 }),
    );
    const followUp = await upsert(
      t,
      message("1300000000000000300", "BTC TP1 hit", "history", { sourceAt: base + 3000 }),
    );
    const reply = await upsert(
      t,
      message("1300000000000000200", "Moving stop to entry", "history", {
        sourceAt: base + 2000,
        replyTo: "1300000000000000100",
      }),
    );
    const parent = await upsert(
      t,
      message("1300000000000000100", CONFIDENT, "history", { sourceAt: base + 1000 }),
    );
    const parentOf = async (signalId: Id<"signals">) =>
      (await t.run((ctx) => ctx.db.get("signals", signalId)))?.parentSignalId;
    expect(await parentOf(newerFollowUp.signalId)).toBe(newerSignal.signalId);
    expect(await parentOf(followUp.signalId)).toBe(parent.signalId);
    expect(await parentOf(reply.signalId)).toBe(parent.signalId);
  });
});
