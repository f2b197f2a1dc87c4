import { beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import { LIVE_PASS_WINDOW_MS } from "./model/feed/livePass";
import {
  DAY,
  HOUR,
  T0,
  TIER,
  type TestConvex,
  deliver,
  insertUser,
  settle,
  setupPayments,
} from "./test.sellapp";
import { insertSignal } from "./test.roles";
import { signedInAs } from "./test.sessions";

beforeEach(() => {
  vi.stubEnv("JWT_PRIVATE_KEY", "-----BEGIN PRIVATE KEY----- test-key -----END PRIVATE KEY-----");
});

type Caller = Pick<TestConvex, "query" | "mutation">;

async function passFor(caller: Caller) {
  const issued = await caller.mutation(api.feed.livePass, {});
  if (issued.locked) throw new Error(`expected a pass, got ${issued.reason}`);
  return issued.pass;
}

/** Two paying buyers of the tier (separate orders) and an anonymous client. */
async function twoBuyers() {
  const { t, admin } = await setupPayments();
  const payer = await insertUser(t, "payer@example.com", true);
  const other = await insertUser(t, "other@example.com", true);
  await deliver(t, "order.completed", {
    email: "payer@example.com",
    orderId: "11",
    occurredAt: T0,
  });
  await deliver(t, "order.completed", {
    email: "other@example.com",
    orderId: "22",
    occurredAt: T0,
  });
  return {
    t,
    admin,
    payer: (await signedInAs(t, payer)) as Caller,
    other: (await signedInAs(t, other)) as Caller,
    anonymous: t as Caller,
  };
}

describe("live pass revocation", () => {
  test("a dispute kills a pass taken before it at once, also in an anonymous client's hands", async () => {
    const { t, payer, other, anonymous } = await twoBuyers();
    await insertSignal(t, { content: "before the dispute" });
    const shared = await passFor(payer);
    expect(await anonymous.query(api.feed.live, { pass: shared })).toMatchObject({ ok: true });

    await deliver(t, "order.disputed", {
      email: "payer@example.com",
      orderId: "11",
      occurredAt: T0 + HOUR,
    });
    await insertSignal(t, { content: "after the dispute" });
    for (const caller of [anonymous, payer]) {
      const result = await caller.query(api.feed.live, { pass: shared });
      expect(result).toEqual({ ok: false, reason: "revoked" });
    }
    // The gate decides again: the disputed payer is locked, the other buyer gets a fresh pass
    // (identical for every remaining reader) that shows the new signal.
    expect(await payer.mutation(api.feed.livePass, {})).toMatchObject({ locked: true });
    const fresh = await passFor(other);
    expect(fresh.epoch).toBe(shared.epoch + 1);
    const live = await anonymous.query(api.feed.live, { pass: fresh });
    if (!live.ok) throw new Error(`expected the live head, got ${live.reason}`);
    expect(live.cards[0]?.content).toBe("after the dispute");
  });

  test("an admin revoke bumps the tier's epoch; a grant or an extension does not", async () => {
    const { t, admin, payer, other } = await twoBuyers();
    const pass = await passFor(other);
    await deliver(t, "order.completed", {
      email: "other@example.com",
      orderId: "33",
      occurredAt: T0 + HOUR,
    });
    expect(await t.query(api.feed.live, { pass })).toMatchObject({ ok: true });

    const payerId = (await t.run((ctx) => ctx.db.query("users").collect())).find(
      (user) => user.email === "payer@example.com",
    )?._id;
    const row = await t.run((ctx) =>
      ctx.db
        .query("entitlements")
        .withIndex("by_user_and_tier", (q) => q.eq("userId", payerId).eq("tierKey", TIER))
        .first(),
    );
    if (row === null) throw new Error("expected the payer's entitlement");
    await admin.mutation(api.entitlementAdmin.revoke, { entitlementId: row._id, reason: "fraud" });
    expect(await t.query(api.feed.live, { pass })).toEqual({ ok: false, reason: "revoked" });
    expect(await payer.mutation(api.feed.livePass, {})).toMatchObject({ locked: true });
  });

  test("access that lapses on its own while a pass is out invalidates the tier's passes then", async () => {
    const { t, other } = await twoBuyers();
    // A 30-day order bought at T0 ends at T0 + 30 days; take a pass a few seconds before.
    vi.setSystemTime(T0 + 30 * DAY - 5_000);
    const pass = await passFor(other);
    expect(pass.expiresAt).toBeGreaterThan(T0 + 30 * DAY);
    expect(await t.query(api.feed.live, { pass })).toMatchObject({ ok: true });
    vi.setSystemTime(T0 + 30 * DAY + 1);
    await settle(t);
    expect(await t.query(api.feed.live, { pass })).toEqual({ ok: false, reason: "revoked" });
    // A second scheduled bump for the same lapse (a renewal just before it) does nothing.
    expect(
      await t.mutation(internal.livePassEpochs.bumpAfterLapse, {
        tierKey: TIER,
        lapsedAt: T0 + 30 * DAY,
      }),
    ).toEqual({ bumped: false });
  });

  test("the epoch is signed: a pass with the current epoch pasted in is refused", async () => {
    const { t, payer, other } = await twoBuyers();
    const pass = await passFor(other);
    await deliver(t, "order.disputed", {
      email: "payer@example.com",
      orderId: "11",
      occurredAt: T0 + HOUR,
    });
    const pasted = { ...pass, epoch: pass.epoch + 1 };
    expect(await t.query(api.feed.live, { pass: pasted })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await payer.mutation(api.feed.livePass, {})).toMatchObject({ locked: true });
  });

  test("a pass lives at most two 30 s windows: a copy the payer stops renewing dies within a minute", async () => {
    const { other } = await twoBuyers();
    const pass = await passFor(other);
    expect(LIVE_PASS_WINDOW_MS).toBe(30_000);
    expect(pass.expiresAt - Date.now()).toBeLessThanOrEqual(2 * LIVE_PASS_WINDOW_MS);
  });
});
