import { describe, expect, test } from "vitest";
import { api, internal } from "./_generated/api";
import { deliver, entitlementsOf, PRODUCT, setupPayments, T0, TIER, VARIANT } from "./test.sellapp";

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
      sortOrder: 0, // after the seeded tier, which predates ordering
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

describe("purchase URLs", () => {
  const HOSTILE = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "http://shop.example.com/vip", // a purchase page over plain http can be rewritten in transit
    "//shop.example.com/vip",
    "/relative/path",
    "https://user:pass@shop.example.com/vip",
    "not a url",
    "https://shop.example.com/very-long-path-".padEnd(2100, "a"),
  ];

  test.each(HOSTILE.map((url) => [url.slice(0, 60), url]))(
    "upsertTier refuses %j with a clear error and stores nothing",
    async (_label, url) => {
      const { t, admin } = await setupPayments({ map: false });
      await expect(
        admin.mutation(api.tiers.upsertTier, {
          key: "pro",
          name: "Pro",
          graceHours: 24,
          purchaseUrl: url,
        }),
      ).rejects.toThrow(/Purchase URL must be an https:\/\/ address/);
      const stored = await t.run((ctx) =>
        ctx.db
          .query("tiers")
          .withIndex("by_key", (q) => q.eq("key", "pro"))
          .unique(),
      );
      expect(stored).toBeNull();
    },
  );

  test("an https URL is stored (trimmed), and the field may be left out", async () => {
    const { admin } = await setupPayments({ map: false });
    await admin.mutation(api.tiers.upsertTier, {
      key: "pro",
      name: "Pro",
      graceHours: 24,
      purchaseUrl: "  https://sell.app/p/g3-pro?ref=site  ",
    });
    await admin.mutation(api.tiers.upsertTier, { key: "lite", name: "Lite", graceHours: 24 });
    const { tiers } = await admin.query(api.tiers.list, {});
    expect(tiers.find((tier) => tier.key === "pro")?.purchaseUrl).toBe(
      "https://sell.app/p/g3-pro?ref=site",
    );
    expect(tiers.find((tier) => tier.key === "lite")?.purchaseUrl).toBeUndefined();
  });

  test("seed.configure (admin key) refuses a javascript: URL too", async () => {
    const { t } = await setupPayments({ map: false });
    await expect(
      t.mutation(internal.seed.configure, {
        tier: { key: "pro", name: "Pro", graceHours: 1, purchaseUrl: "javascript:alert(1)" },
        sellappProductId: "9",
        mappings: [],
      }),
    ).rejects.toThrow(/Purchase URL must be an https:\/\/ address/);
  });
});
