import { buildSellappEvent } from "@g3/payments";
import { describe, expect, test, vi } from "vitest";
import { internal } from "./_generated/api";
import {
  unverifiedWebhookLimiter,
  WEBHOOK_RATE_LIMIT_NAMES,
} from "./model/payments/webhookRejectionLimits";
import {
  DAY,
  deliver,
  HOUR,
  entitlementsOf,
  eventsOf,
  post,
  settle,
  setupPayments,
  type TestConvex,
} from "./test.sellapp";
import { PRUNE_BATCH, WEBHOOK_RETENTION_MS } from "./webhookRetention";

const LIFETIME_PRODUCT = "777";

/** Runs the retention job as the cron does, and every batch it chains after itself. */
async function prune(t: TestConvex) {
  await t.mutation(internal.webhookRetention.prune, {});
  await settle(t);
}

async function kinds(t: TestConvex) {
  return (await eventsOf(t)).map((e) => `${e.status}:${e.orderId ?? e.eventType}`).sort();
}

async function windowsCount(t: TestConvex) {
  return t.run(async (ctx) => (await ctx.db.query("webhookRejectionWindows").collect()).length);
}

/** Whether the unverified-webhook buckets hold state (a bucket with no row reads as ts 0). */
async function limiterBuckets(t: TestConvex, source: string) {
  return t.run(async (ctx) => ({
    perSource:
      (
        await unverifiedWebhookLimiter.getValue(ctx, WEBHOOK_RATE_LIMIT_NAMES.perSource, {
          key: source,
        })
      ).ts > 0,
    global: (await unverifiedWebhookLimiter.getValue(ctx, WEBHOOK_RATE_LIMIT_NAMES.global)).ts > 0,
  }));
}

describe("webhook retention", () => {
  test("each kind of record goes after its period; the payments an entitlement rests on stay", async () => {
    const { t } = await setupPayments();
    await t.run(async (ctx) => {
      // A tier whose one-off orders never end: its entitlement stays active for good.
      await ctx.db.insert("tiers", { key: "life", name: "Lifetime", graceHours: 0 });
      await ctx.db.insert("productTiers", { sellappProductId: LIFETIME_PRODUCT, tierKey: "life" });
      await ctx.db.insert("webhookRejectionWindows", {
        provider: "sellapp",
        windowStart: Date.now(),
        shard: 0,
        count: 3,
        bytes: 300,
        byReason: { missing: 3 },
        byLimit: { source: 3 },
        sampleSources: ["xff:203.0.113.1"],
        firstAt: Date.now(),
        lastAt: Date.now(),
      });
    });
    expect((await post(t, buildSellappEvent("order.completed").rawBody, null)).status).toBe(401);
    await deliver(t, "order.completed", { orderId: "1001" });
    await deliver(t, "order.completed", { orderId: "1001" }); // Sell.app's redelivery: duplicate
    await deliver(t, "order.refunded", { orderId: "1001" }); // revoked: settled
    await deliver(t, "product.created"); // informational: ignored
    await deliver(t, "order.completed", { orderId: "2002", productId: LIFETIME_PRODUCT });
    const everything = [
      "duplicate:1001",
      "ignored:product.created",
      "processed:1001",
      "processed:1001",
      "processed:2002",
      "rejected:order.completed",
    ];
    expect(await kinds(t)).toEqual(everything);
    const source = (await eventsOf(t)).find((e) => e.status === "rejected")?.source ?? "";
    expect(await limiterBuckets(t, source)).toEqual({ perSource: true, global: true });

    // Rate-limit buckets go a day after they were created; younger ones stay.
    vi.advanceTimersByTime(12 * HOUR);
    await prune(t);
    expect(await limiterBuckets(t, source)).toEqual({ perSource: true, global: true });

    vi.advanceTimersByTime(29 * DAY - 12 * HOUR);
    await prune(t);
    expect(await kinds(t)).toEqual(everything);
    expect(await windowsCount(t)).toBe(1);
    expect(await limiterBuckets(t, source)).toEqual({ perSource: false, global: false });

    vi.advanceTimersByTime(2 * DAY); // day 31
    await prune(t);
    expect(await kinds(t)).toEqual(everything.filter((k) => !k.startsWith("rejected")));
    expect(await windowsCount(t)).toBe(0);

    vi.advanceTimersByTime(60 * DAY); // day 91
    await prune(t);
    expect(await kinds(t)).toEqual([
      "ignored:product.created",
      "processed:1001",
      "processed:1001",
      "processed:2002",
    ]);

    vi.advanceTimersByTime(310 * DAY); // day 401
    await prune(t);
    // The refunded order is settled and old: gone. The lifetime order still proves access.
    expect(await kinds(t)).toEqual(["processed:2002"]);
    const lifetime = (await entitlementsOf(t)).find((e) => e.sourceId === "2002");
    if (lifetime === undefined) throw new Error("the lifetime entitlement is gone");
    expect(lifetime.status).toBe("active");
    // Re-deriving from what is left still grants: nothing it rests on was pruned.
    await t.mutation(internal.webhookAdmin.reconcileInternal, { customerId: lifetime.customerId });
    expect((await entitlementsOf(t)).find((e) => e.sourceId === "2002")).toMatchObject({
      status: "active",
    });
  });

  test("a backlog larger than one batch is deleted in batches until none is left", async () => {
    const { t } = await setupPayments();
    const rows = 2 * PRUNE_BATCH + 7;
    await t.run(async (ctx) => {
      for (let i = 0; i < rows; i++) {
        await ctx.db.insert("webhookEvents", {
          provider: "sellapp",
          eventType: "unknown",
          bodyExcerpt: "{}",
          bodySha256: "0".repeat(64),
          bodyBytes: 2,
          headers: {},
          verification: "missing",
          status: "rejected",
          rejectReason: "missing signature header",
          attempts: 0,
          receivedAt: Date.now(),
          source: "unknown",
        });
      }
    });
    vi.advanceTimersByTime(WEBHOOK_RETENTION_MS.rejected + DAY);
    const first = await t.mutation(internal.webhookRetention.prune, {});
    expect(first).toMatchObject({ deleted: PRUNE_BATCH, more: true });
    await settle(t);
    expect(await eventsOf(t)).toEqual([]);
  });
});
