import {
  parseSellappBody,
  SELLAPP_SIGNATURE_HEADER,
  sellappDedupeKey,
  type SignatureVerdict,
  verifySellappSignature,
} from "@g3/payments";
import type { Infer } from "convex/values";
import { internal } from "./_generated/api";
import { httpAction } from "./_generated/server";
import {
  maxWebhookBytes,
  OVERSIZED_BODY_KEPT_BYTES,
  sellappWebhookSecrets,
} from "./model/sellappConfig";
import type { vVerification } from "./tables/payments";

/**
 * POST /webhooks/sellapp. Store first, then process: every request is recorded by an internal
 * mutation before it is answered; processing runs from the scheduler. Answers:
 * 200 stored (also for a duplicate) · 400 malformed JSON / missing field · 401 bad or missing
 * signature · 413 body over the cap · 500 no signing secret configured. Only 200 changes state.
 */

/** Headers kept with each event. The signature is an HMAC of the body, not a secret. */
const KEPT_HEADERS = [
  SELLAPP_SIGNATURE_HEADER,
  "content-type",
  "content-length",
  "user-agent",
  "x-forwarded-for",
  "idempotency-key",
];

function keptHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value.slice(0, 512);
  }
  return kept;
}

function json(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

/** The event name a body claims, for labelling a rejected request only (never trusted). */
function claimedEventType(rawBody: string): string {
  try {
    const parsed: unknown = JSON.parse(rawBody);
    if (typeof parsed === "object" && parsed !== null && "event" in parsed) {
      const event = parsed.event;
      if (typeof event === "string" && event.length > 0) return event.slice(0, 100);
    }
  } catch {
    // unreadable: stays "unknown"
  }
  return "unknown";
}

function log(level: "info" | "warn" | "error", event: string, fields: Record<string, unknown>) {
  const line = JSON.stringify({ level, event, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

/**
 * Reads the body holding at most `cap` bytes: past the cap it only counts. An oversized body keeps
 * its first OVERSIZED_BODY_KEPT_BYTES for the record.
 */
async function readCapped(
  request: Request,
  cap: number,
): Promise<{ bytes: Uint8Array; total: number; oversized: boolean }> {
  const chunks: Uint8Array[] = [];
  let kept = 0;
  let total = 0;
  if (request.body !== null) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (kept < cap) {
        const slice = value.subarray(0, cap - kept);
        chunks.push(slice);
        kept += slice.byteLength;
      }
    }
  }
  const bytes = new Uint8Array(kept);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const oversized = total > cap;
  return {
    bytes: oversized ? bytes.subarray(0, OVERSIZED_BODY_KEPT_BYTES) : bytes,
    total,
    oversized,
  };
}

export const sellappWebhook = httpAction(async (ctx, request) => {
  const receivedAt = Date.now();
  const cap = maxWebhookBytes();
  const { bytes, total, oversized } = await readCapped(request, cap);
  const headers = keptHeaders(request.headers);

  const reject = async (
    status: number,
    verification: Infer<typeof vVerification>,
    reason: string,
    rawBody: string,
  ) => {
    const { id } = await ctx.runMutation(internal.webhookEvents.record, {
      rawBody,
      bodyBytes: total,
      headers,
      verification,
      accepted: false,
      rejectReason: reason,
      eventType: claimedEventType(rawBody),
      receivedAt,
    });
    log(status >= 500 ? "error" : "warn", "sellapp.webhook.rejected", {
      id,
      status,
      reason,
      bytes: total,
    });
    return json(status, { ok: false, id, error: reason });
  };

  if (oversized) {
    const kept = new TextDecoder().decode(bytes);
    return reject(
      413,
      "unchecked",
      `body of ${total} bytes exceeds the ${cap}-byte cap (SELLAPP_WEBHOOK_MAX_BYTES); stored truncated`,
      kept,
    );
  }
  const rawBody = new TextDecoder().decode(bytes);

  const secrets = sellappWebhookSecrets();
  if (secrets.length === 0) {
    return reject(
      500,
      "unchecked",
      "server misconfigured: SELLAPP_WEBHOOK_SECRET is not set, so the signature cannot be verified " +
        "— set it (npx convex env set SELLAPP_WEBHOOK_SECRET …); Sell.app will redeliver",
      rawBody,
    );
  }

  const verification: SignatureVerdict = await verifySellappSignature(
    bytes,
    request.headers.get(SELLAPP_SIGNATURE_HEADER),
    secrets,
  );
  if (verification === "missing") {
    return reject(401, verification, "missing signature header", rawBody);
  }
  if (verification === "invalid") {
    return reject(401, verification, "signature does not match the body", rawBody);
  }

  const parsed = parseSellappBody(rawBody);
  if (!parsed.ok) return reject(400, verification, parsed.reason, rawBody);
  const event = parsed.event;

  const { id, duplicate } = await ctx.runMutation(internal.webhookEvents.record, {
    rawBody,
    bodyBytes: total,
    headers,
    verification,
    accepted: true,
    eventType: event.eventType,
    dedupeKey: await sellappDedupeKey(event, rawBody),
    ...(event.orderId === undefined ? {} : { orderId: event.orderId }),
    ...(event.subscriptionId === undefined ? {} : { subscriptionId: event.subscriptionId }),
    ...(event.customer.email === undefined ? {} : { customerEmail: event.customer.email }),
    receivedAt,
  });
  log("info", "sellapp.webhook.stored", { id, eventType: event.eventType, duplicate });
  return json(200, { ok: true, id, ...(duplicate ? { duplicate: true } : {}) });
});
