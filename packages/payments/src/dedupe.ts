import type { SellappEvent } from "./event";

/**
 * The idempotency key of a delivery: event type + (order or subscription id) + status.
 * Sell.app redelivers the same payload, so a redelivery produces the same key.
 *
 * Subscription events also carry their period end (or, failing that, their timestamp): a
 * subscription is renewed many times under one id and status, and each renewal must count.
 * Events without any id (informational or unknown) are keyed on a SHA-256 of the raw body.
 */
export async function sellappDedupeKey(event: SellappEvent, rawBody: string): Promise<string> {
  const subject = event.orderId ?? event.subscriptionId ?? event.dataId;
  const status = event.status ?? "-";
  if (subject === undefined) return `${event.eventType}|body:${await sha256Hex(rawBody)}`;
  const key = `${event.eventType}|${event.orderId !== undefined ? "order" : "sub"}:${subject}|${status}`;
  if (event.shape !== "subscription") return key;
  return `${key}|${String(event.periodEnd ?? event.occurredAt ?? "-")}`;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  let hex = "";
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** The entitlement source an event belongs to: its subscription if it has one, else its order. */
export function sourceOf(
  event: SellappEvent,
): { source: "subscription" | "order"; sourceId: string } | undefined {
  if (event.subscriptionId !== undefined)
    return { source: "subscription", sourceId: event.subscriptionId };
  if (event.orderId !== undefined) return { source: "order", sourceId: event.orderId };
  return undefined;
}
