import { describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { deliveryNonce, MAX_NONCE_LENGTH } from "./model/mirror/mirrorNonce";
import { backoffMs, failedAttemptPatch } from "./model/mirror/mirrorQueue";
import {
  createSignal,
  CUSTOMER_CHANNEL,
  deleteSignal,
  deliveryOf,
  editSignal,
  SECRET,
  setupMirror,
  SOURCE_CHANNEL,
  type Setup,
} from "./test.mirror";

const A = "mirror-a";
const B = "mirror-b";

async function claim(s: Setup, deliveryId: Id<"mirrorDeliveries">, owner = A) {
  return s.t.mutation(api.mirror.claim, { secret: SECRET, owner, deliveryId });
}

async function claimed(s: Setup, deliveryId: Id<"mirrorDeliveries">, owner = A) {
  const result = await claim(s, deliveryId, owner);
  if (result.status !== "claimed") throw new Error(`expected a claim, got ${result.status}`);
  return result.work;
}

describe("fan-out", () => {
  test("creates one pending row per enabled mapping with a stable nonce of at most 25 chars", async () => {
    const s = await setupMirror();
    const { signalId, row } = await s.t.run(async (ctx) => {
      await ctx.db.insert("channelMappings", {
        label: "off",
        sourceGuildId: "1000000000000000001",
        sourceChannelId: "1000000000000000010",
        customerGuildId: "2000000000000000001",
        customerChannelId: "2000000000000000011",
        tierKey: "vip",
        enabled: false,
        updatedAt: Date.now(),
      });
      const signalId = await createSignal(ctx);
      return { signalId, row: await deliveryOf(ctx, signalId) };
    });
    expect(row).toMatchObject({
      status: "pending",
      targetVersion: 1,
      syncedVersion: 0,
      customerChannelId: CUSTOMER_CHANNEL,
      attempts: 0,
      nonce: deliveryNonce(signalId, s.ids.mappingId, 0),
    });
    expect(row.nonce.length).toBeLessThanOrEqual(MAX_NONCE_LENGTH);
    expect(row.nonce).toMatch(/^[0-9a-z]+$/);
  });

  test("rapid edits coalesce into one row at the latest version; the worker renders the latest", async () => {
    const s = await setupMirror();
    const signalId = await s.t.run(async (ctx) => {
      const id = await createSignal(ctx, { content: "v1" });
      await editSignal(ctx, id, "v2");
      await editSignal(ctx, id, "v3");
      return id;
    });
    const row = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    expect(row.targetVersion).toBe(3);
    const work = await claimed(s, row._id);
    expect(work.version).toBe(3);
    expect(work.signal.content).toBe("v3");
  });

  test("a signal deleted before it was mirrored creates nothing, or settles without Discord", async () => {
    const s = await setupMirror();
    const signalId = await s.t.run(async (ctx) => {
      const id = await createSignal(ctx);
      await deleteSignal(ctx, id);
      return id;
    });
    const row = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    expect(await claim(s, row._id)).toEqual({ status: "settled" });
    expect(await s.t.run((ctx) => deliveryOf(ctx, signalId))).toMatchObject({
      status: "done",
      syncedVersion: 2,
    });
  });

  test("an edit during a lease keeps the row pending after complete, with the new target", async () => {
    const s = await setupMirror();
    const signalId = await s.t.run((ctx) => createSignal(ctx, { content: "v1" }));
    const row = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    const work = await claimed(s, row._id);
    await s.t.run((ctx) => editSignal(ctx, signalId, "v2"));
    const result = await s.t.mutation(api.mirror.complete, {
      secret: SECRET,
      owner: A,
      deliveryId: row._id,
      syncedVersion: work.version,
      customerMessageId: "2000000000000005555",
      updateNoteMessageId: null,
      renderedHash: "h1",
    });
    expect(result).toEqual({ ok: true, morePending: true });
    const after = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    expect(after).toMatchObject({
      status: "pending",
      syncedVersion: 1,
      targetVersion: 2,
      customerMessageId: "2000000000000005555",
    });
    const again = await claimed(s, row._id);
    expect(again).toMatchObject({ version: 2, customerMessageId: "2000000000000005555" });
  });
});

describe("leases", () => {
  test("two claimers: exactly one wins; the other gets busy until the lease expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const s = await setupMirror();
    const signalId = await s.t.run((ctx) => createSignal(ctx));
    const row = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    const [first, second] = await Promise.all([claim(s, row._id, A), claim(s, row._id, B)]);
    expect([first.status, second.status].sort()).toEqual(["busy", "claimed"]);
    const winner = first.status === "claimed" ? A : B;
    const loser = winner === A ? B : A;
    expect(await claim(s, row._id, loser)).toEqual({ status: "busy" });

    vi.setSystemTime(Date.now() + 61_000);
    const taken = await claim(s, row._id, loser);
    expect(taken.status).toBe("claimed");
    // The old holder can no longer acknowledge, but the message it created is not orphaned.
    const stale = await s.t.mutation(api.mirror.complete, {
      secret: SECRET,
      owner: winner,
      deliveryId: row._id,
      syncedVersion: 1,
      customerMessageId: "2000000000000007777",
      updateNoteMessageId: null,
      renderedHash: "h",
    });
    expect(stale.ok).toBe(false);
    expect(await s.t.run((ctx) => deliveryOf(ctx, signalId))).toMatchObject({
      status: "leased",
      leaseOwner: loser,
      customerMessageId: "2000000000000007777",
    });
  });

  test("the work query lists due pending rows and leases (due at their expiry), bounded", async () => {
    const s = await setupMirror();
    const ids = await s.t.run(async (ctx) => [await createSignal(ctx), await createSignal(ctx)]);
    const rows = await s.t.run(async (ctx) => Promise.all(ids.map((id) => deliveryOf(ctx, id))));
    const firstRow = rows[0];
    if (firstRow === undefined) throw new Error("no row");
    const work = await claimed(s, firstRow._id);
    const items = await s.t.query(api.mirror.work, { secret: SECRET });
    expect(items.map((item) => item.status).sort()).toEqual(["leased", "pending"]);
    expect(items.find((item) => item.status === "leased")).toMatchObject({
      deliveryId: firstRow._id,
      dueAt: work.leaseExpiresAt,
      leaseOwner: A,
      create: true,
      order: firstRow._creationTime,
    });
    expect(await s.t.query(api.mirror.work, { secret: SECRET, limit: 1 })).toHaveLength(2);
  });

  test("extend keeps a lease alive; release hands it back without counting an attempt", async () => {
    const s = await setupMirror();
    const signalId = await s.t.run((ctx) => createSignal(ctx));
    const row = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    const work = await claimed(s, row._id);
    const held = await s.t.mutation(api.mirror.extend, {
      secret: SECRET,
      owner: A,
      deliveryIds: [row._id],
      leaseMs: 120_000,
    });
    expect(held).toEqual([row._id]);
    expect(
      await s.t.mutation(api.mirror.extend, { secret: SECRET, owner: B, deliveryIds: [row._id] }),
    ).toEqual([]);
    const extended = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    expect(extended.leaseExpiresAt ?? 0).toBeGreaterThan(work.leaseExpiresAt);
    expect(await s.t.mutation(api.mirror.release, { secret: SECRET, owner: A })).toBe(1);
    expect(await s.t.run((ctx) => deliveryOf(ctx, signalId))).toMatchObject({
      status: "pending",
      attempts: 0,
    });
  });
});

describe("complete and fail", () => {
  test("complete records the message id, version and hash, clears the send marker, samples latency", async () => {
    const s = await setupMirror();
    const signalId = await s.t.run((ctx) => createSignal(ctx));
    const row = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    await claimed(s, row._id);
    const marked = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    expect(marked.sendStartedAt).toBeTypeOf("number");
    expect(marked.sendingVersion).toBe(1);
    await s.t.mutation(api.mirror.complete, {
      secret: SECRET,
      owner: A,
      deliveryId: row._id,
      syncedVersion: 1,
      customerMessageId: "2000000000000001234",
      updateNoteMessageId: null,
      renderedHash: "abc",
    });
    const done = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    expect(done).toMatchObject({
      status: "done",
      syncedVersion: 1,
      customerMessageId: "2000000000000001234",
      renderedHash: "abc",
    });
    expect(done.sendStartedAt).toBeUndefined();
    expect(done.sendingVersion).toBeUndefined();
    expect(done.sendingHash).toBeUndefined();
    expect(done.postedAt).toBeTypeOf("number");
    expect(done.botReceivedAt).toBeTypeOf("number");
    const hops = await s.t.run(async (ctx) =>
      (await ctx.db.query("latencySamples").take(10)).map((sample) => sample.hop).sort(),
    );
    expect(hops).toEqual(["committed_to_bot", "source_to_mirrored"]);
    expect(
      await s.t.query(api.mirror.knownMessages, {
        secret: SECRET,
        messageIds: ["2000000000000001234", "2000000000000009999"],
      }),
    ).toEqual(["2000000000000001234"]);
  });

  test("transient failure backs off with jitter and honours Retry-After; permanent parks the row", async () => {
    const s = await setupMirror();
    const signalId = await s.t.run((ctx) => createSignal(ctx));
    const row = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    await claimed(s, row._id);
    const before = Date.now();
    await s.t.mutation(api.mirror.fail, {
      secret: SECRET,
      owner: A,
      deliveryId: row._id,
      error: {
        kind: "transient",
        message: "503 Service Unavailable",
        code: 503,
        retryAfterMs: 7_000,
      },
    });
    const backedOff = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    expect(backedOff).toMatchObject({ status: "pending", attempts: 1, errorKind: "transient" });
    expect(backedOff.nextAttemptAt - before).toBeGreaterThanOrEqual(7_000);
    expect(await claim(s, row._id)).toEqual({ status: "busy" }); // not due yet

    await s.t.run((ctx) => ctx.db.patch("mirrorDeliveries", row._id, { nextAttemptAt: 0 }));
    await claimed(s, row._id);
    await s.t.mutation(api.mirror.fail, {
      secret: SECRET,
      owner: A,
      deliveryId: row._id,
      error: { kind: "permanent", message: "Missing Access", code: 50001 },
    });
    expect(await s.t.run((ctx) => deliveryOf(ctx, signalId))).toMatchObject({
      status: "failed",
      errorKind: "permanent",
      attempts: 2,
      lastError: "[50001] Missing Access",
    });
    expect(await claim(s, row._id)).toEqual({ status: "busy" });
    // A new version of the signal re-opens a failed row.
    await s.t.run((ctx) => editSignal(ctx, signalId, "fixed"));
    expect(await s.t.run((ctx) => deliveryOf(ctx, signalId))).toMatchObject({
      status: "pending",
      attempts: 0,
    });
  });

  test("only the lease holder can fail or forget", async () => {
    const s = await setupMirror();
    const signalId = await s.t.run((ctx) => createSignal(ctx));
    const row = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    await claimed(s, row._id, A);
    const error = { kind: "permanent" as const, message: "x" };
    expect(
      await s.t.mutation(api.mirror.fail, { secret: SECRET, owner: B, deliveryId: row._id, error }),
    ).toBe(false);
    expect(
      await s.t.mutation(api.mirror.forgetMessage, {
        secret: SECRET,
        owner: B,
        deliveryId: row._id,
        version: 1,
      }),
    ).toBeNull();
    expect((await s.t.run((ctx) => deliveryOf(ctx, signalId))).status).toBe("leased");
  });

  test("a vanished customer message is forgotten and re-created under a new nonce", async () => {
    const s = await setupMirror();
    const signalId = await s.t.run((ctx) => createSignal(ctx));
    const row = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    await s.t.run((ctx) =>
      ctx.db.patch("mirrorDeliveries", row._id, { customerMessageId: "2000000000000004444" }),
    );
    await claimed(s, row._id);
    // An update claim records no send: the message exists.
    expect((await s.t.run((ctx) => deliveryOf(ctx, signalId))).sendStartedAt).toBeUndefined();
    const nonce = await s.t.mutation(api.mirror.forgetMessage, {
      secret: SECRET,
      owner: A,
      deliveryId: row._id,
      version: 1,
    });
    expect(nonce).toBe(deliveryNonce(signalId, s.ids.mappingId, 1));
    expect(nonce).not.toBe(row.nonce);
    const after = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    expect(after.customerMessageId).toBeUndefined();
    expect(after.nonce).toBe(nonce);
    // The re-create follows at once: its start is recorded with the forget.
    expect(after.sendStartedAt).toBeTypeOf("number");
    expect(after.sendingVersion).toBe(1);
  });

  test("backoff grows exponentially, is jittered into [50%, 100%] and capped at 5 minutes", () => {
    expect(backoffMs(1, 1)).toBe(1_000);
    expect(backoffMs(1, 0)).toBe(500);
    expect(backoffMs(4, 1)).toBe(8_000);
    expect(backoffMs(30, 1)).toBe(300_000);
    expect(backoffMs(1, 0, 4_000)).toBe(4_000);
  });

  test("a failed attempt ends the lease: transient retries after the backoff, permanent parks", () => {
    const transient = failedAttemptPatch(
      2,
      { kind: "transient", message: "502", code: 502 },
      1_000,
      1,
    );
    expect(transient).toEqual({
      status: "pending",
      attempts: 3,
      nextAttemptAt: 1_000 + backoffMs(3, 1),
      lastError: "[502] 502",
      errorKind: "transient",
      leaseOwner: undefined,
      leaseExpiresAt: undefined,
    });
    const permanent = failedAttemptPatch(
      0,
      { kind: "permanent", message: "Missing Access", code: 50001 },
      1_000,
      1,
    );
    expect(permanent).toMatchObject({ status: "failed", attempts: 1, nextAttemptAt: 1_000 });
  });
});

describe("replies", () => {
  test("a reply waits for its parent, then points at the parent's customer message", async () => {
    const s = await setupMirror();
    const { parent, child } = await s.t.run(async (ctx) => {
      const parent = await createSignal(ctx, { content: "BTC long" });
      const child = await createSignal(ctx, { content: "TP1 hit", parentSignalId: parent });
      return { parent, child };
    });
    const parentRow = await s.t.run((ctx) => deliveryOf(ctx, parent));
    const childRow = await s.t.run((ctx) => deliveryOf(ctx, child));
    const deferred = await claim(s, childRow._id);
    expect(deferred.status).toBe("deferred");

    await claimed(s, parentRow._id);
    await s.t.mutation(api.mirror.complete, {
      secret: SECRET,
      owner: A,
      deliveryId: parentRow._id,
      syncedVersion: 1,
      customerMessageId: "2000000000000000777",
      updateNoteMessageId: null,
      renderedHash: "p",
    });
    await s.t.run((ctx) => ctx.db.patch("mirrorDeliveries", childRow._id, { nextAttemptAt: 0 }));
    const work = await claimed(s, childRow._id);
    expect(work.replyToCustomerMessageId).toBe("2000000000000000777");
  });
});

describe("send marker (crash recovery without a separate call)", () => {
  const message = (content: string, editedAt?: number) => ({
    messageId: "1300000000000099101",
    channelId: SOURCE_CHANNEL,
    guildId: "1000000000000000001",
    authorId: "1000000000000000099",
    authorName: "analyst",
    content,
    attachments: [],
    sourceAt: 1_700_000_000_000,
    receivedAt: 1_700_000_000_010,
    origin: "gateway" as const,
    ...(editedAt === undefined ? {} : { editedAt }),
  });

  async function failTransiently(s: Setup, deliveryId: Id<"mirrorDeliveries">) {
    await s.t.mutation(api.mirror.fail, {
      secret: SECRET,
      owner: A,
      deliveryId,
      error: { kind: "transient", message: "502 Bad Gateway", code: 502 },
    });
    await s.t.run((ctx) => ctx.db.patch("mirrorDeliveries", deliveryId, { nextAttemptAt: 0 }));
  }

  test("the claim of a create records the send start; the work it returns needs no recovery", async () => {
    const s = await setupMirror();
    const signalId = await s.t.run((ctx) => createSignal(ctx));
    const row = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    const work = await claimed(s, row._id);
    expect(work.sendStartedAt).toBeUndefined();
    expect(work.sendingSignal).toBeUndefined();
    const marked = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    expect(marked).toMatchObject({ status: "leased", sendingVersion: 1 });
    expect(marked.sendStartedAt).toBe(marked.botReceivedAt); // same transaction as the lease
  });

  test("a retry after an unrecorded create recovers with the first attempt's marker", async () => {
    const s = await setupMirror();
    const signalId = await s.t.run((ctx) => createSignal(ctx));
    const row = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    await claimed(s, row._id);
    const first = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    await failTransiently(s, row._id); // e.g. Discord answered 502: the post may exist or not
    const retry = await claimed(s, row._id);
    expect(retry.sendStartedAt).toBe(first.sendStartedAt);
    expect(retry.sendingSignal).toBeUndefined(); // same version: the current render is the orphan's
    // The first unrecorded attempt wins: the marker is not moved by the retry's claim.
    expect(await s.t.run((ctx) => deliveryOf(ctx, signalId))).toMatchObject({
      sendStartedAt: first.sendStartedAt,
      sendingVersion: 1,
    });
  });

  test("an edit between the attempts hands out what the first attempt rendered", async () => {
    const s = await setupMirror();
    const created = await s.t.mutation(api.ingest.upsertMessage, {
      secret: SECRET,
      message: message("BTC/USDT LONG entry 42000 TP 43000"),
    });
    const row = await s.t.run((ctx) => deliveryOf(ctx, created.signalId));
    const first = await claimed(s, row._id);
    expect(first.version).toBe(1);
    await failTransiently(s, row._id);
    await s.t.mutation(api.ingest.upsertMessage, {
      secret: SECRET,
      message: message("BTC/USDT LONG entry 42000 TP 44000", 1_700_000_001_000),
    });
    const retry = await claimed(s, row._id);
    expect(retry.version).toBe(2);
    expect(retry.signal.content).toBe("BTC/USDT LONG entry 42000 TP 44000");
    expect(retry.sendStartedAt).toBeTypeOf("number");
    expect(retry.sendingSignal).toEqual({
      version: 1,
      content: "BTC/USDT LONG entry 42000 TP 43000",
      parsed: first.signal.parsed,
      summary: first.signal.summary,
      attachments: [],
      omittedAttachments: [],
    });
  });

  test("a signal deleted after an unrecorded create is claimed for clean-up, not settled", async () => {
    const s = await setupMirror();
    const signalId = await s.t.run((ctx) => createSignal(ctx));
    const row = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    await claimed(s, row._id);
    await failTransiently(s, row._id);
    await s.t.run((ctx) => deleteSignal(ctx, signalId));
    await s.t.run((ctx) => ctx.db.patch("mirrorDeliveries", row._id, { nextAttemptAt: 0 }));
    const cleanup = await claimed(s, row._id);
    expect(cleanup.signal.deleted).toBe(true);
    expect(cleanup.sendStartedAt).toBeTypeOf("number");
    // A delete does not start a send: the marker still names the create it may have to remove.
    expect((await s.t.run((ctx) => deliveryOf(ctx, signalId))).sendingVersion).toBe(1);
  });

  test("a reply waiting for its parent records no send until it is really claimed", async () => {
    const s = await setupMirror();
    const child = await s.t.run(async (ctx) => {
      const parent = await createSignal(ctx, { content: "BTC long" });
      return createSignal(ctx, { content: "TP1 hit", parentSignalId: parent });
    });
    const childRow = await s.t.run((ctx) => deliveryOf(ctx, child));
    expect((await claim(s, childRow._id)).status).toBe("deferred");
    expect((await s.t.run((ctx) => deliveryOf(ctx, child))).sendStartedAt).toBeUndefined();
  });
});

describe("authorization", () => {
  test("every service function refuses a wrong secret", async () => {
    const s = await setupMirror();
    const signalId = await s.t.run((ctx) => createSignal(ctx));
    const row = await s.t.run((ctx) => deliveryOf(ctx, signalId));
    const secret = "wrong";
    const deliveryId = row._id;
    const calls = [
      () => s.t.query(api.mirror.work, { secret }),
      () => s.t.query(api.mirror.knownMessages, { secret, messageIds: [] }),
      () => s.t.mutation(api.mirror.claim, { secret, owner: A, deliveryId }),
      () =>
        s.t.mutation(api.mirror.complete, {
          secret,
          owner: A,
          deliveryId,
          syncedVersion: 1,
          customerMessageId: null,
          updateNoteMessageId: null,
          renderedHash: null,
        }),
      () => s.t.mutation(api.mirror.forgetMessage, { secret, owner: A, deliveryId, version: 1 }),
      () =>
        s.t.mutation(api.mirror.fail, {
          secret,
          owner: A,
          deliveryId,
          error: { kind: "transient", message: "x" },
        }),
      () => s.t.mutation(api.mirror.extend, { secret, owner: A, deliveryIds: [] }),
      () => s.t.mutation(api.mirror.release, { secret, owner: A }),
      () =>
        s.t.mutation(api.mirror.heartbeat, {
          secret,
          instanceId: A,
          startedAt: 0,
          details: { guildId: "1", gatewayReady: true, inFlight: 0, paidRoles: [] },
        }),
    ];
    for (const call of calls) await expect(call()).rejects.toThrow(/Invalid service secret/);
    // Signed-in users (customer or admin) are no service either.
    for (const caller of [s.as(s.ids.customer), s.as(s.ids.admin)]) {
      await expect(caller.query(api.mirror.work, { secret })).rejects.toThrow(
        /Invalid service secret/,
      );
    }
    expect((await s.t.run((ctx) => deliveryOf(ctx, signalId))).status).toBe("pending");
  });
});

describe("ingest hook", () => {
  test("ingest.upsertMessage and deleteMessages fan out in the same transaction", async () => {
    const s = await setupMirror();
    const message = {
      messageId: "1300000000000099001",
      channelId: SOURCE_CHANNEL,
      guildId: "1000000000000000001",
      authorId: "1000000000000000099",
      authorName: "analyst",
      content: "ETH short 3000",
      attachments: [],
      sourceAt: Date.now() - 100,
      receivedAt: Date.now() - 10,
      origin: "gateway" as const,
    };
    const created = await s.t.mutation(api.ingest.upsertMessage, { secret: SECRET, message });
    expect(await s.t.run((ctx) => deliveryOf(ctx, created.signalId))).toMatchObject({
      status: "pending",
      targetVersion: 1,
    });
    await s.t.mutation(api.ingest.upsertMessage, {
      secret: SECRET,
      message: { ...message, content: "ETH short 3050", editedAt: Date.now() },
    });
    // A replay changes nothing.
    await s.t.mutation(api.ingest.upsertMessage, {
      secret: SECRET,
      message: { ...message, content: "ETH short 3050", editedAt: Date.now() },
    });
    expect((await s.t.run((ctx) => deliveryOf(ctx, created.signalId))).targetVersion).toBe(2);
    await s.t.mutation(api.ingest.deleteMessages, {
      secret: SECRET,
      channelId: SOURCE_CHANNEL,
      messageIds: [message.messageId],
    });
    expect((await s.t.run((ctx) => deliveryOf(ctx, created.signalId))).targetVersion).toBe(3);
  });
});
