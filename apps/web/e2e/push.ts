// Web Push in the browser (issue #17), run by journey.e2e.ts on its stack. A member opts in on
// /account/notifications; a new signal reaches the push-service stand-in encrypted, its decrypted
// payload names the signal, and that payload delivered to the service worker through the DevTools
// protocol shows a notification. A second device whose push service answers 410 is pruned; quiet
// hours suppress; a member who lost access gets nothing. The app is installable (manifest + SW).
//
// Chromium's own PushManager.subscribe registers with Google's push service (FCM), which does not
// exist offline. So the page's PushManager.subscribe/getSubscription are replaced (init script)
// by a subscription at the stand-in whose keys the test owns; everything after that — the UI, the
// Convex mutation, the fan-out action, web-push's encryption and VAPID, the stand-in's checks, the
// service worker — is the real thing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_PATH } from "@g3/dev-stack/chromium";
import type { PushServiceEmulator } from "@g3/push-service-emulator";
import { chromium, type BrowserContext, type CDPSession, type Page } from "playwright-core";
import { expect } from "vitest";

export type PushDeps = {
  webUrl: string;
  password: string;
  pushService: PushServiceEmulator;
  vapidPublicKey: string;
  newContext: (viewport: { width: number; height: number }) => Promise<BrowserContext>;
  signUp: (context: BrowserContext, email: string) => Promise<Page>;
  signIn: (context: BrowserContext, email: string) => Promise<Page>;
  sendWebhook: (options: {
    email: string;
    orderId: string;
    productId: string;
    kind?: "order.completed" | "order.disputed";
  }) => Promise<void>;
  /** Commits a signal through ingest (as the collector does); returns its id. */
  postSignal: (messageId: string, content: string) => Promise<string>;
  /** Waits until every scheduled function (the fan-out) has run. */
  settle: () => Promise<void>;
  shot: (page: Page, name: string) => Promise<void>;
};

const MEMBER = "push.trader@e2e.test";
// Unique across the journey file: the storefront journey buys order 7001.
const ORDER = "7101";

/** A device at the stand-in, and the init script that makes the page's PushManager use it. */
function fakeDevice(deps: PushDeps) {
  const device = deps.pushService.createSubscription({ applicationServerKey: deps.vapidPublicKey });
  const keys = device.keys;
  if (keys === undefined) throw new Error("the stand-in made no keys");
  const subscription = { endpoint: device.endpoint, p256dh: keys.p256dh, auth: keys.auth };
  const script = (sub: typeof subscription) => {
    const FLAG = "__g3_test_push_subscribed";
    const make = () => ({
      endpoint: sub.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true },
      toJSON: () => ({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }),
      unsubscribe: () => {
        localStorage.removeItem(FLAG);
        return Promise.resolve(true);
      },
    });
    PushManager.prototype.subscribe = function (options?: PushSubscriptionOptionsInit) {
      if (options?.userVisibleOnly !== true || options.applicationServerKey == null) {
        return Promise.reject(new DOMException("userVisibleOnly and a key are required"));
      }
      localStorage.setItem(FLAG, "1");
      return Promise.resolve(make() as unknown as PushSubscription);
    };
    PushManager.prototype.getSubscription = function () {
      const on = localStorage.getItem(FLAG) === "1";
      return Promise.resolve(on ? (make() as unknown as PushSubscription) : null);
    };
  };
  return {
    id: device.id,
    subscription,
    install: (context: BrowserContext) => context.addInitScript(script, subscription),
  };
}

async function waitFor<T>(
  what: string,
  probe: () => T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
}

/** The service worker's registration id, from the DevTools protocol's ServiceWorker domain. */
async function registrationId(session: CDPSession, scopeUrl: string): Promise<string> {
  const found = new Promise<string>((resolveId) => {
    session.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const match = registrations.find((r) => r.scopeURL === scopeUrl && !r.isDeleted);
      if (match !== undefined) resolveId(match.registrationId);
    });
  });
  await session.send("ServiceWorker.enable");
  return found;
}

async function notifications(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      url: (n.data as { url?: string } | null)?.url,
    }));
  });
}

async function turnOn(page: Page, deps: PushDeps, pairs: string) {
  await page.goto(`${deps.webUrl}/account/notifications`);
  await page.getByTestId("push-status").filter({ hasText: "off on this device" }).waitFor();
  await page.getByLabel(/Pairs/).fill(pairs);
  await page.getByRole("button", { name: "Turn on notifications" }).click();
  await page.getByTestId("push-status").filter({ hasText: "on for this device" }).waitFor();
}

export async function pushJourney(deps: PushDeps): Promise<void> {
  // A member (signed webhook first, then sign-up with that email), on a phone-sized browser.
  await deps.sendWebhook({ email: MEMBER, orderId: ORDER, productId: "501" });
  const phone = fakeDevice(deps);
  const context = await deps.newContext({ width: 390, height: 844 });
  await context.grantPermissions(["notifications"], { origin: deps.webUrl });
  await phone.install(context);
  const page = await deps.signUp(context, MEMBER);

  const session = await context.newCDPSession(page);
  const registration = registrationId(session, `${deps.webUrl}/`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

  // Opt in on this device (BTC only), and on a second device whose subscription has expired.
  await turnOn(page, deps, "BTC");
  await deps.shot(page, "push-settings-on");
  const tablet = fakeDevice(deps);
  const tabletContext = await deps.newContext({ width: 800, height: 1100 });
  await tabletContext.grantPermissions(["notifications"], { origin: deps.webUrl });
  await tablet.install(tabletContext);
  const tabletPage = await deps.signIn(tabletContext, MEMBER);
  await turnOn(tabletPage, deps, "");
  await page.reload();
  await page.getByText("2 devices get notifications").waitFor();
  deps.pushService.store.setFault(tablet.id, { status: 410 });

  // A new BTC signal: the stand-in receives an encrypted push for this device; decrypted, it
  // names the signal. An ETH signal is filtered out.
  const ethId = await deps.postSignal(
    "1300000000000007000",
    "ETH/USDT SHORT\nEntry: 2400\nTP: 2300\nSL: 2500",
  );
  const btcId = await deps.postSignal(
    "1300000000000007001",
    "BTC/USDT LONG\nEntry: 64000\nTP: 66000\nSL: 62000",
  );
  const [message] = await waitFor("the push for the BTC signal", () => {
    const messages = deps.pushService.store.messages(phone.id);
    return messages.length > 0 ? messages : undefined;
  });
  await deps.settle();
  expect(deps.pushService.store.messages(phone.id)).toHaveLength(1);
  expect(message?.urgency).toBe("high");
  const payload = JSON.parse(message?.payload ?? "null") as {
    signalId: string;
    title: string;
    url: string;
  };
  expect(payload).toMatchObject({
    signalId: btcId,
    title: "BTC/USDT LONG",
    url: `/signals/${btcId}`,
  });
  expect(JSON.stringify(payload)).not.toContain(ethId);

  // The same payload, delivered to the service worker as a push event: a notification appears.
  await session.send("ServiceWorker.deliverPushMessage", {
    origin: deps.webUrl,
    registrationId: await registration,
    data: message?.payload ?? "",
  });
  await expect
    .poll(() => notifications(page), { timeout: 10_000 })
    .toContainEqual({
      title: "BTC/USDT LONG",
      body: expect.stringContaining("entry 64000") as unknown as string,
      tag: `signal-${btcId}`,
      url: `/signals/${btcId}`,
    });
  // A payload pointing elsewhere opens this site's feed, never the other origin.
  await session.send("ServiceWorker.deliverPushMessage", {
    origin: deps.webUrl,
    registrationId: await registration,
    data: JSON.stringify({
      title: "Phish",
      body: "x",
      tag: "phish",
      url: "https://evil.example/x",
    }),
  });
  await expect
    .poll(async () => (await notifications(page)).find((n) => n.tag === "phish")?.url, {
      timeout: 10_000,
    })
    .toBe("/feed");

  // The expired device (410) was pruned: its page now says notifications are off there.
  await tabletPage.reload();
  await tabletPage.getByTestId("push-status").filter({ hasText: "off on this device" }).waitFor();
  await tabletContext.close();

  // Quiet hours covering now (in this browser's time zone) suppress the next signal.
  await page.reload();
  await page.getByLabel("No notifications between").check();
  const [from, until] = await page.evaluate(() => {
    const at = (offsetMinutes: number) => {
      const d = new Date(Date.now() + offsetMinutes * 60_000);
      return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
    };
    return [at(-30), at(30)];
  });
  await page.getByLabel("Quiet from").fill(from ?? "");
  await page.getByLabel("Quiet until").fill(until ?? "");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
  await deps.shot(page, "push-settings-quiet-hours");
  await deps.postSignal(
    "1300000000000007002",
    "BTC/USDT SHORT\nEntry: 65000\nTP: 63000\nSL: 66000",
  );
  await deps.settle();
  expect(deps.pushService.store.messages(phone.id)).toHaveLength(1);

  // Quiet hours off: the next one arrives (the fan-out is alive) …
  await page.getByLabel("No notifications between").uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
  await deps.postSignal("1300000000000007003", "BTC/USDT LONG\nEntry: 63000\nTP: 65000\nSL: 62000");
  await waitFor("the second push", () =>
    deps.pushService.store.messages(phone.id).length === 2 ? true : undefined,
  );

  // … until the member loses access (a dispute): the subscription stays, but nothing is sent.
  await deps.sendWebhook({
    email: MEMBER,
    orderId: ORDER,
    productId: "501",
    kind: "order.disputed",
  });
  await page.goto(`${deps.webUrl}/feed`);
  await page.getByRole("link", { name: "Get access" }).waitFor({ timeout: 15_000 });
  await deps.postSignal("1300000000000007004", "BTC/USDT LONG\nEntry: 62500\nTP: 64000\nSL: 61000");
  await deps.settle();
  expect(deps.pushService.store.messages(phone.id)).toHaveLength(2);
  await context.close();
  await expectInstallable(deps.webUrl);
}

/**
 * Chromium's own verdict that the app can be installed (manifest, icons, service worker). It is
 * asked in a persistent profile: Playwright's ordinary contexts are off the record, where
 * Chromium refuses installation ("in-incognito") and does not even read the manifest.
 */
async function expectInstallable(webUrl: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), "g3-pwa-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
  });
  try {
    const page = await context.newPage();
    await page.goto(webUrl);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const session = await context.newCDPSession(page);
    const manifest = await session.send("Page.getAppManifest");
    expect(manifest.url).toBe(`${webUrl}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    await expect
      .poll(async () => (await session.send("Page.getInstallabilityErrors")).installabilityErrors, {
        timeout: 15_000,
      })
      .toEqual([]);
    const icons = (JSON.parse(manifest.data ?? "{}") as { icons?: { src: string }[] }).icons ?? [];
    expect(icons.length).toBeGreaterThanOrEqual(2);
    for (const icon of icons) {
      const response = await fetch(`${webUrl}${icon.src}`);
      expect(response.headers.get("content-type")).toBe("image/png");
    }
    const sw = await fetch(`${webUrl}/sw.js`);
    expect(sw.headers.get("cache-control")).toBe("no-cache");
    expect(sw.headers.get("content-security-policy")).toContain("default-src 'self'");
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
