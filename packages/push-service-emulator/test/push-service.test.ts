import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  decryptAes128gcm,
  generateSubscriptionKeys,
  startPushService,
  verifyVapid,
  type PushServiceEmulator,
} from "../src/index";

const vapid = webpush.generateVAPIDKeys();
const SUBJECT = "mailto:ops@g3.test";

let service: PushServiceEmulator;
beforeAll(async () => {
  service = await startPushService();
});
afterAll(async () => {
  await service.close();
});

/** What the app server does: web-push encrypts and signs, fetch sends (http works, unlike https.request). */
async function push(
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } },
  payload: string,
  options: {
    vapid?: { publicKey: string; privateKey: string };
    audience?: string;
    urgency?: webpush.Urgency;
  } = {},
) {
  const keys = options.vapid ?? vapid;
  const details = webpush.generateRequestDetails(subscription, payload, {
    vapidDetails: { subject: SUBJECT, publicKey: keys.publicKey, privateKey: keys.privateKey },
    TTL: 600,
    urgency: options.urgency ?? "high",
    topic: "sig123",
  });
  if (options.audience !== undefined) {
    const headers = webpush.getVapidHeaders(
      options.audience,
      SUBJECT,
      keys.publicKey,
      keys.privateKey,
      "aes128gcm",
    );
    details.headers.Authorization = headers.Authorization;
  }
  return fetch(details.endpoint, {
    method: details.method,
    headers: details.headers as Record<string, string>,
    body: details.body === null ? null : new Uint8Array(details.body),
  });
}

describe("aes128gcm decryption (RFC 8291)", () => {
  test("decrypts web-push's encryption of a payload", () => {
    const keys = generateSubscriptionKeys();
    const encrypted = webpush.encrypt(keys.p256dh, keys.auth, '{"pair":"BTC/USDT"}', "aes128gcm");
    expect(decryptAes128gcm(encrypted.cipherText, keys).toString("utf8")).toBe(
      '{"pair":"BTC/USDT"}',
    );
  });

  test("refuses the wrong auth secret and a tampered body", () => {
    const keys = generateSubscriptionKeys();
    const encrypted = webpush.encrypt(keys.p256dh, keys.auth, "hello", "aes128gcm");
    const other = generateSubscriptionKeys();
    expect(() => decryptAes128gcm(encrypted.cipherText, { ...keys, auth: other.auth })).toThrow();
    const tampered = Buffer.from(encrypted.cipherText);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => decryptAes128gcm(tampered, keys)).toThrow();
  });
});

describe("VAPID (RFC 8292)", () => {
  const origin = "http://127.0.0.1:9";
  const header = (audience: string) =>
    webpush.getVapidHeaders(audience, SUBJECT, vapid.publicKey, vapid.privateKey, "aes128gcm")
      .Authorization;

  test("accepts a token for this origin and returns its key and subject", () => {
    const result = verifyVapid(header(origin), origin, Date.now());
    expect(result).toMatchObject({
      ok: true,
      publicKey: vapid.publicKey,
      claims: { aud: origin, sub: SUBJECT },
    });
  });

  test("refuses another audience, an expired token, a far expiry, a foreign key", () => {
    expect(verifyVapid(header("https://fcm.googleapis.com"), origin, Date.now())).toMatchObject({
      ok: false,
    });
    // web-push signs for 12 hours: 13 hours later it has expired.
    expect(verifyVapid(header(origin), origin, Date.now() + 13 * 3600_000)).toMatchObject({
      ok: false,
      reason: "JWT expired",
    });
    // Seen from 13 hours in the past, the same token expires more than 24 hours ahead.
    expect(verifyVapid(header(origin), origin, Date.now() - 13 * 3600_000)).toMatchObject({
      ok: false,
      reason: "exp is more than 24 hours ahead",
    });
    const other = webpush.generateVAPIDKeys();
    const swapped = header(origin).replace(/k=[A-Za-z0-9_-]+/, `k=${other.publicKey}`);
    expect(verifyVapid(swapped, origin, Date.now())).toMatchObject({
      ok: false,
      reason: "JWT signature does not verify against k",
    });
    expect(verifyVapid(undefined, origin, Date.now())).toMatchObject({ ok: false });
  });
});

describe("push service", () => {
  test("a valid push is answered 201 and stored; the payload decrypts with the subscription's keys", async () => {
    const subscription = service.createSubscription();
    const keys = subscription.keys;
    if (keys === undefined) throw new Error("keys expected");
    const response = await push({ endpoint: subscription.endpoint, keys }, '{"signalId":"s1"}');
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toMatch(/\/message\//);
    const [message, ...rest] = service.store.messages(subscription.id);
    expect(rest).toHaveLength(0);
    expect(message).toMatchObject({
      payload: '{"signalId":"s1"}',
      ttl: 600,
      urgency: "high",
      topic: "sig123",
    });
    expect(message?.subject).toBe(SUBJECT);
  });

  test("the control API creates subscriptions and lists decrypted messages", async () => {
    const created = (await (
      await fetch(`${service.origin}/control/subscriptions`, { method: "POST", body: "{}" })
    ).json()) as { id: string; endpoint: string; keys: { p256dh: string; auth: string } };
    expect(
      (await push({ endpoint: created.endpoint, keys: created.keys }, "over http")).status,
    ).toBe(201);
    const messages = (await (
      await fetch(`${service.origin}/control/subscriptions/${created.id}/messages`)
    ).json()) as { payload: string }[];
    expect(messages.map((m) => m.payload)).toEqual(["over http"]);
    const bad = await fetch(`${service.origin}/control/subscriptions`, {
      method: "POST",
      body: JSON.stringify({ keys: { p256dh: "short" } }),
    });
    expect(bad.status).toBe(400);
  });

  test("a token for another audience is refused 401 and nothing is stored", async () => {
    const subscription = service.createSubscription();
    const keys = subscription.keys;
    if (keys === undefined) throw new Error("keys expected");
    const response = await push({ endpoint: subscription.endpoint, keys }, "x", {
      audience: "https://push.example",
    });
    expect(response.status).toBe(401);
    expect(service.store.messages(subscription.id)).toEqual([]);
  });

  test("a subscription bound to an application server key refuses another key with 403", async () => {
    const subscription = service.createSubscription({ applicationServerKey: vapid.publicKey });
    const keys = subscription.keys;
    if (keys === undefined) throw new Error("keys expected");
    const other = webpush.generateVAPIDKeys();
    expect(
      (await push({ endpoint: subscription.endpoint, keys }, "x", { vapid: other })).status,
    ).toBe(403);
    expect((await push({ endpoint: subscription.endpoint, keys }, "x")).status).toBe(201);
  });

  test("scripted faults: 429 with Retry-After twice, then accepted; 410 until cleared; unknown is 404", async () => {
    const subscription = service.createSubscription();
    const keys = subscription.keys;
    if (keys === undefined) throw new Error("keys expected");
    const target = { endpoint: subscription.endpoint, keys };
    const fault = await fetch(`${service.origin}/control/subscriptions/${subscription.id}/fault`, {
      method: "PUT",
      body: JSON.stringify({ status: 429, count: 2, retryAfterSeconds: 1 }),
    });
    expect(fault.status).toBe(200);
    const first = await push(target, "a");
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    expect((await push(target, "a")).status).toBe(429);
    expect((await push(target, "a")).status).toBe(201);

    service.store.setFault(subscription.id, { status: 410 });
    expect((await push(target, "b")).status).toBe(410);
    expect((await push(target, "b")).status).toBe(410);
    await fetch(`${service.origin}/control/subscriptions/${subscription.id}/fault`, {
      method: "DELETE",
    });
    expect((await push(target, "b")).status).toBe(201);
    expect(service.store.attempts(subscription.id).map((a) => a.status)).toEqual([
      429, 429, 201, 410, 410, 201,
    ]);

    const unknown = { endpoint: `${service.origin}/push/nobody`, keys };
    expect((await push(unknown, "c")).status).toBe(404);
  });

  test("a push without TTL is refused 400; an oversized body 413", async () => {
    const subscription = service.createSubscription();
    const keys = subscription.keys;
    if (keys === undefined) throw new Error("keys expected");
    const details = webpush.generateRequestDetails({ endpoint: subscription.endpoint, keys }, "x", {
      vapidDetails: { subject: SUBJECT, ...vapid },
    });
    const headers = { ...(details.headers as Record<string, string>) };
    delete headers.TTL;
    const noTtl = await fetch(details.endpoint, {
      method: "POST",
      headers,
      body: new Uint8Array(details.body ?? []),
    });
    expect(noTtl.status).toBe(400);
    const huge = await push({ endpoint: subscription.endpoint, keys }, "x".repeat(5000));
    expect(huge.status).toBe(413);
  });
});
