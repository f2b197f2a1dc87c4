import { startSellappEmulator, type SellappEmulator } from "@g3/sellapp-emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createSellappClient,
  retryAfterMs,
  SellappApiError,
  SellappAuthError,
  SellappResponseError,
} from "../src/index";

const KEY = "test-api-key-0123456789";
let emulator: SellappEmulator;
const T = Date.UTC(2026, 0, 1);

beforeAll(async () => {
  emulator = await startSellappEmulator({ apiKey: KEY, signingSecret: "s".repeat(32) });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.store.reset();
  emulator.faults.clear();
});

function client(extra: Partial<Parameters<typeof createSellappClient>[0]> = {}) {
  const waits: number[] = [];
  const c = createSellappClient({
    apiKey: KEY,
    baseUrl: emulator.apiUrl,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    ...extra,
  });
  return { c, waits };
}

describe("Sell.app client against the emulator", () => {
  it("walks every page of orders and subscriptions (250 orders = 3 pages of 100)", async () => {
    for (let i = 0; i < 250; i++) {
      emulator.store.createOrder({
        email: `buyer${i}@example.com`,
        productId: 501,
        variantId: 601,
        status: "COMPLETED",
        at: T + i,
      });
    }
    emulator.store.createSubscription({
      email: "sub@example.com",
      productId: 501,
      variantId: 601,
      status: "ACTIVE",
      at: T,
      periodEnd: T + 30 * 86_400_000,
    });
    const { c } = client();
    const ids: number[] = [];
    for await (const order of c.orders()) ids.push(Number(order.id));
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    const subs = [];
    for await (const sub of c.subscriptions()) subs.push(sub);
    expect(subs.map((s) => s.customer.email)).toEqual(["sub@example.com"]);
    const page = await c.listOrdersPage(3);
    expect(page.meta).toMatchObject({ current_page: 3, last_page: 3 });
    expect(page.data).toHaveLength(50);
  });

  it("keeps the whole object (unknown fields pass through for the webhook parser)", async () => {
    const created = emulator.store.createOrder({
      email: "a@example.com",
      productId: 501,
      variantId: 601,
      status: "PAID",
      at: T,
    });
    const { c } = client();
    const order = await c.getOrder(String(created.id));
    expect(order).toEqual(JSON.parse(JSON.stringify(created)));
  });

  it("retries 429 honouring Retry-After, and 5xx with backoff", async () => {
    emulator.store.createOrder({
      email: "a@example.com",
      productId: 1,
      variantId: 2,
      status: "PAID",
      at: T,
    });
    emulator.faults.add({ status: 429, count: 2, retryAfterSeconds: 7 });
    emulator.faults.add({ status: 503, count: 1 });
    const { c, waits } = client({ backoffBaseMs: 400 });
    const page = await c.listOrdersPage(1);
    expect(page.data).toHaveLength(1);
    expect(waits).toEqual([7000, 7000, 1200]); // attempt 3 backoff: ceiling 1600 → 800 + 0.5·800
  });

  it("gives up after maxRetries and says how often it tried", async () => {
    emulator.faults.add({ status: 500, count: 10 });
    const { c, waits } = client({ maxRetries: 2 });
    await expect(c.listOrdersPage(1)).rejects.toThrow(/answered 500 after 3 attempts/);
    expect(waits).toHaveLength(2);
  });

  it("401 names SELLAPP_API_KEY, is not retried, and never echoes the key", async () => {
    const wrong = "wrong-key-do-not-print";
    const { c, waits } = client({ apiKey: wrong });
    const error = await c.listOrdersPage(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SellappAuthError);
    expect((error as Error).message).toMatch(/SELLAPP_API_KEY/);
    expect((error as Error).message).not.toContain(wrong);
    expect(waits).toHaveLength(0);
  });

  it("a 2xx that is not a Sell.app page is a validation error naming the field", async () => {
    const { c } = client({
      fetch: () =>
        Promise.resolve(
          Response.json({ data: [{ id: 1 }], meta: { current_page: 1, last_page: 1 } }),
        ),
    });
    const error = await c.listOrdersPage(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SellappResponseError);
    expect((error as Error).message).toMatch(/data\.0\.status/);
  });

  it("a 404 is final (not retried)", async () => {
    const { c, waits } = client();
    const error = await c.getOrder("999999").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SellappApiError);
    expect((error as SellappApiError).status).toBe(404);
    expect(waits).toHaveLength(0);
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates, caps at 30 s, ignores junk", () => {
    const now = Date.UTC(2026, 0, 1, 12);
    expect(retryAfterMs("3", now)).toBe(3000);
    expect(retryAfterMs("120", now)).toBe(30_000);
    expect(retryAfterMs(new Date(now + 5000).toUTCString(), now)).toBe(5000);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
