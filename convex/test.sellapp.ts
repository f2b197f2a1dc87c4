// Sell.app test fixtures (not a Convex module: two dots keep it out of the module map and the API).
import {
  buildSellappEvent,
  type SampleKind,
  type SampleOptions,
  signSellappBody,
} from "@g3/payments";
import { vi } from "vitest";
import type { Id } from "./_generated/dataModel";
import { signedInAs } from "./test.sessions";
import { newConvexTest, type TestConvex } from "./test.setup";

export type { TestConvex };

export const SECRET = "test-sellapp-secret-0123456789abcdef0123";
export const PREVIOUS_SECRET = "test-sellapp-previous-0123456789abcdef01";
export const TIER = "vip";
export const PRODUCT = "501";
export const VARIANT = "601";
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
/** Sample events happen at T0 unless told otherwise; tests run the clock from there. */
export const T0 = Date.UTC(2026, 0, 1);

/** Fake timers (scheduler + Date) at T0, the signing secret set, one tier mapped to product 501. */
export async function setupPayments(options: { map?: boolean } = {}) {
  vi.useFakeTimers();
  vi.setSystemTime(T0 + HOUR);
  vi.stubEnv("SELLAPP_WEBHOOK_SECRET", SECRET);
  vi.stubEnv("ADMIN_EMAILS", "");
  const t = newConvexTest();
  const adminId = await t.run(async (ctx) => {
    await ctx.db.insert("tiers", {
      key: TIER,
      name: "VIP",
      purchaseUrl: "https://shop.example.com/vip",
      orderAccessDays: 30,
      graceHours: 48,
    });
    if (options.map !== false) {
      await ctx.db.insert("productTiers", { sellappProductId: PRODUCT, tierKey: TIER });
      // Subscription objects carry only the variant, so the variant is mapped too.
      await ctx.db.insert("productTiers", {
        sellappProductId: PRODUCT,
        sellappVariantId: VARIANT,
        tierKey: TIER,
      });
    }
    return ctx.db.insert("users", {
      email: "admin@example.com",
      emailVerificationTime: T0,
      role: "admin",
    });
  });
  return { t, admin: await signedInAs(t, adminId), adminId };
}

export type Delivery = {
  status: number;
  body: { ok: boolean; id?: string; duplicate?: boolean; error?: string };
};

/** POSTs raw bytes to /webhooks/sellapp. `signature: null` sends no header. */
export async function post(
  t: TestConvex,
  rawBody: string,
  signature: string | null,
): Promise<Delivery> {
  const response = await t.fetch("/webhooks/sellapp", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(signature === null ? {} : { signature }),
    },
    body: rawBody,
  });
  return { status: response.status, body: (await response.json()) as Delivery["body"] };
}

/** Signs and delivers one sample event, then runs the scheduled processing. */
export async function deliver(
  t: TestConvex,
  kind: SampleKind,
  options: SampleOptions = {},
  secret: string = SECRET,
): Promise<Delivery> {
  const { rawBody } = buildSellappEvent(kind, options);
  const result = await post(t, rawBody, await signSellappBody(rawBody, secret));
  await settle(t);
  return result;
}

/** Runs every scheduled function (processing) to completion. */
export async function settle(t: TestConvex): Promise<void> {
  await t.finishAllScheduledFunctions(() => vi.runAllTimers());
}

export async function insertUser(
  t: TestConvex,
  email: string,
  verified: boolean,
): Promise<Id<"users">> {
  return t.run((ctx) =>
    ctx.db.insert("users", { email, ...(verified ? { emailVerificationTime: Date.now() } : {}) }),
  );
}

export async function entitlementsOf(t: TestConvex) {
  return t.run((ctx) => ctx.db.query("entitlements").collect());
}

export async function eventsOf(t: TestConvex) {
  return t.run((ctx) => ctx.db.query("webhookEvents").collect());
}
