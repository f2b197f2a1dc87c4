// Sell.app deliveries to the real HTTP action: signed (the payment path that grants and revokes
// access) or forged.
import {
  SELLAPP_SIGNATURE_HEADER,
  buildSellappEvent,
  signSellappBody,
  type SampleKind,
} from "@g3/payments";
import { DEMO_PRODUCT_ID } from "@g3/dev-stack";
import type { SuiteStack } from "./context.js";
import { WEBHOOK_SECRET } from "./world.js";

let sequence = 0;

/** A numeric id no other call in this run uses (Sell.app ids are numbers). */
export function freshNumericId(): string {
  sequence += 1;
  return `${(Date.now() % 1_000_000_000) * 1000 + (process.pid % 1000)}${sequence}`.slice(-15);
}

export type Order = { email: string; orderId: string; customerId: string };

export function newOrder(email: string): Order {
  return { email, orderId: freshNumericId(), customerId: freshNumericId() };
}

/** Posts a correctly signed Sell.app event for the order; throws unless it is accepted. */
export async function sendSigned(stack: SuiteStack, kind: SampleKind, order: Order): Promise<void> {
  const delivery = buildSellappEvent(kind, {
    email: order.email,
    orderId: order.orderId,
    sellappCustomerId: order.customerId,
    productId: DEMO_PRODUCT_ID,
    occurredAt: Date.now(),
  });
  const response = await fetch(`${stack.siteUrl}/webhooks/sellapp`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      [SELLAPP_SIGNATURE_HEADER]: await signSellappBody(delivery.rawBody, WEBHOOK_SECRET),
    },
    body: delivery.rawBody,
  });
  if (response.status !== 200) {
    throw new Error(
      `signed ${kind} for ${order.email} answered ${response.status}: ${await response.text()}`,
    );
  }
}
