import { SELLAPP_SIGNATURE_HEADER, signSellappBody } from "@g3/payments";
import type { Delivery } from "./store";

/**
 * Sends pending deliveries, oldest first, signed like Sell.app (lowercase hex HMAC-SHA256 of the
 * raw body in the `signature` header). A "lost" delivery is never sent: the webhook Sell.app gave
 * up on, or the one a misconfigured secret rejected.
 */
export async function sendPending(
  deliveries: Delivery[],
  webhookUrl: string,
  secret: string,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const delivery of deliveries) {
    if (delivery.status !== "pending" && delivery.status !== "failed") continue;
    delivery.attempts++;
    try {
      const response = await fetch(webhookUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "SellApp-Webhooks-Emulator",
          [SELLAPP_SIGNATURE_HEADER]: await signSellappBody(delivery.body, secret),
        },
        body: delivery.body,
      });
      await response.body?.cancel();
      delivery.responseStatus = response.status;
      delivery.status = response.ok ? "succeeded" : "failed";
    } catch {
      delivery.status = "failed";
    }
    if (delivery.status === "succeeded") sent++;
    else failed++;
  }
  return { sent, failed };
}
