"use node";
// Sends one Web Push message: web-push (the maintained library) signs the VAPID JWT and encrypts
// the payload (aes128gcm); fetch carries it. web-push's own sendNotification only speaks https,
// and the offline push-service stand-in is http on loopback — with fetch both work the same.
import { createHash } from "node:crypto";
import webpush from "web-push";
import type { Id } from "../../_generated/dataModel";
import { requireEnv } from "../shared/env";
import { pushEndpointProblem } from "./pushEndpoints";
import { pushEndpointRules } from "./pushEndpointRules";
import type { PushTarget } from "./pushRecipients";

/** A signal is worth waking a phone for an hour; after that the push service may drop it. */
export const SIGNAL_TTL_SECONDS = 60 * 60;
const REQUEST_TIMEOUT_MS = 10_000;
/** At most this many requests in flight per action. */
const CONCURRENCY = 16;

export type SendResult =
  | { id: Id<"pushSubscriptions">; result: "delivered" }
  | { id: Id<"pushSubscriptions">; result: "gone"; status: number }
  | {
      id: Id<"pushSubscriptions">;
      result: "failed";
      status: number;
      retryable: boolean;
      retryAfterMs?: number;
    };

export type SendOptions = { urgency: webpush.Urgency; ttlSeconds: number; topic?: string };

function vapidDetails() {
  return {
    subject: requireEnv("VAPID_SUBJECT"),
    publicKey: requireEnv("VAPID_PUBLIC_KEY"),
    privateKey: requireEnv("VAPID_PRIVATE_KEY"),
  };
}

/**
 * RFC 8030 Topic: a newer message with the same topic replaces one still waiting in the push
 * service (a phone that was offline gets the edit, not both). ≤ 32 base64url characters.
 */
export function topicFor(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 32);
}

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

async function sendOne(
  target: PushTarget,
  payload: string,
  options: SendOptions,
): Promise<SendResult> {
  // A row stored before the endpoint rule, or by hand: no request, and the row goes as a
  // revoked subscription's would (status 0: no push service answered).
  if (pushEndpointProblem(target.endpoint, pushEndpointRules()) !== null) {
    return { id: target.id, result: "gone", status: 0 };
  }
  const request = webpush.generateRequestDetails(
    { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
    payload,
    {
      vapidDetails: vapidDetails(),
      TTL: options.ttlSeconds,
      urgency: options.urgency,
      contentEncoding: "aes128gcm",
      ...(options.topic === undefined ? {} : { topic: options.topic }),
    },
  );
  let response: Response;
  try {
    response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body === null ? null : new Uint8Array(request.body),
      redirect: "error",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    // Unreachable or too slow: worth another try later. (0 = no HTTP status.)
    return { id: target.id, result: "failed", status: 0, retryable: true };
  }
  await response.body?.cancel();
  const { status } = response;
  if (status >= 200 && status < 300) return { id: target.id, result: "delivered" };
  // RFC 8030 §7.3: the subscription expired or was revoked; it will never work again.
  if (status === 404 || status === 410) return { id: target.id, result: "gone", status };
  const retryable = status === 429 || status >= 500;
  const after = retryAfterMs(response.headers.get("retry-after"));
  return {
    id: target.id,
    result: "failed",
    status,
    retryable,
    ...(after === undefined ? {} : { retryAfterMs: after }),
  };
}

/** Sends `payload` to every target, a few at a time. */
export async function sendToAll(
  targets: readonly PushTarget[],
  payload: string,
  options: SendOptions,
): Promise<SendResult[]> {
  const results: SendResult[] = [];
  for (let start = 0; start < targets.length; start += CONCURRENCY) {
    const chunk = targets.slice(start, start + CONCURRENCY);
    results.push(...(await Promise.all(chunk.map((target) => sendOne(target, payload, options)))));
  }
  return results;
}

/** The first send and two retries. */
export const MAX_PUSH_ATTEMPTS = 3;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_DELAY_MS = 10 * 60_000;

/** Backoff: 30 s, then 2 min; a longer Retry-After from the push service wins (capped at 10 min). */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined): number {
  const backoff = FIRST_RETRY_MS * 4 ** (attempt - 1);
  return Math.min(MAX_RETRY_DELAY_MS, Math.max(backoff, retryAfterMs ?? 0));
}
