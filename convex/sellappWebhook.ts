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
import { requestSource } from "./model/shared/requestSource";
import { maxWebhookBytes, sellappWebhookSecrets } from "./model/payments/sellappConfig";
import { digestUnverifiedBody } from "./model/payments/webhookBodyDigest";
import type { vUnverifiedReason } from "./webhookRejections";

/**
 * POST /webhooks/sellapp. Store first, then process: every signed request is recorded by an
 * internal mutation before it is answered; processing runs from the scheduler. An unverified
 * request (401, 413, 500) is recorded in bounded form and only within its rate limit
 * (webhookRejections.ts); over it the answer is 429 and only a counter moves. Answers:
 * 200 stored (also for a duplicate) · 400 signed but malformed JSON / missing field · 401 bad or
 * missing signature · 413 body over the cap · 429 too many unverified requests · 500 no signing
 * secret configured. Only 200 changes state.
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

/** Longest header value kept: a signed request's, and (shorter) an unverified one's. */
const SIGNED_HEADER_CHARS = 512;
const UNVERIFIED_HEADER_CHARS = 200;

function keptHeaders(headers: Headers, maxChars: number): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value.slice(0, maxChars);
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

/** Reads the body holding at most `cap` bytes: past the cap it only counts. */
async function readCapped(
  request: Request,
  cap: number,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; total: number; oversized: boolean }> {
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
  return { bytes, total, oversized: total > cap };
}

export const sellappWebhook = httpAction(async (ctx, request) => {
  const receivedAt = Date.now();
  const cap = maxWebhookBytes();
  const { bytes, total, oversized } = await readCapped(request, cap);

  /** Anyone can send these: bounded record within the rate limit, a counter past it. */
  const rejectUnverified = async (
    status: number,
    reason: Infer<typeof vUnverifiedReason>,
    rejectReason: string,
  ) => {
    const { ip } = await ctx.meta.getRequestMetadata();
    const source = requestSource(ip, request.headers);
    const text = new TextDecoder().decode(bytes);
    const result = await ctx.runMutation(internal.webhookRejections.record, {
      reason,
      rejectReason,
      verification: reason === "oversized" ? "unchecked" : reason,
      eventType: claimedEventType(text),
      ...(await digestUnverifiedBody(bytes)),
      bodyBytes: total,
      headers: keptHeaders(request.headers, UNVERIFIED_HEADER_CHARS),
      source,
      receivedAt,
    });
    if (!result.stored) {
      if (result.firstInWindow) {
        log("warn", "sellapp.webhook.rate_limited", { source, reason, status, bytes: total });
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((result.retryAt - receivedAt) / 1000));
      return new Response(
        JSON.stringify({ ok: false, error: `${rejectReason}; too many unverified requests` }),
        {
          status: 429,
          headers: {
            "content-type": "application/json",
            "retry-after": String(retryAfterSeconds),
          },
        },
      );
    }
    log(status >= 500 ? "error" : "warn", "sellapp.webhook.rejected", {
      id: result.id,
      status,
      reason: rejectReason,
      bytes: total,
      source,
    });
    return json(status, { ok: false, id: result.id, error: rejectReason });
  };

  if (oversized) {
    return rejectUnverified(
      413,
      "oversized",
      `body of ${total} bytes exceeds the ${cap}-byte cap (SELLAPP_WEBHOOK_MAX_BYTES)`,
    );
  }

  const secrets = sellappWebhookSecrets();
  if (secrets.length === 0) {
    return rejectUnverified(
      500,
      "unchecked",
      "server misconfigured: SELLAPP_WEBHOOK_SECRET is not set, so the signature cannot be verified " +
        "— set it (npx convex env set SELLAPP_WEBHOOK_SECRET …); Sell.app will redeliver",
    );
  }

  const verification: SignatureVerdict = await verifySellappSignature(
    bytes,
    request.headers.get(SELLAPP_SIGNATURE_HEADER),
    secrets,
  );
  if (verification === "missing") {
    return rejectUnverified(401, verification, "missing signature header");
  }
  if (verification === "invalid") {
    return rejectUnverified(401, verification, "signature does not match the body");
  }

  // From here on the request is signed: stored whole and never rate-limited.
  const rawBody = new TextDecoder().decode(bytes);
  const headers = keptHeaders(request.headers, SIGNED_HEADER_CHARS);
  const parsed = parseSellappBody(rawBody);
  if (!parsed.ok) {
    const { id } = await ctx.runMutation(internal.webhookEvents.record, {
      rawBody,
      bodyBytes: total,
      headers,
      verification,
      accepted: false,
      rejectReason: parsed.reason,
      eventType: claimedEventType(rawBody),
      receivedAt,
    });
    log("warn", "sellapp.webhook.rejected", {
      id,
      status: 400,
      reason: parsed.reason,
      bytes: total,
    });
    return json(400, { ok: false, id, error: parsed.reason });
  }
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
