import { afterAll, beforeAll, expect, it } from "vitest";
import { type SellappEmulator, seedDemoStore, startSellappEmulator } from "../src/index";

const KEY = "demo-key-0123456789abcdef";
let emulator: SellappEmulator;

beforeAll(async () => {
  emulator = await startSellappEmulator({ apiKey: KEY, signingSecret: "s".repeat(32) });
  seedDemoStore(emulator.store, { productId: 501, variantId: 601 }, Date.now());
});
afterAll(async () => {
  await emulator.close();
});

async function list(path: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${emulator.apiUrl}/v2/${path}?limit=100`, {
    headers: { authorization: `Bearer ${KEY}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: Record<string, unknown>[] }).data;
}

it("the demo store holds the legacy customers a cutover imports, served by the API, with no webhook left to send", async () => {
  const orders = await list("orders");
  const subscriptions = await list("subscriptions");
  expect(orders).toHaveLength(7);
  expect(subscriptions.map((s) => s.status).sort()).toEqual([
    "ACTIVE",
    "ACTIVE",
    "CANCELLED",
    "EXPIRED",
  ]);
  expect(orders.filter((o) => o.status === "REFUNDED")).toHaveLength(1);
  for (const order of orders) {
    const [item] = order.line_items as { product_id: number; product_variant_id: number }[];
    expect(item).toMatchObject({ product_id: 501, product_variant_id: 601 });
  }
  expect(emulator.store.deliveries.every((d) => d.status === "lost")).toBe(true);
});
