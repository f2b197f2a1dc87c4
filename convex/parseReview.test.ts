import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { auditByAction } from "./test.audit";
import {
  CONFIDENT,
  SERVICE_SECRET,
  SHAKY,
  deliveriesOf,
  markMirrored,
  post,
  setupParsing,
  signalDoc,
} from "./test.parsing";
import { expectCode, type Caller } from "./test.roles";

/** A correct reading of SHAKY: ETH/USDT long, entry 2350, targets 2400/2450, stop 2300, 5× isolated. */
const FIXED = {
  kind: "signal" as const,
  base: "eth",
  quote: "USDT",
  side: "long" as const,
  entries: [2350],
  targets: [2400, 2450],
  stopLoss: 2300,
  leverage: 5,
  marginMode: "isolated" as const,
};

async function cardOf(caller: Caller, signalId: Id<"signals">) {
  const page = await caller.query(api.feed.list, {
    paginationOpts: { numItems: 20, cursor: null },
  });
  const card = page.page.find((item) => item.id === signalId);
  if (card === undefined) throw new Error("card not in the feed");
  return card;
}

async function openReviews(admin: Caller) {
  const page = await admin.query(api.parseReview.list, {
    view: "open",
    paginationOpts: { numItems: 20, cursor: null },
  });
  return page.page;
}

async function claimSummary(caller: Caller, deliveryId: Id<"mirrorDeliveries">) {
  const claim = await caller.mutation(api.mirror.claim, {
    secret: SERVICE_SECRET,
    owner: "mirror-test",
    deliveryId,
  });
  if (claim.status !== "claimed") throw new Error(`claim: ${claim.status}`);
  return claim.work.signal;
}

describe("low-confidence signals", () => {
  test("are listed for review, and neither the card nor the mirror shows their levels", async () => {
    const { t, admin, withAccess } = await setupParsing();
    const shaky = await post(t, SHAKY);
    const confident = await post(t, CONFIDENT);
    expect((await cardOf(withAccess, shaky.signalId)).parseStatus).toBe("low_confidence");
    expect((await cardOf(withAccess, confident.signalId)).parseStatus).toBe("parser");
    const open = await openReviews(admin);
    expect(open.map((item) => [item.id, item.reviewReason])).toEqual([
      [shaky.signalId, "low_confidence"],
    ]);
    const [delivery] = await deliveriesOf(t, shaky.signalId);
    if (delivery === undefined) throw new Error("no delivery");
    const mirrored = await claimSummary(t, delivery._id);
    expect(mirrored.summary).toBe("⚠️ Levels not read with confidence: check the message above");
    expect(mirrored.content).toBe(SHAKY);
  });
});

describe("parseReview authorization", () => {
  test("only admins may list, correct or resolve, whoever the arguments name", async () => {
    const { t, anonymous, noAccess, withAccess } = await setupParsing();
    const { signalId } = await post(t, SHAKY);
    for (const [caller, code] of [
      [anonymous, "UNAUTHENTICATED"],
      [noAccess, "FORBIDDEN"],
      [withAccess, "FORBIDDEN"],
    ] as const) {
      await expectCode(
        caller.query(api.parseReview.list, {
          view: "open",
          paginationOpts: { numItems: 5, cursor: null },
        }),
        code,
      );
      await expectCode(
        caller.mutation(api.parseReview.correct, { signalId, expectedVersion: 1, fields: FIXED }),
        code,
      );
      await expectCode(
        caller.mutation(api.parseReview.resolve, { signalId, expectedVersion: 1, keep: "parser" }),
        code,
      );
    }
    const doc = await signalDoc(t, signalId);
    expect(doc.correction).toBeUndefined();
    expect(await auditByAction(t, "signal.correct")).toEqual([]);
  });
});

describe("an admin's correction", () => {
  test("is validated field by field; nothing is saved when one is wrong", async () => {
    const { t, admin } = await setupParsing();
    const { signalId } = await post(t, SHAKY);
    const wrong = [
      { ...FIXED, stopLoss: 2400 }, // a long's stop above its entry
      { ...FIXED, targets: [2300] }, // a long's target below its entry
      { ...FIXED, entries: [0] },
      { ...FIXED, entries: [Number.POSITIVE_INFINITY] },
      { ...FIXED, targets: [2400, 99_000] }, // more than 10× apart
      { ...FIXED, base: undefined }, // a quote without a base, a signal without a coin
      { ...FIXED, base: "ETH<script>" },
      { ...FIXED, leverage: 500 },
      { ...FIXED, leverage: undefined }, // a margin mode without leverage
      { ...FIXED, side: undefined },
      { ...FIXED, entryType: "zone" as const }, // a zone of one price
    ];
    for (const fields of wrong) {
      await expectCode(
        admin.mutation(api.parseReview.correct, { signalId, expectedVersion: 1, fields }),
        "BAD_REQUEST",
      );
    }
    expect((await signalDoc(t, signalId)).correction).toBeUndefined();
    expect(await auditByAction(t, "signal.correct")).toEqual([]);
  });

  test("is shown instead of the parser's reading, live, audited, with the raw text untouched", async () => {
    const { t, admin, withAccess, ids } = await setupParsing();
    const { signalId } = await post(t, SHAKY);
    await markMirrored(t, signalId);
    const machine = (await signalDoc(t, signalId)).parsed;

    const result = await admin.mutation(api.parseReview.correct, {
      signalId,
      expectedVersion: 1,
      fields: FIXED,
      reason: "quote and stop from the chart",
    });

    const card = await cardOf(withAccess, signalId);
    expect(card.parseStatus).toBe("corrected");
    expect(card.content).toBe(SHAKY);
    expect(card.pair).toBe("ETH/USDT");
    expect(card.parsed).toMatchObject({
      symbol: { base: "ETH", quote: "USDT" },
      side: "long",
      entries: [2350],
      targets: [2400, 2450],
      stopLoss: 2300,
      leverage: { value: 5, mode: "isolated" },
    });
    const doc = await signalDoc(t, signalId);
    expect(doc.parsed).toEqual(machine); // the parser's reading is kept beside it
    expect(doc.content).toBe(SHAKY);
    expect(doc.version).toBe(1);
    expect(await openReviews(admin)).toEqual([]);
    const corrected = await admin.query(api.parseReview.list, {
      view: "corrected",
      paginationOpts: { numItems: 5, cursor: null },
    });
    expect(corrected.page.map((item) => [item.id, item.correction?.byEmail])).toEqual([
      [signalId, "admin@example.com"],
    ]);

    const [audit] = await auditByAction(t, "signal.correct");
    expect(audit).toMatchObject({
      actorType: "admin",
      actorUserId: ids.admin,
      targetType: "signal",
      targetId: signalId,
      reason: "quote and stop from the chart",
    });
    const details = JSON.parse(audit?.details ?? "{}") as Record<string, Record<string, unknown>>;
    expect(details).toMatchObject({
      version: 1,
      before: { symbol: "ETH", entries: [2350], targets: [2400] },
      after: { symbol: "ETH/USDT", stopLoss: 2300 },
    });
    expect(details.before?.stopLoss).toBeUndefined();

    // The mirrored message shows another summary now: it goes back to the mirror, once.
    expect(result.mirrorRequeued).toBe(1);
    const [delivery] = await deliveriesOf(t, signalId);
    expect(delivery?.status).toBe("pending");
    if (delivery === undefined) throw new Error("no delivery");
    const mirrored = await claimSummary(t, delivery._id);
    expect(mirrored.summary).toBe(
      "LONG ETH/USDT · entry 2350 · 2 targets · SL 2300 · 5x isolated · checked by an admin",
    );
  });

  test("that changes nothing the mirror shows queues no mirror edit", async () => {
    const { t, admin } = await setupParsing();
    const { signalId } = await post(t, SHAKY);
    await admin.mutation(api.parseReview.correct, { signalId, expectedVersion: 1, fields: FIXED });
    await markMirrored(t, signalId);
    // The same reading again (an admin re-confirms it): the summary is the same.
    const again = await admin.mutation(api.parseReview.correct, {
      signalId,
      expectedVersion: 1,
      fields: FIXED,
    });
    expect(again.mirrorRequeued).toBe(0);
    expect((await deliveriesOf(t, signalId)).map((row) => row.status)).toEqual(["done"]);
  });

  test("is refused when the analyst edited the message since the admin read it", async () => {
    const { t, admin } = await setupParsing();
    const { signalId, messageId } = await post(t, SHAKY);
    await post(t, `${SHAKY} SL 2300`, { messageId, editedAt: 1_700_000_100_000 });
    await expectCode(
      admin.mutation(api.parseReview.correct, { signalId, expectedVersion: 1, fields: FIXED }),
      "CONFLICT",
    );
    expect((await signalDoc(t, signalId)).correction).toBeUndefined();
  });
});

describe("an analyst's edit after a correction", () => {
  test("keeps the correction, flags the conflict on the card and in the list, until resolved", async () => {
    const { t, admin, withAccess } = await setupParsing();
    const { signalId, messageId } = await post(t, SHAKY);
    await admin.mutation(api.parseReview.correct, { signalId, expectedVersion: 1, fields: FIXED });
    await markMirrored(t, signalId);

    const edited = "ETH long 2350 TP 2400 2450, SL 2310";
    await post(t, edited, { messageId, editedAt: 1_700_000_100_000 });

    const doc = await signalDoc(t, signalId);
    expect(doc.content).toBe(edited);
    expect(doc.correction?.version).toBe(1);
    expect(doc.parsed.parserVersion).toBeTypeOf("string");
    const card = await cardOf(withAccess, signalId);
    expect(card.parseStatus).toBe("edited_after_correction");
    expect(card.version).toBe(2);
    const [open] = await openReviews(admin);
    expect(open).toMatchObject({ id: signalId, reviewReason: "edited_after_correction" });
    const [delivery] = await deliveriesOf(t, signalId);
    if (delivery === undefined) throw new Error("no delivery");
    expect(delivery.targetVersion).toBe(2);
    expect((await claimSummary(t, delivery._id)).summary).toBe(
      "⚠️ Edited by the author after an admin correction: check the message above",
    );

    // Resolved by keeping the correction (now for version 2): levels are shown again.
    await admin.mutation(api.parseReview.resolve, {
      signalId,
      expectedVersion: 2,
      keep: "correction",
    });
    expect((await cardOf(withAccess, signalId)).parseStatus).toBe("corrected");
    expect((await signalDoc(t, signalId)).correction?.version).toBe(2);
    expect(await openReviews(admin)).toEqual([]);
    expect(await auditByAction(t, "signal.correction_kept")).toHaveLength(1);
  });

  test("resolved by the parser's reading drops the correction (and flags it again if shaky)", async () => {
    const { t, admin, withAccess } = await setupParsing();
    const { signalId, messageId } = await post(t, SHAKY);
    await admin.mutation(api.parseReview.correct, { signalId, expectedVersion: 1, fields: FIXED });
    await post(t, CONFIDENT, { messageId, editedAt: 1_700_000_100_000 });
    await admin.mutation(api.parseReview.resolve, { signalId, expectedVersion: 2, keep: "parser" });
    const card = await cardOf(withAccess, signalId);
    expect(card.parseStatus).toBe("parser");
    expect(card.pair).toBe("BTC/USDT");
    expect((await signalDoc(t, signalId)).correction).toBeUndefined();
    expect(await auditByAction(t, "signal.correction_dropped")).toHaveLength(1);

    const shaky = await post(t, SHAKY);
    await admin.mutation(api.parseReview.correct, {
      signalId: shaky.signalId,
      expectedVersion: 1,
      fields: FIXED,
    });
    await admin.mutation(api.parseReview.resolve, {
      signalId: shaky.signalId,
      expectedVersion: 1,
      keep: "parser",
    });
    expect((await cardOf(withAccess, shaky.signalId)).parseStatus).toBe("low_confidence");
    expect((await openReviews(admin)).map((item) => item.reviewReason)).toEqual(["low_confidence"]);
  });
});

describe("a correction while the mirror holds the lease", () => {
  test("is rendered once more after that worker completes (its render had the old summary)", async () => {
    const { t, admin } = await setupParsing();
    const { signalId } = await post(t, SHAKY);
    await markMirrored(t, signalId);
    const [row] = await deliveriesOf(t, signalId);
    if (row === undefined) throw new Error("no delivery");
    await t.run((ctx) => ctx.db.patch("mirrorDeliveries", row._id, { status: "pending" }));
    const before = await claimSummary(t, row._id); // the worker renders the shaky summary…
    expect(before.summary).toMatch(/^⚠️/);
    await admin.mutation(api.parseReview.correct, { signalId, expectedVersion: 1, fields: FIXED });
    const ack = await t.mutation(api.mirror.complete, {
      secret: SERVICE_SECRET,
      owner: "mirror-test",
      deliveryId: row._id,
      syncedVersion: 1,
      customerMessageId: row.customerMessageId ?? null,
      updateNoteMessageId: null,
      renderedHash: "old.files",
    });
    expect(ack).toEqual({ ok: true, morePending: true }); // …so it is not done yet
    const after = await claimSummary(t, row._id);
    expect(after.summary).toMatch(/checked by an admin$/);
    await t.mutation(api.mirror.complete, {
      secret: SERVICE_SECRET,
      owner: "mirror-test",
      deliveryId: row._id,
      syncedVersion: 1,
      customerMessageId: row.customerMessageId ?? null,
      updateNoteMessageId: null,
      renderedHash: "new.files",
    });
    expect((await deliveriesOf(t, signalId)).map((d) => d.status)).toEqual(["done"]);
  });
});
