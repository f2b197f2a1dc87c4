import {
  buildSellappEvent,
  type SampleKind,
  type SampleOptions,
  syntheticOrderEvent,
  syntheticSubscriptionEvent,
} from "@g3/payments";
import { describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import crons from "./crons";
import type { Id } from "./_generated/dataModel";
import {
  DAY,
  deliver,
  entitlementsOf,
  eventsOf,
  insertUser,
  settle,
  setupPayments,
  T0,
  type TestConvex,
} from "./test.sellapp";
import { signedInAs } from "./test.sessions";

/** What Sell.app's API would answer for the state a sample delivery describes. */
function apiObject(kind: SampleKind, options: SampleOptions = {}): Record<string, unknown> {
  return (buildSellappEvent(kind, options).payload as { data: Record<string, unknown> }).data;
}

function orderSource(kind: SampleKind, options: SampleOptions = {}) {
  const event = syntheticOrderEvent(apiObject(kind, options));
  if (event === null) throw new Error(`${kind} carries no access change`);
  return { rawBodies: [event.rawBody] };
}

async function newRun(t: TestConvex, dryRun: boolean, kind: "reconcile" | "import" = "reconcile") {
  return t.run((ctx) =>
    ctx.db.insert("sellappSyncRuns", {
      kind,
      dryRun,
      status: "running",
      startedAt: Date.now(),
      ordersSeen: 0,
      subscriptionsSeen: 0,
      eventsStored: 0,
      eventsKnown: 0,
      changes: 0,
      failures: 0,
      unmappedProducts: [],
    }),
  );
}

async function apply(
  t: TestConvex,
  runId: Id<"sellappSyncRuns">,
  sources: { rawBodies: string[] }[],
) {
  await t.mutation(internal.sellappSync.applyBatch, { runId, origin: "api", sources });
  await settle(t);
  return t.run(async (ctx) => ({
    run: await ctx.db.get("sellappSyncRuns", runId),
    changes: await ctx.db
      .query("sellappSyncChanges")
      .withIndex("by_run", (q) => q.eq("runId", runId))
      .collect(),
  }));
}

describe("admin only", () => {
  test("every public function refuses anonymous and non-admin callers", async () => {
    const { t } = await setupPayments();
    const userId = await insertUser(t, "buyer@example.com", true);
    const customer = await signedInAs(t, userId);
    const storageId = await t.run((ctx) => ctx.storage.store(new Blob(["ID,Status,Email\n"])));
    const runId = await newRun(t, true);
    for (const caller of [t, customer]) {
      await expect(
        caller.mutation(api.sellappSync.startReconcile, { dryRun: true }),
      ).rejects.toThrow(/Sign in|Admins only/);
      await expect(caller.mutation(api.sellappSync.startImport, { dryRun: false })).rejects.toThrow(
        /Sign in|Admins only/,
      );
      await expect(caller.mutation(api.sellappSync.generateCsvUploadUrl, {})).rejects.toThrow(
        /Sign in|Admins only/,
      );
      await expect(
        caller.mutation(api.sellappSync.startCsvImport, { storageId, dryRun: true }),
      ).rejects.toThrow(/Sign in|Admins only/);
      await expect(caller.query(api.sellappSync.runs, {})).rejects.toThrow(/Sign in|Admins only/);
      await expect(
        caller.query(api.sellappSync.runChanges, {
          runId,
          paginationOpts: { numItems: 10, cursor: null },
        }),
      ).rejects.toThrow(/Sign in|Admins only/);
    }
  });
});

describe("reconciliation through the webhook path", () => {
  test("an order whose webhook was lost is granted, reported as missed, and pending until sign-up", async () => {
    const { t } = await setupPayments();
    const runId = await newRun(t, false);
    const { run, changes } = await apply(t, runId, [
      orderSource("order.completed", { email: "lost@example.com", orderId: "2001" }),
    ]);
    expect(run).toMatchObject({ eventsStored: 1, eventsKnown: 0, changes: 1, failures: 0 });
    expect(changes).toEqual([
      expect.objectContaining({
        email: "lost@example.com",
        source: "order",
        sourceId: "2001",
        tierKey: "vip",
        to: "active",
        accessUntil: T0 + 30 * DAY,
        pending: true,
        note: "webhook missed for order 2001: access granted",
      }),
    ]);
    const [entitlement] = await entitlementsOf(t);
    expect(entitlement).toMatchObject({ status: "active", sourceId: "2001" });
    expect(entitlement?.userId).toBeUndefined();
    const [event] = await eventsOf(t);
    expect(event).toMatchObject({ verification: "api", status: "processed", orderId: "2001" });
    const audit = await t.run((ctx) =>
      ctx.db
        .query("auditLog")
        .withIndex("by_action", (q) => q.eq("action", "sellapp.reconcile.change"))
        .collect(),
    );
    expect(audit.map((entry) => entry.reason)).toEqual([
      "webhook missed for order 2001: access granted",
    ]);
  });

  test("a state the webhook already delivered is recognised by its dedupe key: nothing stored, nothing changed", async () => {
    const { t } = await setupPayments();
    await deliver(t, "order.completed", { orderId: "2002" });
    const before = await entitlementsOf(t);
    const runId = await newRun(t, false);
    const { run, changes } = await apply(t, runId, [
      orderSource("order.completed", { orderId: "2002" }),
    ]);
    expect(run).toMatchObject({ eventsStored: 0, eventsKnown: 1, changes: 0 });
    expect(changes).toEqual([]);
    expect(await entitlementsOf(t)).toEqual(before);
    expect(await eventsOf(t)).toHaveLength(1);
  });

  test("order independence: API copy first, late webhook after — same end state; a refund only the API shows revokes", async () => {
    const first = await setupPayments();
    await apply(first.t, await newRun(first.t, false), [
      orderSource("order.completed", { orderId: "2003" }),
    ]);
    const late = await deliver(first.t, "order.completed", { orderId: "2003" });
    expect(late.body.duplicate).toBe(true);
    const apiFirst = (await entitlementsOf(first.t)).map(({ status, accessUntil }) => ({
      status,
      accessUntil,
    }));
    vi.useRealTimers();

    const second = await setupPayments();
    await deliver(second.t, "order.completed", { orderId: "2003" });
    await apply(second.t, await newRun(second.t, false), [
      orderSource("order.completed", { orderId: "2003" }),
    ]);
    const webhookFirst = (await entitlementsOf(second.t)).map(({ status, accessUntil }) => ({
      status,
      accessUntil,
    }));
    expect(apiFirst).toEqual(webhookFirst);

    // Sell.app sends no refund event: only reconciliation learns of it.
    const runId = await newRun(second.t, false);
    const { changes } = await apply(second.t, runId, [
      orderSource("order.refunded", { orderId: "2003", occurredAt: T0 + DAY }),
    ]);
    expect(changes.map((c) => [c.from, c.to, c.note])).toEqual([
      ["active", "revoked", "webhook missed for order 2003: access removed (revoked, refund)"],
    ]);
    // A replayed grant afterwards changes nothing: the revoke is terminal in the reducer.
    await deliver(second.t, "order.paid", { orderId: "2003", occurredAt: T0 + 2 * DAY });
    expect((await entitlementsOf(second.t))[0]?.status).toBe("revoked");
  });

  test("a subscription and its order are applied together; unmapped products are named", async () => {
    const { t } = await setupPayments();
    const order = apiObject("order.completed", {
      orderId: "3001",
      subscriptionId: "901",
      email: "sub@example.com",
    });
    const subscription = apiObject("subscription.cancelled", {
      subscriptionId: "901",
      email: "sub@example.com",
      periodEnd: T0 + 30 * DAY,
    });
    const runId = await newRun(t, false);
    const { run, changes } = await apply(t, runId, [
      {
        rawBodies: [
          syntheticOrderEvent(order)?.rawBody ?? "",
          syntheticSubscriptionEvent(subscription)?.rawBody ?? "",
        ],
      },
      orderSource("order.completed", { orderId: "3002", productId: "999", variantId: "998" }),
    ]);
    expect(changes.map((c) => [c.source, c.sourceId, c.to, c.accessUntil])).toEqual([
      ["subscription", "901", "cancelling", T0 + 30 * DAY],
    ]);
    expect(run?.unmappedProducts).toEqual(["999 (variant 998)"]);
    expect(run?.failures).toBe(1);
  });
});

describe("dry run", () => {
  test("reports exactly what the real run then does, and writes nothing but the report", async () => {
    const { t } = await setupPayments();
    const userId = await insertUser(t, "known@example.com", true);
    const sources = [
      orderSource("order.completed", { orderId: "4001", email: "known@example.com" }),
      orderSource("order.disputed", { orderId: "4002", email: "gone@example.com" }),
      orderSource("order.paid", { orderId: "4003", email: "new@example.com" }),
    ];
    const dry = await apply(t, await newRun(t, true, "import"), sources);
    expect(await entitlementsOf(t)).toEqual([]);
    expect(await eventsOf(t)).toEqual([]);
    expect(await t.run((ctx) => ctx.db.query("customers").collect())).toEqual([]);
    const real = await apply(t, await newRun(t, false, "import"), sources);
    const strip = (rows: typeof dry.changes) =>
      rows.map(({ _id: _a, _creationTime: _b, runId: _c, ...rest }) => rest);
    expect(strip(dry.changes)).toEqual(strip(real.changes));
    expect(strip(real.changes).map((c) => [c.email, c.to, c.pending])).toEqual([
      ["known@example.com", "active", false],
      ["gone@example.com", "revoked", true],
      ["new@example.com", "active", true],
    ]);
    const rows = await entitlementsOf(t);
    expect(rows.find((row) => row.sourceId === "4001")?.userId).toBe(userId);
  });
});

describe("CSV import", () => {
  test("an uploaded export runs through the same path: dry run, then real run; bad rows listed", async () => {
    const { t, admin } = await setupPayments();
    const csv =
      "Order ID,Status,Customer Email,Product ID,Variant ID,Created At\n" +
      "5001,COMPLETED,ann@example.com,501,601,2026-01-01T00:00:00Z\n" +
      "5002,REFUNDED,bob@example.com,501,601,2026-01-01T00:00:00Z\n" +
      "5003,PENDING,cy@example.com,501,601,2026-01-01T00:00:00Z\n" +
      "5004,PAID,not-an-email,501,601,2026-01-01T00:00:00Z\n";
    const storageId = await t.run((ctx) => ctx.storage.store(new Blob([csv])));
    const dryId = await admin.mutation(api.sellappSync.startCsvImport, { storageId, dryRun: true });
    await settle(t);
    const runsList = await admin.query(api.sellappSync.runs, {});
    expect(runsList[0]).toMatchObject({
      _id: dryId,
      status: "done",
      dryRun: true,
      ordersSeen: 3,
      changes: 2,
      rowErrors: ["line 5: order 5004: no valid customer email"],
    });
    expect(await entitlementsOf(t)).toEqual([]);
    const realId = await admin.mutation(api.sellappSync.startCsvImport, {
      storageId,
      dryRun: false,
    });
    await settle(t);
    const page = await admin.query(api.sellappSync.runChanges, {
      runId: realId,
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(page.page.map((c) => [c.email, c.to])).toEqual([
      ["ann@example.com", "active"],
      ["bob@example.com", "revoked"],
    ]);
    expect((await eventsOf(t)).every((event) => event.verification === "import")).toBe(true);
  });

  test("operators can run an export from the command line (sellappSyncOps.startCsv)", async () => {
    const { t } = await setupPayments();
    const runId = await t.action(internal.sellappSyncOps.startCsv, {
      csv: "id,status,email,product id\n6001,PAID,cli@example.com,501\n",
      dryRun: false,
    });
    await settle(t);
    const summary = await t.query(internal.sellappSyncOps.runSummary, { runId });
    expect(summary?.run).toMatchObject({ kind: "csv", status: "done", changes: 1 });
    expect(await t.query(internal.sellappSyncOps.accessOf, { email: "CLI@example.com" })).toEqual([
      expect.objectContaining({ tierKey: "vip", status: "active", hasAccess: true, pending: true }),
    ]);
  });

  test("a missing API key fails the run with the variable's name, never a crash", async () => {
    const { t, admin } = await setupPayments();
    vi.stubEnv("SELLAPP_API_KEY", "");
    const runId = await admin.mutation(api.sellappSync.startReconcile, { dryRun: false });
    await settle(t);
    const run = await t.run((ctx) => ctx.db.get("sellappSyncRuns", runId));
    expect(run).toMatchObject({ status: "failed" });
    expect(run?.error).toMatch(/SELLAPP_API_KEY/);
    await expect(
      admin.mutation(api.sellappSync.startReconcile, { dryRun: false }),
    ).resolves.toBeDefined();
  });

  test("the cron runs hourly and does nothing without an API key", async () => {
    const jobs = crons.crons as Record<
      string,
      { name: string; schedule: { type: string; hours?: number } }
    >;
    expect(jobs["reconcile with Sell.app"]).toMatchObject({
      name: "sellappSync:scheduledReconcile",
      schedule: { type: "interval", hours: 1 },
    });
    const { t } = await setupPayments();
    expect(await t.mutation(internal.sellappSync.scheduledReconcile, {})).toBeNull();
  });
});
