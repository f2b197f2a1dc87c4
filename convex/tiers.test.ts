import { afterEach, describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import { deliver, entitlementsOf, PRODUCT, setupPayments, T0, TIER, VARIANT } from "./test.sellapp";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe("tiers and product mappings (admin)", () => {
  test("create, update, list and remove, each audited", async () => {
    const { t, admin } = await setupPayments({ map: false });
    await admin.mutation(api.tiers.upsertTier, {
      key: "pro",
      name: "Pro",
      graceHours: 24,
      orderAccessDays: 90,
    });
    await admin.mutation(api.tiers.upsertTier, { key: "pro", name: "Pro+", graceHours: 12 });
    const mappingId = await admin.mutation(api.tiers.setProductMapping, {
      sellappProductId: " 777 ",
      tierKey: "pro",
    });
    const listed = await admin.query(api.tiers.list, {});
    expect(listed.tiers.find((tier) => tier.key === "pro")).toEqual({
      key: "pro",
      name: "Pro+",
      graceHours: 12,
    });
    expect(listed.mappings).toEqual([{ id: mappingId, sellappProductId: "777", tierKey: "pro" }]);

    await expect(admin.mutation(api.tiers.removeTier, { key: "pro" })).rejects.toThrow(/mappings/);
    await expect(
      admin.mutation(api.tiers.setProductMapping, { sellappProductId: "1", tierKey: "nope" }),
    ).rejects.toThrow(/No tier/);
    await expect(
      admin.mutation(api.tiers.upsertTier, { key: "Bad Key", name: "x", graceHours: 1 }),
    ).rejects.toThrow(/Tier key/);
    await admin.mutation(api.tiers.removeProductMapping, { id: mappingId });
    await admin.mutation(api.tiers.removeTier, { key: "pro" });
    expect((await admin.query(api.tiers.list, {})).tiers.map((tier) => tier.key)).toEqual([TIER]);

    const actions = (await t.run((ctx) => ctx.db.query("auditLog").collect())).map((e) => e.action);
    expect(actions).toEqual([
      "tier.create",
      "tier.update",
      "productTier.create",
      "productTier.delete",
      "tier.delete",
    ]);
  });

  test("a variant-level mapping wins over the product-level one", async () => {
    const { t, admin } = await setupPayments({ map: false });
    await admin.mutation(api.tiers.upsertTier, { key: "pro", name: "Pro", graceHours: 24 });
    await admin.mutation(api.tiers.setProductMapping, { sellappProductId: PRODUCT, tierKey: TIER });
    await admin.mutation(api.tiers.setProductMapping, {
      sellappProductId: PRODUCT,
      sellappVariantId: VARIANT,
      tierKey: "pro",
    });
    await deliver(t, "order.completed", { orderId: "1", occurredAt: T0 });
    await deliver(t, "order.completed", { orderId: "2", variantId: "602", occurredAt: T0 });
    const rows = await entitlementsOf(t);
    expect(rows.map((row) => [row.sourceId, row.tierKey, row.accessUntil])).toEqual([
      ["1", "pro", undefined], // no orderAccessDays on "pro": no end
      ["2", TIER, T0 + 30 * 24 * 60 * 60 * 1000],
    ]);
  });
});
