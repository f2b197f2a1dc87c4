import type { SellappStore } from "./store";

const DAY_MS = 86_400_000;

/**
 * A small store for the local stack (`--demo <productId>:<variantId>`): the legacy customers a
 * cutover would import — three paying subscribers (one of them cancelling), two one-time buyers,
 * one refunded order that must grant nothing, and one lapsed subscriber. Nothing is delivered as a
 * webhook (they predate our webhook), so only the API import and reconciliation see them.
 */
export function seedDemoStore(
  store: SellappStore,
  product: { productId: number; variantId: number },
  now: number,
): void {
  const { productId, variantId } = product;
  const subscriber = (
    email: string,
    status: "ACTIVE" | "CANCELLED" | "EXPIRED",
    periodEnd: number,
  ) => {
    const at = now - 40 * DAY_MS;
    const subscription = store.createSubscription({
      email,
      productId,
      variantId,
      status: "ACTIVE",
      at,
      periodEnd,
    });
    store.createOrder({
      email,
      productId,
      variantId,
      status: "COMPLETED",
      at,
      subscriptionId: subscription.id,
    });
    if (status !== "ACTIVE")
      store.updateSubscription(subscription.id, { status, at: now - DAY_MS });
  };
  subscriber("legacy.ana@example.com", "ACTIVE", now + 20 * DAY_MS);
  subscriber("legacy.ben@example.com", "ACTIVE", now + 5 * DAY_MS);
  subscriber("legacy.cleo@example.com", "CANCELLED", now + 12 * DAY_MS);
  subscriber("legacy.dan@example.com", "EXPIRED", now - 3 * DAY_MS);
  store.createOrder({
    email: "legacy.eve@example.com",
    productId,
    variantId,
    status: "COMPLETED",
    at: now - 10 * DAY_MS,
  });
  store.createOrder({
    email: "legacy.finn@example.com",
    productId,
    variantId,
    status: "COMPLETED",
    at: now - 2 * DAY_MS,
  });
  const refunded = store.createOrder({
    email: "legacy.gus@example.com",
    productId,
    variantId,
    status: "COMPLETED",
    at: now - 8 * DAY_MS,
  });
  store.setOrderStatus(refunded.id, "REFUNDED", now - 7 * DAY_MS);
  // They happened before our webhook was added: no delivery is pending.
  for (const delivery of store.deliveries) delivery.status = "lost";
}
