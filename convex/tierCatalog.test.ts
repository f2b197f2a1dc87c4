import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { insertUser, setupPayments, type TestConvex } from "./test.sellapp";
import { signedInAs } from "./test.sessions";

async function customer(t: TestConvex) {
  const id = await insertUser(t, "member@example.com", true);
  return await signedInAs(t, id);
}

async function auditActions(t: TestConvex) {
  return (await t.run((ctx) => ctx.db.query("auditLog").collect())).map((entry) => entry.action);
}

const PRO = {
  key: "pro",
  name: "Pro",
  description: "Every call, live.",
  features: ["  Live web feed ", "", "Discord mirror"],
  priceLabel: " $49 / month ",
  purchaseUrl: "https://sell.app/p/g3-pro",
  graceHours: 24,
};

describe("tier catalogue (admin)", () => {
  test("pricing fields are trimmed and stored; rename keeps the key, order and retirement", async () => {
    const { t, admin } = await setupPayments({ map: false });
    await admin.mutation(api.tiers.upsertTier, PRO);
    await admin.mutation(api.tiers.setTierRetired, { key: "pro", retired: true });
    await admin.mutation(api.tiers.upsertTier, { ...PRO, name: "Pro Trader" });
    const pro = (await admin.query(api.tiers.list, {})).tiers.find((tier) => tier.key === "pro");
    expect(pro).toMatchObject({
      name: "Pro Trader",
      features: ["Live web feed", "Discord mirror"],
      priceLabel: "$49 / month",
      sortOrder: 0,
    });
    expect(pro?.retiredAt).toBeTypeOf("number");
    expect(await auditActions(t)).toEqual(["tier.create", "tier.retire", "tier.update"]);
  });

  test("refuses bad input with a clear message and stores nothing", async () => {
    const { t, admin } = await setupPayments({ map: false });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ features: Array.from({ length: 13 }, (_, i) => `f${i}`) }, /At most 12 features/],
      [{ features: ["x".repeat(141)] }, /Each feature/],
      [{ description: "d".repeat(601) }, /Description/],
      [{ priceLabel: "p".repeat(41) }, /Price shown/],
      [{ name: "   " }, /Give the tier a name/],
      [{ discordRoleId: "<@&123>" }, /Discord role id/],
      [{ purchaseUrl: "http://sell.app/p" }, /Purchase URL must be an https/],
    ];
    for (const [patch, message] of cases) {
      await expect(admin.mutation(api.tiers.upsertTier, { ...PRO, ...patch })).rejects.toThrow(
        message,
      );
    }
    expect(await t.run((ctx) => ctx.db.query("tiers").collect())).toHaveLength(1); // the seeded vip
    expect(await auditActions(t)).toEqual([]);
  });

  test("moveTier swaps neighbours (numbering tiers that predate ordering) and is audited", async () => {
    const { t, admin } = await setupPayments({ map: false });
    await admin.mutation(api.tiers.upsertTier, PRO);
    await admin.mutation(api.tiers.upsertTier, { ...PRO, key: "elite", name: "Elite" });
    const order = async () => (await admin.query(api.tiers.list, {})).tiers.map((x) => x.key);
    expect(await order()).toEqual(["vip", "pro", "elite"]);
    await admin.mutation(api.tiers.moveTier, { key: "elite", direction: "up" });
    expect(await order()).toEqual(["vip", "elite", "pro"]);
    await admin.mutation(api.tiers.moveTier, { key: "vip", direction: "down" });
    expect(await order()).toEqual(["elite", "vip", "pro"]);
    await admin.mutation(api.tiers.moveTier, { key: "elite", direction: "up" }); // already first
    expect(await order()).toEqual(["elite", "vip", "pro"]);
    expect((await auditActions(t)).filter((a) => a === "tier.reorder")).toHaveLength(2);
    await expect(
      admin.mutation(api.tiers.moveTier, { key: "nope", direction: "up" }),
    ).rejects.toThrow(/No tier/);
  });

  test("anonymous callers and customers get nothing from the admin functions", async () => {
    const { t } = await setupPayments({ map: false });
    const member = await customer(t);
    for (const caller of [t, member]) {
      const refused = caller === t ? /Sign in/ : /Admins only/;
      await expect(caller.query(api.tiers.list, {})).rejects.toThrow(refused);
      await expect(caller.mutation(api.tiers.upsertTier, PRO)).rejects.toThrow(refused);
      await expect(
        caller.mutation(api.tiers.setTierRetired, { key: "vip", retired: true }),
      ).rejects.toThrow(refused);
      await expect(
        caller.mutation(api.tiers.moveTier, { key: "vip", direction: "down" }),
      ).rejects.toThrow(refused);
      await expect(caller.query(api.unmappedProducts.list, {})).rejects.toThrow(refused);
    }
    expect(await auditActions(t)).toEqual([]);
  });
});

describe("public pricing", () => {
  test("anyone reads the tiers on sale in order, with only the public fields", async () => {
    const { t, admin } = await setupPayments({ map: false });
    await admin.mutation(api.tiers.upsertTier, {
      ...PRO,
      discordRoleId: "123456789012",
      orderAccessDays: 30,
    });
    await admin.mutation(api.tiers.upsertTier, { key: "elite", name: "Elite", graceHours: 1 });
    await admin.mutation(api.tiers.moveTier, { key: "elite", direction: "up" });
    await admin.mutation(api.tiers.setTierRetired, { key: "vip", retired: true });
    const anonymous = await t.query(api.storefront.pricing, {});
    expect(anonymous).toEqual([
      { name: "Elite", features: [] },
      {
        name: "Pro",
        description: "Every call, live.",
        features: ["Live web feed", "Discord mirror"],
        priceLabel: "$49 / month",
        purchaseUrl: "https://sell.app/p/g3-pro",
      },
    ]);
    // Restored: back on the page.
    await admin.mutation(api.tiers.setTierRetired, { key: "vip", retired: false });
    expect((await t.query(api.storefront.pricing, {})).map((tier) => tier.name)).toEqual([
      "VIP",
      "Elite",
      "Pro",
    ]);
  });
});

describe("a retired tier is off sale everywhere a purchase link shows", () => {
  test("the locked feed and the account page offer no link to it; restoring brings it back", async () => {
    const { t, admin } = await setupPayments({ map: false });
    const member = await customer(t);
    const links = async () => ({
      feed: await member.query(api.feed.access, {}),
      account: (await member.query(api.entitlements.mine, {}))?.tiers.map((tier) => [
        tier.tierKey,
        tier.purchaseUrl,
      ]),
    });
    expect(await links()).toEqual({
      feed: { locked: true, reason: "no_access", purchaseUrl: "https://shop.example.com/vip" },
      account: [["vip", "https://shop.example.com/vip"]],
    });
    await admin.mutation(api.tiers.upsertTier, PRO);
    await admin.mutation(api.tiers.setTierRetired, { key: "vip", retired: true });
    expect(await links()).toEqual({
      feed: { locked: true, reason: "no_access", purchaseUrl: "https://sell.app/p/g3-pro" },
      account: [
        ["vip", undefined],
        ["pro", "https://sell.app/p/g3-pro"],
      ],
    });
    await admin.mutation(api.tiers.setTierRetired, { key: "pro", retired: true });
    expect((await links()).feed).toEqual({ locked: true, reason: "no_access" });
    await admin.mutation(api.tiers.setTierRetired, { key: "vip", retired: false });
    expect((await links()).feed).toMatchObject({ purchaseUrl: "https://shop.example.com/vip" });
  });
});
