import { describe, expect, test } from "vitest";
import { tierArgs, tierFields } from "./tier-form";

describe("tier form", () => {
  test("blank optional fields are left out; features are one per line; numbers parsed", () => {
    expect(
      tierArgs({
        ...tierFields(undefined),
        key: " pro ",
        name: "Pro",
        priceLabel: " $49 / month ",
        features: "Live feed\n\n  Discord mirror  \n",
        orderAccessDays: "30",
        graceHours: "24",
      }),
    ).toEqual({
      key: "pro",
      name: "Pro",
      priceLabel: "$49 / month",
      features: ["Live feed", "Discord mirror"],
      orderAccessDays: 30,
      graceHours: 24,
    });
  });

  test("an existing tier round-trips through the form", () => {
    const tier = {
      key: "vip",
      name: "VIP",
      description: "All calls",
      features: ["a", "b"],
      priceLabel: "$10",
      purchaseUrl: "https://sell.app/p/vip",
      discordRoleId: "123456789012",
      orderAccessDays: 30,
      graceHours: 72,
      sortOrder: 2,
    };
    const { sortOrder: _sortOrder, ...editable } = tier;
    expect(tierArgs(tierFields(tier))).toEqual(editable);
  });
});
