import { expect, test } from "vitest";
import { internal } from "./_generated/api";
import { newConvexTest } from "./test.setup";

const world = {
  tier: { key: "vip", name: "VIP", discordRoleId: "1100000000000000001", graceHours: 72 },
  sellappProductId: "prod_1",
  mappings: [
    {
      label: "VIP signals",
      sourceGuildId: "1000000000000000001",
      sourceChannelId: "1000000000000000010",
      customerGuildId: "2000000000000000001",
      customerChannelId: "2000000000000000010",
    },
  ],
};

test("seed.configure is idempotent: a second run updates the same rows", async () => {
  const t = newConvexTest();
  const first = await t.mutation(internal.seed.configure, world);
  const second = await t.mutation(internal.seed.configure, {
    ...world,
    tier: { ...world.tier, name: "VIP+" },
  });
  expect(second).toEqual(first);
  const counts = await t.run(async (ctx) => ({
    tiers: (await ctx.db.query("tiers").take(10)).map((tier) => tier.name),
    products: (await ctx.db.query("productTiers").take(10)).length,
    mappings: (await ctx.db.query("channelMappings").take(10)).map((m) => [m.tierKey, m.enabled]),
  }));
  expect(counts).toEqual({ tiers: ["VIP+"], products: 1, mappings: [["vip", true]] });
});

test("seed.configure maps the product's variants too, so subscription events (variant only) find the tier", async () => {
  const t = newConvexTest();
  const args = { ...world, sellappVariantIds: ["var_1"] };
  await t.mutation(internal.seed.configure, args);
  await t.mutation(internal.seed.configure, args);
  const rows = await t.run(async (ctx) =>
    (await ctx.db.query("productTiers").take(10)).map((row) => [
      row.sellappProductId,
      row.sellappVariantId ?? null,
      row.tierKey,
    ]),
  );
  expect(rows).toEqual([
    ["prod_1", null, "vip"],
    ["prod_1", "var_1", "vip"],
  ]);
});
