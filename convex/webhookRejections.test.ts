import { buildSellappEvent, signSellappBody } from "@g3/payments";
import { describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import { UNVERIFIED_EXCERPT_BYTES } from "./model/payments/webhookBodyDigest";
import {
  UNVERIFIED_GLOBAL,
  UNVERIFIED_PER_SOURCE,
  unverifiedWebhookLimiter,
  WEBHOOK_RATE_LIMIT_NAMES,
} from "./model/payments/webhookRejectionLimits";
import {
  deliver,
  entitlementsOf,
  eventsOf,
  HOUR,
  post,
  SECRET,
  setupPayments,
  type TestConvex,
} from "./test.sellapp";

const KIB = 1024;

/** An unsigned JSON body of about `bytes` bytes that looks like a real event. */
function bigUnsignedBody(bytes: number, marker = "x"): string {
  const { payload } = buildSellappEvent("order.completed");
  const base = JSON.stringify({ ...payload, padding: "" });
  return JSON.stringify({ ...payload, padding: marker.repeat(bytes - base.length) });
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)),
  );
  return [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** POSTs without a signature, claiming `forwardedFor` as the client address. */
async function postUnsigned(t: Pick<TestConvex, "fetch">, rawBody: string, forwardedFor?: string) {
  const response = await t.fetch("/webhooks/sellapp", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }),
    },
    body: rawBody,
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after") };
}

/** Bytes the webhook tables hold, as JSON: what an attacker can make us keep. */
async function storedBytes(t: TestConvex): Promise<number> {
  return t.run(async (ctx) => {
    const events = await ctx.db.query("webhookEvents").collect();
    const windows = await ctx.db.query("webhookRejectionWindows").collect();
    return JSON.stringify(events).length + JSON.stringify(windows).length;
  });
}

async function refusalTotals(t: TestConvex) {
  const windows = await t.run((ctx) => ctx.db.query("webhookRejectionWindows").collect());
  const sum = (pick: (w: (typeof windows)[number]) => number) =>
    windows.reduce((total, w) => total + pick(w), 0);
  return {
    count: sum((w) => w.count),
    bytes: sum((w) => w.bytes),
    global: sum((w) => w.byLimit.global ?? 0),
    source: sum((w) => w.byLimit.source ?? 0),
    missing: sum((w) => w.byReason.missing ?? 0),
    sources: [...new Set(windows.flatMap((w) => w.sampleSources))],
  };
}

describe("an unverified request costs bounded storage", () => {
  test("a 250 KiB unsigned body keeps a fixed-size excerpt, its length and SHA-256, never the body", async () => {
    const { t } = await setupPayments();
    const rawBody = bigUnsignedBody(250 * KIB);
    const response = await postUnsigned(t, rawBody, "198.51.100.7");
    expect(response.status).toBe(401);
    const [event] = await eventsOf(t);
    expect(event).toMatchObject({
      status: "rejected",
      verification: "missing",
      rejectReason: "missing signature header",
      eventType: "order.completed",
      bodyBytes: rawBody.length,
      bodySha256: await sha256Hex(rawBody),
      bodyExcerpt: rawBody.slice(0, UNVERIFIED_EXCERPT_BYTES),
      source: "xff:198.51.100.7",
      receivedAt: Date.now(),
    });
    expect(event?.rawBody).toBeUndefined();
    expect(JSON.stringify(event).length).toBeLessThan(2 * KIB);
  });

  test("the admin console shows an unverified request's excerpt and hash, and no body", async () => {
    const { t, admin } = await setupPayments();
    const rawBody = bigUnsignedBody(4 * KIB);
    await postUnsigned(t, rawBody, "198.51.100.8");
    const [event] = await eventsOf(t);
    if (event === undefined) throw new Error("nothing recorded");
    const detail = await admin.query(api.webhookAdmin.get, { id: event._id });
    expect(detail).toMatchObject({
      bodyExcerpt: rawBody.slice(0, UNVERIFIED_EXCERPT_BYTES),
      bodySha256: await sha256Hex(rawBody),
      event: { status: "rejected", source: "xff:198.51.100.8", bodyBytes: rawBody.length },
    });
    expect(detail?.rawBody).toBeUndefined();
  });

  test("a wrong signature keeps the same bounded record", async () => {
    const { t } = await setupPayments();
    const rawBody = bigUnsignedBody(100 * KIB);
    const response = await post(t, rawBody, await signSellappBody(rawBody, "not-the-secret-0000"));
    expect(response.status).toBe(401);
    const [event] = await eventsOf(t);
    expect(event).toMatchObject({ verification: "invalid", bodyBytes: rawBody.length });
    expect(event?.rawBody).toBeUndefined();
    expect(event?.bodyExcerpt).toHaveLength(UNVERIFIED_EXCERPT_BYTES);
  });

  test("an oversized body (413) keeps only the excerpt and the hash of the bytes held", async () => {
    const { t } = await setupPayments();
    vi.stubEnv("SELLAPP_WEBHOOK_MAX_BYTES", "4096");
    const rawBody = bigUnsignedBody(40 * KIB);
    expect((await post(t, rawBody, await signSellappBody(rawBody, SECRET))).status).toBe(413);
    const [event] = await eventsOf(t);
    expect(event).toMatchObject({
      status: "rejected",
      verification: "unchecked",
      bodyBytes: rawBody.length,
      bodySha256: await sha256Hex(rawBody.slice(0, 4096)),
      bodyExcerpt: rawBody.slice(0, UNVERIFIED_EXCERPT_BYTES),
    });
    expect(event?.rawBody).toBeUndefined();
  });

  test("the attack: 100 unsigned 250 KiB POSTs grow the tables by kilobytes, not 25 MB", async () => {
    const { t } = await setupPayments();
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      statuses.push((await postUnsigned(t, bigUnsignedBody(250 * KIB, String(i % 10)))).status);
    }
    const stored = UNVERIFIED_PER_SOURCE.capacity;
    expect(statuses.filter((s) => s === 401)).toHaveLength(stored);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - stored);
    expect(await eventsOf(t)).toHaveLength(stored);
    const refused = await refusalTotals(t);
    expect(refused).toMatchObject({ count: 100 - stored, source: 100 - stored, missing: 90 });
    expect(refused.bytes).toBeGreaterThan(90 * 250 * KIB - 1);
    expect(await storedBytes(t)).toBeLessThan(32 * KIB);
  });
});

describe("unverified requests are rate-limited per source and globally", () => {
  test("once one source is over its limit, another source is still recorded", async () => {
    const { t } = await setupPayments();
    for (let i = 0; i < UNVERIFIED_PER_SOURCE.capacity; i++) {
      expect((await postUnsigned(t, "{}", "203.0.113.1")).status).toBe(401);
    }
    const limited = await postUnsigned(t, "{}", "203.0.113.1");
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    expect((await postUnsigned(t, "{}", "203.0.113.2")).status).toBe(401);
    expect(await eventsOf(t)).toHaveLength(UNVERIFIED_PER_SOURCE.capacity + 1);
    expect((await refusalTotals(t)).sources).toEqual(["xff:203.0.113.1"]);
  });

  test("forged sources cannot escape the global budget, nor grow the limiter's state past it", async () => {
    const { t } = await setupPayments();
    const total = UNVERIFIED_GLOBAL.capacity + 15;
    for (let i = 0; i < total; i++) await postUnsigned(t, "{}", `10.0.${i >> 8}.${i & 255}`);
    expect(await eventsOf(t)).toHaveLength(UNVERIFIED_GLOBAL.capacity);
    expect(await refusalTotals(t)).toMatchObject({ count: 15, global: 15 });
    // A refused source left no bucket behind (a bucket never used reads as ts 0).
    const refusedSources = Array.from(
      { length: total - UNVERIFIED_GLOBAL.capacity },
      (_, j) => UNVERIFIED_GLOBAL.capacity + j,
    ).map((i) => `xff:10.0.${i >> 8}.${i & 255}`);
    const buckets = await t.run((ctx) =>
      Promise.all(
        refusedSources.map((key) =>
          unverifiedWebhookLimiter.getValue(ctx, WEBHOOK_RATE_LIMIT_NAMES.perSource, { key }),
        ),
      ),
    );
    expect(buckets.map((bucket) => bucket.ts)).toEqual(refusedSources.map(() => 0));
    const stored = await t.run((ctx) =>
      unverifiedWebhookLimiter.getValue(ctx, WEBHOOK_RATE_LIMIT_NAMES.perSource, {
        key: "xff:10.0.0.0",
      }),
    );
    expect(stored.ts).toBeGreaterThan(0);
  });

  test("the address Convex saw wins over a rotating X-Forwarded-For", async () => {
    const { t } = await setupPayments();
    const fromOneHost = t.withRequestMetadata({ ip: "192.0.2.44" });
    const statuses = [];
    for (let i = 0; i < 15; i++)
      statuses.push((await postUnsigned(fromOneHost, "{}", `10.9.9.${i}`)).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(UNVERIFIED_PER_SOURCE.capacity);
    expect((await eventsOf(t))[0]?.source).toBe("ip:192.0.2.44");
  });

  test("the budget refills with time", async () => {
    const { t } = await setupPayments();
    for (let i = 0; i <= UNVERIFIED_PER_SOURCE.capacity; i++)
      await postUnsigned(t, "{}", "203.0.113.5");
    expect((await postUnsigned(t, "{}", "203.0.113.5")).status).toBe(429);
    vi.advanceTimersByTime(HOUR);
    expect((await postUnsigned(t, "{}", "203.0.113.5")).status).toBe(401);
  });

  test("refusals log one line per window, not one per request", async () => {
    const { t } = await setupPayments();
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    for (let i = 0; i < 40; i++) await postUnsigned(t, "{}", "203.0.113.9");
    const limitedLines = warnings.mock.calls.filter(([line]) =>
      String(line).includes("sellapp.webhook.rate_limited"),
    );
    expect(limitedLines.length).toBeGreaterThan(0);
    expect(limitedLines.length).toBeLessThanOrEqual(4); // at most one per counter shard
    warnings.mockRestore();
  });
});

describe("signed deliveries are never limited", () => {
  test("with every unverified budget spent, a signed order still is stored, processed and grants", async () => {
    const { t } = await setupPayments();
    for (let i = 0; i < UNVERIFIED_GLOBAL.capacity + 5; i++)
      await postUnsigned(t, "{}", `10.1.0.${i}`);
    expect((await postUnsigned(t, "{}", "10.2.0.1")).status).toBe(429);
    const response = await deliver(t, "order.completed");
    expect(response.status).toBe(200);
    const events = await eventsOf(t);
    const signed = events.find((e) => e.verification === "valid");
    expect(signed).toMatchObject({ status: "processed" });
    expect(signed?.rawBody).toBeDefined();
    expect((await entitlementsOf(t))[0]).toMatchObject({ status: "active" });
  });

  test("a signed but malformed body (400) keeps its whole body and is not limited", async () => {
    const { t } = await setupPayments();
    for (let i = 0; i < UNVERIFIED_GLOBAL.capacity + 5; i++)
      await postUnsigned(t, "{}", `10.3.0.${i}`);
    const rawBody = '{"event":"order.completed","data":';
    expect((await post(t, rawBody, await signSellappBody(rawBody, SECRET))).status).toBe(400);
    const malformed = (await eventsOf(t)).find((e) => e.verification === "valid");
    expect(malformed).toMatchObject({ status: "rejected", rawBody });
  });
});
