import { beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import { LIVE_HEAD_SIZE } from "./feed";
import { LIVE_PASS_WINDOW_MS, livePassExpiry } from "./model/feed/livePass";
import { TIER, insertSignal, setupRoles } from "./test.roles";
import { signedInAs } from "./test.sessions";

beforeEach(() => {
  vi.stubEnv("JWT_PRIVATE_KEY", "-----BEGIN PRIVATE KEY----- test-key -----END PRIVATE KEY-----");
});

async function passFor(caller: Awaited<ReturnType<typeof setupRoles>>["withAccess"]) {
  const result = await caller.mutation(api.feed.livePass, {});
  if (result.locked) throw new Error("expected a pass");
  return result.pass;
}

describe("feed.livePass", () => {
  test("only readers of a tier get a pass; others get the locked reason, no pass", async () => {
    const { anonymous, noAccess, admin, withAccess } = await setupRoles();
    expect(await anonymous.mutation(api.feed.livePass, {})).toMatchObject({
      locked: true,
      reason: "signed_out",
    });
    expect(await noAccess.mutation(api.feed.livePass, {})).toMatchObject({
      locked: true,
      reason: "no_access",
    });
    expect((await admin.mutation(api.feed.livePass, {})).locked).toBe(true);
    expect(await withAccess.mutation(api.feed.livePass, { tierKey: "whale" })).toMatchObject({
      locked: true,
      reason: "no_access",
    });
    const issued = await withAccess.mutation(api.feed.livePass, {});
    if (issued.locked) throw new Error("expected a pass");
    expect(issued.pass.tierKey).toBe(TIER);
    expect(issued.pass.expiresAt).toBe(livePassExpiry(Date.now()));
    expect(issued.renewAt).toBe(issued.pass.expiresAt - LIVE_PASS_WINDOW_MS);
  });

  test("every reader of a tier gets the same pass within a window (one shared live query)", async () => {
    const { t, withAccess } = await setupRoles();
    const other = await t.run(async (ctx) => {
      const userId = await ctx.db.insert("users", {
        email: "other@example.com",
        emailVerificationTime: Date.now(),
      });
      const customerId = await ctx.db.insert("customers", { email: "other@example.com", userId });
      await ctx.db.insert("entitlements", {
        customerId,
        userId,
        tierKey: TIER,
        source: "subscription",
        sourceId: "sub_2",
        status: "active",
        accessUntil: Date.now() + 30 * 86_400_000,
        updatedAt: Date.now(),
      });
      return userId;
    });
    vi.useFakeTimers({ now: 10 * LIVE_PASS_WINDOW_MS + 5 });
    const first = await passFor(withAccess);
    const second = await passFor(await signedInAs(t, other));
    expect(second).toEqual(first);
    vi.setSystemTime(11 * LIVE_PASS_WINDOW_MS);
    expect((await passFor(withAccess)).expiresAt).toBe(first.expiresAt + LIVE_PASS_WINDOW_MS);
  });
});

describe("feed.live", () => {
  test("with a valid pass: the tier's newest signals, newest first, capped, filters by index", async () => {
    const { t, withAccess, anonymous } = await setupRoles();
    const ids = [];
    for (let i = 0; i < LIVE_HEAD_SIZE + 2; i++) ids.push(await insertSignal(t));
    const eth = await insertSignal(t, { pair: "ETH/USDT", side: "short", content: "eth short" });
    await insertSignal(t, { tierKey: "whale", content: "whale only" });
    const pass = await passFor(withAccess);
    // The pass is the proof: it works for whoever holds it, without reading the caller.
    const result = await anonymous.query(api.feed.live, { pass });
    if (!result.ok) throw new Error(`expected the live head, got ${result.reason}`);
    expect(result.tierKey).toBe(TIER);
    expect(result.cards).toHaveLength(LIVE_HEAD_SIZE);
    expect(result.complete).toBe(false);
    expect(result.cards[0]?.id).toBe(eth);
    expect(result.cards[1]?.id).toBe(ids.at(-1));
    expect(JSON.stringify(result)).not.toContain("whale only");
    const filtered = await anonymous.query(api.feed.live, {
      pass,
      filters: { pair: "ETH/USDT", side: "short" },
    });
    expect(filtered).toMatchObject({ ok: true, complete: true });
    expect(filtered.ok && filtered.cards.map((card) => card.id)).toEqual([eth]);
  });

  test("cards carry what a card shows, not the signal's bookkeeping", async () => {
    const { t, withAccess, anonymous } = await setupRoles();
    await insertSignal(t);
    const result = await anonymous.query(api.feed.live, { pass: await passFor(withAccess) });
    if (!result.ok) throw new Error(`expected the live head, got ${result.reason}`);
    const [card] = result.cards;
    // Every viewer's client converts every value of the head on every new signal: none to spare.
    for (const field of ["tierKey", "sourceChannelId", "committedAt"]) {
      expect(card).not.toHaveProperty(field);
    }
    for (const field of ["confidence", "errors", "parserVersion"]) {
      expect(card?.parsed).not.toHaveProperty(field);
    }
    expect(card?.parsed.entries.length).toBeGreaterThan(0);
  });

  test("a forged, altered or expired pass gets no content", async () => {
    const { t, withAccess, anonymous } = await setupRoles();
    await insertSignal(t, { content: "secret call" });
    await insertSignal(t, { tierKey: "whale", content: "whale only" });
    const pass = await passFor(withAccess);
    const forged = { ...pass, signature: "0".repeat(64) };
    const otherTier = { ...pass, tierKey: "whale" };
    const extended = { ...pass, expiresAt: pass.expiresAt + LIVE_PASS_WINDOW_MS };
    for (const bad of [forged, otherTier, extended]) {
      const result = await anonymous.query(api.feed.live, { pass: bad });
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    vi.useFakeTimers({ now: pass.expiresAt });
    const expired = await anonymous.query(api.feed.live, { pass });
    expect(expired).toEqual({ ok: false, reason: "expired" });
    expect(JSON.stringify(expired)).not.toContain("secret call");
  });

  test("without the signing key the pass is refused with a message that says what to set", async () => {
    const { withAccess } = await setupRoles();
    vi.stubEnv("JWT_PRIVATE_KEY", "");
    await expect(withAccess.mutation(api.feed.livePass, {})).rejects.toThrow(/JWT_PRIVATE_KEY/);
  });
});
