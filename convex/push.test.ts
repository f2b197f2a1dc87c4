import { startPushService, type PushServiceEmulator } from "@g3/push-service-emulator";
import webpush from "web-push";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import { MAX_PUSH_SUBSCRIPTIONS_PER_USER } from "./model/push/pushLimits";
import { isQuietAt } from "./model/push/pushQuietHours";
import { retryDelayMs } from "./model/push/pushSender";
import { MAPPING } from "./test.ingest";
import { expectCode, insertSignal, setupRoles, TIER, type TestConvex } from "./test.roles";

const vapid = webpush.generateVAPIDKeys();
type Filters = { tierKeys: string[]; pairs: string[]; sides: ("long" | "short")[] };
const ALL: Filters = { tierKeys: [], pairs: [], sides: [] };
let pushService: PushServiceEmulator;

beforeAll(async () => {
  pushService = await startPushService();
});
afterAll(async () => {
  await pushService.close();
});
beforeEach(() => {
  vi.stubEnv("VAPID_PUBLIC_KEY", vapid.publicKey);
  vi.stubEnv("VAPID_PRIVATE_KEY", vapid.privateKey);
  vi.stubEnv("VAPID_SUBJECT", "mailto:ops@g3.test");
  // A loopback deployment, as the offline backend sets it: http endpoints on loopback allowed.
  vi.stubEnv("CONVEX_CLOUD_URL", "http://127.0.0.1:3210");
});

/** A device at the stand-in whose keys the stand-in holds (so it can decrypt what arrives). */
function device() {
  const sub = pushService.createSubscription({ applicationServerKey: vapid.publicKey });
  if (sub.keys === undefined) throw new Error("keys expected");
  const keys = { p256dh: sub.keys.p256dh, auth: sub.keys.auth };
  // `id` names it at the stand-in; `args` is what the browser would send to push.subscribe.
  return { id: sub.id, endpoint: sub.endpoint, keys, args: { endpoint: sub.endpoint, keys } };
}

function payloads(deviceId: string) {
  return pushService.store
    .messages(deviceId)
    .map((m) => JSON.parse(m.payload ?? "null") as Record<string, unknown>);
}

async function rows(t: TestConvex): Promise<Doc<"pushSubscriptions">[]> {
  return t.run((ctx) => ctx.db.query("pushSubscriptions").collect());
}

describe("push.subscribe and settings", () => {
  test("anonymous is refused; a user without access is refused; a member subscribes", async () => {
    const { anonymous, noAccess, withAccess, t } = await setupRoles();
    const d = device();
    await expectCode(
      anonymous.mutation(api.push.subscribe, { ...d.args, filters: ALL }),
      "UNAUTHENTICATED",
    );
    await expectCode(
      noAccess.mutation(api.push.subscribe, { ...d.args, filters: ALL }),
      "FORBIDDEN",
    );
    const id = await withAccess.mutation(api.push.subscribe, { ...d.args, filters: ALL });
    const mine = await withAccess.query(api.push.mine, {});
    expect(mine.devices.map((x) => x.id)).toEqual([id]);
    expect(mine.tiers).toEqual([{ key: TIER, name: "VIP" }]);
    expect((await rows(t))[0]).toMatchObject({ endpoint: d.endpoint, failureCount: 0 });
    await expectCode(anonymous.query(api.push.mine, {}), "UNAUTHENTICATED");
  });

  test("an admin without an entitlement is no member either", async () => {
    const { admin } = await setupRoles();
    await expectCode(
      admin.mutation(api.push.subscribe, { ...device().args, filters: ALL }),
      "FORBIDDEN",
    );
  });

  test("validation: https only (http only on loopback, locally), keys, pairs, tiers, quiet hours", async () => {
    const { withAccess } = await setupRoles();
    const d = device();
    const refused = async (args: Record<string, unknown>, words: string) => {
      const call = withAccess.mutation(api.push.subscribe, {
        ...d.args,
        filters: ALL,
        ...args,
      });
      await expect(call).rejects.toThrow(words);
    };
    await refused({ endpoint: "http://push.example/x" }, "endpoint must be an https URL");
    await refused({ endpoint: "ftp://push.example/x" }, "endpoint must be an https URL");
    await refused({ endpoint: "https://user:pw@push.example/x" }, "credentials");
    await refused({ keys: { p256dh: "abc", auth: d.keys.auth } }, "p256dh");
    await refused({ keys: { p256dh: d.keys.p256dh, auth: "short" } }, "auth");
    await refused({ filters: { ...ALL, pairs: ["BTC/USDT<script>"] } }, "is not a pair");
    await refused({ filters: { ...ALL, tierKeys: ["whale"] } }, "tiers your membership includes");
    await refused({ quietHours: { start: 60, end: 60, timeZone: "UTC" } }, "different times");
    await refused({ quietHours: { start: 1500, end: 60, timeZone: "UTC" } }, "times of day");
    await refused({ quietHours: { start: 0, end: 60, timeZone: "Mars/Olympus" } }, "time zone");
    // On a deployment that is not loopback, even a loopback http endpoint is refused.
    vi.stubEnv("CONVEX_CLOUD_URL", "https://happy-otter-123.convex.cloud");
    await refused({}, "endpoint must be an https URL");
    // https alone would let a member aim the fan-out at any host (an internal address, a victim):
    // the endpoint must be a browser's push service, on its standard port.
    for (const endpoint of [
      "https://10.0.0.1/push",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/x",
      "https://admin.internal.example/x",
      "https://fcm.googleapis.com.evil.example/fcm/send/abc",
      "https://evilfcm.googleapis.com/fcm/send/abc",
      "https://fcm.googleapis.com:8443/fcm/send/abc",
    ]) {
      await refused({ endpoint }, "endpoint is not a known push service");
    }
    expect(
      await withAccess.mutation(api.push.subscribe, {
        ...d.args,
        endpoint: "https://fcm.googleapis.com/fcm/send/abc",
        filters: { tierKeys: [TIER], pairs: [" btc/usdt ", "eth"], sides: ["long"] },
      }),
    ).toBeTruthy();
    // The push services of Chromium-based browsers, Firefox, Safari and Edge.
    for (const endpoint of [
      "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
      "https://web.push.apple.com/QGuQyavXutnMH",
      "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
    ]) {
      expect(
        await withAccess.mutation(api.push.subscribe, { ...d.args, endpoint, filters: ALL }),
      ).toBeTruthy();
    }
    // Another push service is named by the deployment, not by the member.
    await refused({ endpoint: "https://push.example.org/x" }, "not a known push service");
    vi.stubEnv("PUSH_SERVICE_HOSTS", "push.example.org, other.example");
    expect(
      await withAccess.mutation(api.push.subscribe, {
        ...d.args,
        endpoint: "https://eu.push.example.org/x",
        filters: ALL,
      }),
    ).toBeTruthy();
    const [stored] = (await withAccess.query(api.push.mine, {})).devices.filter((device) =>
      device.endpoint.startsWith("https://fcm."),
    );
    expect(stored?.filters).toEqual({
      tierKeys: [TIER],
      pairs: ["BTC/USDT", "ETH"],
      sides: ["long"],
    });
  });

  test("the same endpoint is one row; another account taking the browser moves it", async () => {
    const { t, withAccess, ids } = await setupRoles();
    const d = device();
    const first = await withAccess.mutation(api.push.subscribe, { ...d.args, filters: ALL });
    const again = await withAccess.mutation(api.push.subscribe, {
      ...d.args,
      filters: { ...ALL, sides: ["short"] },
    });
    expect(again).toBe(first);
    expect(await rows(t)).toHaveLength(1);
    const other = await t.run(async (ctx) => {
      const userId = await ctx.db.insert("users", {
        email: "two@example.com",
        emailVerificationTime: 1,
      });
      const customerId = await ctx.db.insert("customers", { email: "two@example.com", userId });
      await ctx.db.insert("entitlements", {
        customerId,
        userId,
        tierKey: TIER,
        source: "subscription",
        sourceId: "sub_2",
        status: "active",
        updatedAt: Date.now(),
      });
      return userId;
    });
    const { signedInAs } = await import("./test.sessions");
    const second = await signedInAs(t, other);
    await second.mutation(api.push.subscribe, { ...d.args, filters: ALL });
    const all = await rows(t);
    expect(all).toHaveLength(1);
    expect(all[0]?.userId).toBe(other);
    expect(all[0]?.userId).not.toBe(ids.paying);
  });

  test("at most MAX devices per user; writes are rate-limited", async () => {
    const { withAccess } = await setupRoles();
    for (let i = 0; i < MAX_PUSH_SUBSCRIPTIONS_PER_USER; i++) {
      await withAccess.mutation(api.push.subscribe, { ...device().args, filters: ALL });
    }
    await expectCode(
      withAccess.mutation(api.push.subscribe, { ...device().args, filters: ALL }),
      "CONFLICT",
    );
    // The bucket holds 20: the refused write above rolled back with its token, so ten more
    // writes pass and the next one is throttled.
    const [one] = (await withAccess.query(api.push.mine, {})).devices;
    if (one === undefined) throw new Error("device expected");
    const update = () =>
      withAccess.mutation(api.push.updateSettings, { subscriptionId: one.id, filters: ALL });
    for (let i = 0; i < 10; i++) await update();
    await expectCode(update(), "BUSY");
  });

  test("update, test and unsubscribe touch only the caller's own devices", async () => {
    const { withAccess, noAccess, t } = await setupRoles();
    const d = device();
    const id = await withAccess.mutation(api.push.subscribe, { ...d.args, filters: ALL });
    await expectCode(
      noAccess.mutation(api.push.updateSettings, { subscriptionId: id, filters: ALL }),
      "NOT_FOUND",
    );
    await expectCode(noAccess.mutation(api.push.sendTest, { subscriptionId: id }), "NOT_FOUND");
    expect(await noAccess.mutation(api.push.unsubscribe, { endpoint: d.endpoint })).toBe(false);
    await withAccess.mutation(api.push.updateSettings, {
      subscriptionId: id,
      filters: { ...ALL, pairs: ["sol"] },
      quietHours: { start: 22 * 60, end: 7 * 60, timeZone: "Europe/Berlin" },
    });
    expect((await rows(t))[0]).toMatchObject({
      filters: { pairs: ["SOL"] },
      quietHours: { start: 1320, end: 420, timeZone: "Europe/Berlin" },
    });
    expect(await withAccess.mutation(api.push.unsubscribe, { endpoint: d.endpoint })).toBe(true);
    expect(await rows(t)).toHaveLength(0);
  });

  test("config exposes the VAPID public key to anyone; null when push is not configured", async () => {
    const { anonymous } = await setupRoles();
    expect(await anonymous.query(api.push.config, {})).toEqual({ vapidPublicKey: vapid.publicKey });
    vi.stubEnv("VAPID_PUBLIC_KEY", "");
    expect(await anonymous.query(api.push.config, {})).toEqual({ vapidPublicKey: null });
  });
});

describe("fan-out (pushSend, against the push-service stand-in)", () => {
  async function subscribed(
    caller: Awaited<ReturnType<typeof setupRoles>>["withAccess"],
    filters = ALL,
  ) {
    const d = device();
    const id = await caller.mutation(api.push.subscribe, { ...d.args, filters });
    return { ...d, subscriptionId: id };
  }

  test("an entitled device receives the signal, encrypted, with no more than the card shows", async () => {
    const { t, withAccess } = await setupRoles();
    const d = await subscribed(withAccess);
    const signalId = await insertSignal(t, {
      pair: "BTC/USDT",
      side: "long",
      content: "BTC long 42k",
    });
    expect(await t.action(internal.pushSend.fanOut, { signalId })).toEqual({
      delivered: 1,
      retrying: 0,
    });
    const [message] = pushService.store.messages(d.id);
    expect(message).toMatchObject({ urgency: "high", ttl: 3600, subject: "mailto:ops@g3.test" });
    expect(message?.topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(JSON.parse(message?.payload ?? "null")).toEqual({
      type: "signal",
      signalId,
      version: 1,
      title: "BTC/USDT LONG",
      // This reading names no symbol, so there is no summary line: the card's raw text instead.
      body: "BTC long 42k",
      url: `/signals/${signalId}`,
      tag: `signal-${signalId}`,
    });
    expect((await rows(t))[0]?.lastSuccessAt).toBeTypeOf("number");
  });

  test("a shaky reading carries no levels, as the card shows none", async () => {
    const { t, withAccess } = await setupRoles();
    const d = await subscribed(withAccess);
    const signalId = await insertSignal(t, { pair: "BTC/USDT", side: "long" });
    await t.run((ctx) =>
      ctx.db.patch("signals", signalId, {
        parsed: {
          kind: "signal",
          symbol: { raw: "BTC", base: "BTC", quote: "USDT" },
          side: "long",
          entries: [42000],
          targets: [43000],
          confidence: 0.2,
          errors: [],
          parserVersion: "test",
        },
      }),
    );
    await t.action(internal.pushSend.fanOut, { signalId });
    const [payload] = payloads(d.id);
    expect(payload?.body).toContain("check the message");
    expect(JSON.stringify(payload)).not.toContain("42000");
  });

  test("a device whose owner lost access receives nothing (checked at send time)", async () => {
    const { t, withAccess, ids } = await setupRoles();
    const d = await subscribed(withAccess);
    await t.run(async (ctx) => {
      const [row] = await ctx.db
        .query("entitlements")
        .withIndex("by_user_and_tier", (q) => q.eq("userId", ids.paying))
        .collect();
      if (row) await ctx.db.patch("entitlements", row._id, { status: "revoked" });
    });
    const signalId = await insertSignal(t);
    expect(await t.action(internal.pushSend.fanOut, { signalId })).toEqual({
      delivered: 0,
      retrying: 0,
    });
    expect(pushService.store.attempts(d.id)).toEqual([]);
  });

  test("another tier's signal is not sent", async () => {
    const { t, withAccess } = await setupRoles();
    const d = await subscribed(withAccess);
    const signalId = await insertSignal(t, { tierKey: "whale" });
    await t.action(internal.pushSend.fanOut, { signalId });
    expect(pushService.store.attempts(d.id)).toEqual([]);
  });

  test("filters: pair (base matches any quote) and side", async () => {
    const { t, withAccess } = await setupRoles();
    const eth = await subscribed(withAccess, { ...ALL, pairs: ["ETH"] });
    const shorts = await subscribed(withAccess, { ...ALL, sides: ["short"] });
    const btcLong = await insertSignal(t, { pair: "BTC/USDT", side: "long" });
    const ethShort = await insertSignal(t, { pair: "ETH/USDC", side: "short" });
    await t.action(internal.pushSend.fanOut, { signalId: btcLong });
    await t.action(internal.pushSend.fanOut, { signalId: ethShort });
    expect(payloads(eth.id).map((p) => p.signalId)).toEqual([ethShort]);
    expect(payloads(shorts.id).map((p) => p.signalId)).toEqual([ethShort]);
  });

  test("quiet hours in the subscriber's time zone suppress the push", async () => {
    const { t, withAccess } = await setupRoles();
    const now = new Date();
    const minute = now.getUTCHours() * 60 + now.getUTCMinutes();
    // A one-hour window around now, in Tokyo time (UTC+9, no DST).
    const tokyo = (minute + 9 * 60) % 1440;
    const quiet = {
      start: (tokyo + 1440 - 30) % 1440,
      end: (tokyo + 30) % 1440,
      timeZone: "Asia/Tokyo",
    };
    const sleeping = device();
    await withAccess.mutation(api.push.subscribe, {
      ...sleeping.args,
      filters: ALL,
      quietHours: quiet,
    });
    const awake = device();
    await withAccess.mutation(api.push.subscribe, {
      ...awake.args,
      filters: ALL,
      quietHours: { ...quiet, timeZone: "UTC" }, // the same clock times in UTC: 9 hours away
    });
    const signalId = await insertSignal(t);
    await t.action(internal.pushSend.fanOut, { signalId });
    expect(pushService.store.attempts(sleeping.id)).toEqual([]);
    expect(payloads(awake.id).map((p) => p.signalId)).toEqual([signalId]);
  });

  test("404 and 410 prune the subscription; 429 is counted and retried, then delivered", async () => {
    const { t, withAccess } = await setupRoles();
    const gone = await subscribed(withAccess);
    const missing = await subscribed(withAccess);
    const busy = await subscribed(withAccess);
    pushService.store.setFault(gone.id, { status: 410 });
    pushService.store.setFault(missing.id, { status: 404 });
    pushService.store.setFault(busy.id, { status: 429, remaining: 1, retryAfterSeconds: 90 });
    const signalId = await insertSignal(t);
    expect(await t.action(internal.pushSend.fanOut, { signalId })).toEqual({
      delivered: 0,
      retrying: 1,
    });
    const left = await rows(t);
    expect(left.map((r) => r._id)).toEqual([busy.subscriptionId]);
    expect(left[0]).toMatchObject({ failureCount: 1, lastFailureStatus: 429 });
    const scheduled = await t.run((ctx) => ctx.db.system.query("_scheduled_functions").collect());
    const retry = scheduled.find(
      (job) => job.name.includes("pushSend") && job.name.includes("retry"),
    );
    expect(retry?.args[0]).toEqual({
      signalId,
      subscriptionIds: [busy.subscriptionId],
      attempt: 2,
    });
    // Retry-After 90 s beats the 30 s backoff.
    expect(Math.round(((retry?.scheduledTime ?? 0) - (retry?._creationTime ?? 0)) / 1000)).toBe(90);
    const args = retry?.args[0] as {
      signalId: Id<"signals">;
      subscriptionIds: Id<"pushSubscriptions">[];
      attempt: number;
    };
    expect(await t.action(internal.pushSend.retry, args)).toEqual({ delivered: 1, retrying: 0 });
    expect((await rows(t))[0]).toMatchObject({ failureCount: 0 });
    expect(payloads(busy.id).map((p) => p.signalId)).toEqual([signalId]);
  });

  test("a stored endpoint that is no push service gets no request and is removed", async () => {
    const { t, withAccess } = await setupRoles();
    const kept = await subscribed(withAccess);
    // A row written before endpoints were checked against the push services (or by hand).
    const userId = (await rows(t))[0]?.userId;
    if (userId === undefined) throw new Error("subscriber expected");
    await t.run((ctx) =>
      ctx.db.insert("pushSubscriptions", {
        userId,
        endpoint: "https://127.0.0.1:1/internal-admin",
        p256dh: kept.keys.p256dh,
        auth: kept.keys.auth,
        filters: ALL,
        failureCount: 0,
        createdAt: Date.now(),
        updatedAt: Date.now(),
      }),
    );
    const signalId = await insertSignal(t);
    expect(await t.action(internal.pushSend.fanOut, { signalId })).toEqual({
      delivered: 1,
      retrying: 0,
    });
    expect((await rows(t)).map((r) => r._id)).toEqual([kept.subscriptionId]);
    expect(payloads(kept.id).map((p) => p.signalId)).toEqual([signalId]);
  });

  test("retries stop after the third attempt", async () => {
    const { t, withAccess } = await setupRoles();
    const down = await subscribed(withAccess);
    pushService.store.setFault(down.id, { status: 503 });
    const signalId = await insertSignal(t);
    const result = await t.action(internal.pushSend.retry, {
      signalId,
      subscriptionIds: [down.subscriptionId],
      attempt: 3,
    });
    expect(result).toEqual({ delivered: 0, retrying: 0 });
    const scheduled = await t.run((ctx) => ctx.db.system.query("_scheduled_functions").collect());
    expect(scheduled.filter((job) => job.name.includes("retry"))).toEqual([]);
    expect((await rows(t))[0]).toMatchObject({ failureCount: 1, lastFailureStatus: 503 });
  });

  test("a deleted signal sends nothing", async () => {
    const { t, withAccess } = await setupRoles();
    const d = await subscribed(withAccess);
    const signalId = await insertSignal(t);
    await t.run((ctx) => ctx.db.patch("signals", signalId, { deletedAt: Date.now() }));
    await t.action(internal.pushSend.fanOut, { signalId });
    expect(pushService.store.attempts(d.id)).toEqual([]);
  });

  test("sendTest reaches the device with no signal content", async () => {
    const { t, withAccess } = await setupRoles();
    const d = await subscribed(withAccess);
    vi.useFakeTimers();
    try {
      await withAccess.mutation(api.push.sendTest, { subscriptionId: d.subscriptionId });
      await t.finishAllScheduledFunctions(vi.runAllTimers);
    } finally {
      vi.useRealTimers();
    }
    expect(payloads(d.id)).toEqual([expect.objectContaining({ type: "test", url: "/account" })]);
  });
});

describe("pure rules", () => {
  test("quiet hours wrap midnight and follow the time zone", () => {
    const at = (iso: string) => Date.parse(iso);
    const night = { start: 22 * 60, end: 7 * 60, timeZone: "Europe/Berlin" };
    expect(isQuietAt(night, at("2026-01-10T22:30:00Z"))).toBe(true); // 23:30 Berlin
    expect(isQuietAt(night, at("2026-01-10T05:59:00Z"))).toBe(true); // 06:59 Berlin
    expect(isQuietAt(night, at("2026-01-10T06:00:00Z"))).toBe(false); // 07:00 Berlin
    expect(isQuietAt(night, at("2026-07-10T20:30:00Z"))).toBe(true); // 22:30 Berlin (summer time)
    expect(isQuietAt(night, at("2026-07-10T19:30:00Z"))).toBe(false);
    expect(isQuietAt(undefined, Date.now())).toBe(false);
  });

  test("retry delay: 30 s then 2 min, Retry-After wins, capped at 10 min", () => {
    expect(retryDelayMs(1, undefined)).toBe(30_000);
    expect(retryDelayMs(2, undefined)).toBe(120_000);
    expect(retryDelayMs(1, 90_000)).toBe(90_000);
    expect(retryDelayMs(1, 3_600_000)).toBe(600_000);
  });
});

describe("ingest schedules the fan-out", () => {
  test("a new signal through ingest.upsertMessage reaches a subscribed device", async () => {
    const { t, withAccess } = await setupRoles();
    vi.stubEnv("CONVEX_SERVICE_SECRET", "service-secret-0123456789");
    await t.run((ctx) =>
      ctx.db.insert("channelMappings", { ...MAPPING, enabled: true, updatedAt: Date.now() }),
    );
    const d = device();
    await withAccess.mutation(api.push.subscribe, { ...d.args, filters: ALL });
    vi.useFakeTimers();
    try {
      const result = await t.mutation(api.ingest.upsertMessage, {
        secret: "service-secret-0123456789",
        message: {
          messageId: "1300000000000000777",
          channelId: MAPPING.sourceChannelId,
          guildId: MAPPING.sourceGuildId,
          authorId: "1000000000000000099",
          authorName: "caller",
          content: "SOL/USDT SHORT entry 150 TP 140 SL 160",
          attachments: [],
          sourceAt: Date.now() - 300,
          receivedAt: Date.now() - 100,
          origin: "gateway",
        },
      });
      await t.finishAllScheduledFunctions(vi.runAllTimers);
      expect(payloads(d.id).map((p) => p.signalId)).toEqual([result.signalId]);
      const [payload] = payloads(d.id);
      expect(payload).toMatchObject({ title: "SOL/USDT SHORT" });
      expect(payload?.body).toContain("entry 150");
      expect(payload?.body).toContain("SL 160");
    } finally {
      vi.useRealTimers();
    }
  });
});
