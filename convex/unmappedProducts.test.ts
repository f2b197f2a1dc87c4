import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { deliver, setupPayments, TIER } from "./test.sellapp";

describe("unmapped products", () => {
  test("lists products that sold with no tier, with their failed webhooks, until mapped", async () => {
    const { t, admin } = await setupPayments();
    await deliver(t, "order.completed", { orderId: "1", email: "a@example.com" }); // mapped: fine
    await deliver(t, "order.completed", { orderId: "2", productId: "999", email: "b@example.com" });
    await deliver(t, "order.completed", { orderId: "3", productId: "999", email: "c@example.com" });

    const unmapped = await admin.query(api.unmappedProducts.list, {});
    expect(unmapped).toHaveLength(1);
    expect(unmapped[0]).toMatchObject({ productId: "999", variantId: "601", mappedTo: null });
    expect(unmapped[0]?.events.map((event) => [event.orderId, event.customerEmail])).toEqual([
      ["3", "c@example.com"],
      ["2", "b@example.com"],
    ]);

    // Mapped now: the events wait for a replay, and the row says where they will go.
    await admin.mutation(api.tiers.setProductMapping, { sellappProductId: "999", tierKey: TIER });
    expect((await admin.query(api.unmappedProducts.list, {}))[0]?.mappedTo).toBe(TIER);
    const ids = unmapped[0]?.events.map((event) => event.id) ?? [];
    await admin.mutation(api.webhookAdmin.replay, { ids });
    expect(await admin.query(api.unmappedProducts.list, {})).toEqual([]);
  });
});
