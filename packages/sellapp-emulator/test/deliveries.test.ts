import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseSellappBody, verifySellappSignature } from "@g3/payments";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type SellappEmulator, startSellappEmulator } from "../src/index";

const SECRET = "emulator-secret-0123456789abcdef0123";
let emulator: SellappEmulator;
const received: { body: string; signature: string | undefined }[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const signature = req.headers.signature;
    received.push({
      body: Buffer.concat(chunks).toString("utf8"),
      signature: typeof signature === "string" ? signature : undefined,
    });
    res.writeHead(200).end("{}");
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const { port } = receiver.address() as AddressInfo;
  emulator = await startSellappEmulator({
    apiKey: "k".repeat(20),
    signingSecret: SECRET,
    webhookUrl: `http://127.0.0.1:${port}/webhooks/sellapp`,
  });
});
afterAll(async () => {
  await emulator.close();
  receiver.close();
});

it("sends signed deliveries our parser reads, and never a lost one; refunds send nothing", async () => {
  const at = Date.UTC(2026, 0, 1);
  const kept = emulator.store.createOrder({
    email: "Kept@Example.com",
    productId: 501,
    variantId: 601,
    status: "COMPLETED",
    at,
  });
  const lost = emulator.store.createOrder({
    email: "lost@example.com",
    productId: 501,
    variantId: 601,
    status: "PAID",
    at,
  });
  emulator.store.setOrderStatus(kept.id, "REFUNDED", at + 1000); // Sell.app documents no refund event
  const lostDelivery = emulator.store.deliveries.find((d) => d.body.includes(`"id":${lost.id},`));
  expect(lostDelivery).toBeDefined();
  const response = await fetch(`${emulator.origin}/_control/deliveries/${lostDelivery?.id}/lose`, {
    method: "POST",
  });
  expect(response.status).toBe(200);

  const result = await emulator.deliverPending();
  expect(result).toEqual({ sent: 1, failed: 0 });
  expect(received).toHaveLength(1);
  const [delivery] = received;
  expect(
    await verifySellappSignature(delivery?.body ?? "", delivery?.signature ?? null, SECRET),
  ).toBe("valid");
  const parsed = parseSellappBody(delivery?.body ?? "");
  expect(parsed.ok && parsed.event).toMatchObject({
    eventType: "order.completed",
    orderId: String(kept.id),
    status: "COMPLETED",
  });
  expect(emulator.store.deliveries.map((d) => d.status)).toEqual(["succeeded", "lost"]);
});

it("control API: faults answer the next API calls, then the API works again", async () => {
  await fetch(`${emulator.origin}/_control/faults`, {
    method: "POST",
    body: JSON.stringify({ status: 503, count: 1 }),
  });
  const headers = { authorization: `Bearer ${"k".repeat(20)}` };
  expect((await fetch(`${emulator.apiUrl}/v2/orders`, { headers })).status).toBe(503);
  expect((await fetch(`${emulator.apiUrl}/v2/orders`, { headers })).status).toBe(200);
  expect((await fetch(`${emulator.apiUrl}/v2/orders`)).status).toBe(401);
});
