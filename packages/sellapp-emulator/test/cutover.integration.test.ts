// Cutover end to end with real parts: the real @g3/sellapp-api client (inside a Convex action of
// the offline backend) reads this stand-in; the webhooks it loses are found by reconciliation.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  adminClient,
  type AdminClient,
  type Backend,
  silentLogger,
  startBackend,
} from "@g3/convex-offline";
import { waitFor } from "@g3/dev-stack/poll";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { internal } from "../../../convex/_generated/api.js";
import type { Id } from "../../../convex/_generated/dataModel.js";
import { type SellappEmulator, startSellappEmulator } from "../src/index";

const here = dirname(fileURLToPath(import.meta.url));
const API_KEY = "cutover-api-key-0123456789";
const SECRET = "cutover-signing-secret-0123456789abcdef";
const DAY = 86_400_000;
const NOW = Date.now();

let emulator: SellappEmulator;
let backend: Backend;
let admin: AdminClient;

type Expectation = { access: boolean; accessUntil?: number; status?: string };
const expected = new Map<string, Expectation>();

/** Ten states, twenty customers each: one-off orders in every status, subscriptions in every phase. */
function buildStore(count: number) {
  const store = emulator.store;
  for (let i = 0; i < count; i++) {
    const email = `c${i}@example.com`;
    const at = NOW - 2 * DAY - i * 1000;
    const vip = { email, productId: 501, variantId: 601 };
    switch (i % 10) {
      case 0:
        store.createOrder({ ...vip, status: "COMPLETED", at });
        expected.set(email, { access: true, accessUntil: at + 30 * DAY, status: "active" });
        break;
      case 1:
        store.createOrder({ ...vip, status: "PAID", at });
        expected.set(email, { access: true, accessUntil: at + 30 * DAY, status: "active" });
        break;
      case 2: {
        const order = store.createOrder({ ...vip, status: "COMPLETED", at });
        store.setOrderStatus(order.id, "REFUNDED", at + 1000);
        expected.set(email, { access: false, status: "revoked" });
        break;
      }
      case 3: {
        const order = store.createOrder({ ...vip, status: "COMPLETED", at });
        store.setOrderStatus(order.id, "DISPUTING", at + 1000);
        expected.set(email, { access: false, status: "revoked" });
        break;
      }
      case 4:
        store.createOrder({ ...vip, status: "PARTIAL", at });
        expected.set(email, { access: false });
        break;
      case 5:
        store.createOrder({ ...vip, status: "PENDING", at });
        expected.set(email, { access: false });
        break;
      case 6: {
        const periodEnd = NOW + 20 * DAY;
        const sub = store.createSubscription({ ...vip, status: "ACTIVE", at, periodEnd });
        store.createOrder({ ...vip, status: "COMPLETED", at, subscriptionId: sub.id });
        // As with webhooks: the order's payment is read as buying a 30-day period from its
        // time (orders carry no period end), and period ends only move forward.
        const until = Math.max(periodEnd, at + 30 * DAY);
        expected.set(email, { access: true, accessUntil: until, status: "active" });
        break;
      }
      case 7: {
        // Cancelled with 10 days left of a period paid longer than 30 days ago (a yearly plan, or
        // renewals before our webhook): the cancellation's period end is the access end, not 30
        // days from the last order we can see.
        const periodEnd = NOW + 10 * DAY;
        const start = NOW - 40 * DAY;
        const sub = store.createSubscription({ ...vip, status: "ACTIVE", at: start, periodEnd });
        store.createOrder({ ...vip, status: "COMPLETED", at: start, subscriptionId: sub.id });
        store.updateSubscription(sub.id, { status: "CANCELLED", at: NOW - DAY });
        expected.set(email, { access: true, accessUntil: periodEnd, status: "cancelling" });
        break;
      }
      case 8: {
        // The period ended a day ago and the renewal failed: 48 h grace, so access until tomorrow.
        const periodEnd = NOW - DAY;
        const start = periodEnd - 30 * DAY;
        const sub = store.createSubscription({ ...vip, status: "ACTIVE", at: start, periodEnd });
        store.createOrder({ ...vip, status: "COMPLETED", at: start, subscriptionId: sub.id });
        store.updateSubscription(sub.id, { status: "PAST_DUE", at: periodEnd });
        expected.set(email, { access: true, status: "past_due" });
        break;
      }
      case 9:
        store.createOrder({ email, productId: 999, variantId: 998, status: "COMPLETED", at });
        expected.set(email, { access: false });
        break;
    }
  }
}

async function runToEnd(kind: "import" | "reconcile", dryRun: boolean) {
  const runId: Id<"sellappSyncRuns"> = await admin.mutation(internal.sellappSyncOps.start, {
    kind,
    dryRun,
  });
  return waitFor(
    async () => {
      const summary = await admin.query(internal.sellappSyncOps.runSummary, { runId });
      return summary !== null && summary.run.status !== "running" ? summary : undefined;
    },
    90_000,
    `${kind} run`,
  );
}

async function checkAccess(emails: Iterable<string>) {
  const wrong: string[] = [];
  for (const email of emails) {
    const want = expected.get(email);
    const rows = await admin.query(internal.sellappSyncOps.accessOf, { email });
    const has = rows.some((row) => row.hasAccess);
    const row = rows[0];
    if (want === undefined) continue;
    if (has !== want.access) wrong.push(`${email}: access ${has}, want ${want.access}`);
    if (want.status !== undefined && row?.status !== want.status) {
      wrong.push(`${email}: status ${row?.status}, want ${want.status}`);
    }
    if (want.status === undefined && rows.length > 0)
      wrong.push(`${email}: unexpected entitlement`);
    if (want.accessUntil !== undefined && row?.accessUntil !== want.accessUntil) {
      wrong.push(`${email}: until ${row?.accessUntil}, want ${want.accessUntil}`);
    }
    if (rows.some((r) => !r.pending)) wrong.push(`${email}: attached to a user already`);
  }
  return wrong;
}

beforeAll(async () => {
  emulator = await startSellappEmulator({ apiKey: API_KEY, signingSecret: SECRET });
  backend = await startBackend({
    functionsDir: resolve(here, "../../../convex"),
    port: 0,
    sitePort: 0,
    dataDir: null,
    env: {
      CONVEX_SERVICE_SECRET: "cutover-service-secret",
      SELLAPP_WEBHOOK_SECRET: SECRET,
      SELLAPP_API_KEY: API_KEY,
      SELLAPP_API_URL: emulator.apiUrl,
    },
    logger: silentLogger,
  });
  admin = adminClient(backend.url, backend.adminKey);
  await admin.mutation(internal.seed.configure, {
    tier: { key: "vip", name: "VIP", graceHours: 48, orderAccessDays: 30 },
    sellappProductId: "501",
    sellappVariantIds: ["601"],
    mappings: [],
  });
  buildStore(200);
}, 60_000);

afterAll(async () => {
  await backend?.close();
  await emulator?.close();
});

describe("cutover against the Sell.app stand-in and the offline backend", () => {
  it("imports 200 customers in mixed states: the dry run reports what the real run then does", async () => {
    // A rate limit and an outage on the way: the client waits and retries.
    emulator.faults.add({ status: 429, count: 1, retryAfterSeconds: 1 });
    emulator.faults.add({ status: 502, count: 1 });
    const before = await admin.query(internal.sellappSyncOps.tierCounts, {});
    expect(before).toEqual([]);

    const dry = await runToEnd("import", true);
    expect(dry.run.error).toBeUndefined();
    expect(dry.run).toMatchObject({
      status: "done",
      ordersSeen: 200,
      subscriptionsSeen: 60,
      changes: 140,
    });
    expect(dry.run.unmappedProducts).toEqual(["999 (variant 998)"]);
    expect(await admin.query(internal.sellappSyncOps.tierCounts, {})).toEqual([]);
    expect(
      await admin.query(internal.sellappSyncOps.accessOf, { email: "c0@example.com" }),
    ).toEqual([]);

    const real = await runToEnd("import", false);
    expect(real.run).toMatchObject({ status: "done", changes: 140, failures: 20 });
    const strip = (changes: typeof real.changes) =>
      changes
        .map(({ runId: _runId, ...rest }) => rest)
        .sort((a, b) => a.sourceId.localeCompare(b.sourceId));
    expect(strip(dry.changes)).toEqual(strip(real.changes));
    expect(
      real.changes.filter((c) => c.to === "active" || c.to === "cancelling" || c.to === "past_due"),
    ).toHaveLength(100);

    expect(await checkAccess(expected.keys())).toEqual([]);
    expect(await admin.query(internal.sellappSyncOps.tierCounts, {})).toEqual([
      { tierKey: "vip", withAccess: 0, pending: 100, truncated: false },
    ]);
  }, 120_000);

  it("loses ten webhooks; reconciliation restores exactly those, and late deliveries change nothing", async () => {
    const webhookUrl = `${backend.siteUrl}/webhooks/sellapp`;
    const firstNew = emulator.store.deliveries.length;
    for (let i = 0; i < 20; i++) {
      const email = `n${i}@example.com`;
      emulator.store.createOrder({
        email,
        productId: 501,
        variantId: 601,
        status: "COMPLETED",
        at: NOW - i,
      });
      expected.set(email, { access: true, accessUntil: NOW - i + 30 * DAY, status: "active" });
    }
    // A refund Sell.app never announces, on an imported customer.
    const refunded = [...emulator.store.orders.values()].find(
      (o) => o.customer.email === "c10@example.com",
    );
    if (refunded === undefined) throw new Error("no order for c10");
    emulator.store.setOrderStatus(refunded.id, "REFUNDED", NOW - 1000);
    expected.set("c10@example.com", { access: false, status: "revoked" });

    const fresh = emulator.store.deliveries.slice(firstNew);
    const lost = fresh.filter((_, index) => index % 2 === 0).slice(0, 10);
    for (const delivery of lost) {
      const response = await fetch(`${emulator.origin}/_control/deliveries/${delivery.id}/lose`, {
        method: "POST",
      });
      expect(response.status).toBe(200);
    }
    // Everything else goes out, including the 200 customers' old deliveries, late and after the import.
    const sent = await emulator.deliverPending(webhookUrl);
    expect(sent.failed).toBe(0);
    const lostEmails = lost.map(
      (d) => (JSON.parse(d.body) as { data: { customer: { email: string } } }).data.customer.email,
    );
    await waitFor(
      async () => {
        const rows = await admin.query(internal.sellappSyncOps.accessOf, {
          email: "n1@example.com",
        });
        return rows.some((row) => row.hasAccess) ? true : undefined;
      },
      30_000,
      "a delivered webhook processed",
    );
    for (const email of lostEmails) {
      const rows = await admin.query(internal.sellappSyncOps.accessOf, { email });
      expect(
        rows.some((row) => row.hasAccess),
        email,
      ).toBe(false);
    }

    const reconcile = await runToEnd("reconcile", false);
    expect(reconcile.run).toMatchObject({ status: "done", eventsStored: 11, changes: 11 });
    expect(reconcile.changes.map((c) => c.note).sort()).toEqual(
      [
        ...lost.map(
          (d) =>
            `webhook missed for order ${(JSON.parse(d.body) as { data: { id: number } }).data.id}: access granted`,
        ),
        `webhook missed for order ${refunded.id}: access removed (revoked, refund)`,
      ].sort(),
    );
    expect(await checkAccess(expected.keys())).toEqual([]);

    // Idempotent: a second run finds nothing new.
    const again = await runToEnd("reconcile", false);
    expect(again.run).toMatchObject({ status: "done", eventsStored: 0, changes: 0 });
  }, 120_000);
});
