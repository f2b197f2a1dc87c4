import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { hasAccess } from "./model/payments/access";
import { attachVerifiedCustomer } from "./model/payments/customers";
import {
  deliver,
  entitlementsOf,
  HOUR,
  insertUser,
  setupPayments,
  T0,
  type TestConvex,
  TIER,
} from "./test.sellapp";
import { latestCode, stubAuthEnv } from "./test.authEnv";
import { auditByAction } from "./test.audit";
import { signedInAs } from "./test.sessions";

const BUYER = "buyer@example.com";
const PASSWORD = "correct horse battery";

async function userByEmail(t: TestConvex, email: string) {
  return t.run((ctx) =>
    ctx.db
      .query("users")
      .withIndex("email", (q) => q.eq("email", email))
      .unique(),
  );
}

describe("pending entitlements attach only to a verified email", () => {
  test("paid before sign-up: pending; sign-up alone attaches nothing; verifying the email attaches", async () => {
    const { t } = await setupPayments();
    await stubAuthEnv();
    await deliver(t, "order.completed", { email: BUYER, occurredAt: T0 });
    const [pending] = await entitlementsOf(t);
    expect(pending).toMatchObject({ status: "active", tierKey: TIER });
    expect(pending?.userId).toBeUndefined();

    const started = await t.action(api.auth.signIn, {
      provider: "password",
      params: { flow: "signUp", email: BUYER, password: PASSWORD },
    });
    expect(started.tokens).toBeNull();
    const user = await userByEmail(t, BUYER);
    if (user === null) throw new Error("sign-up created no user");
    expect(user.emailVerificationTime).toBeUndefined();
    expect((await entitlementsOf(t))[0]?.userId).toBeUndefined();
    expect(await t.run((ctx) => hasAccess(ctx, user._id, TIER, T0 + 2 * HOUR))).toBe(false);
    const viewerBefore = await (await signedInAs(t, user._id)).query(api.entitlements.mine, {});
    expect(viewerBefore).toMatchObject({ emailVerified: false, needsEmailVerification: true });

    await t.action(api.auth.signIn, {
      provider: "password",
      params: { flow: "email-verification", email: BUYER, code: await latestCode(t, BUYER) },
    });

    expect((await entitlementsOf(t))[0]?.userId).toBe(user._id);
    expect(await t.run((ctx) => hasAccess(ctx, user._id, TIER, T0 + 2 * HOUR))).toBe(true);
    const customer = await t.run((ctx) => ctx.db.query("customers").first());
    expect(customer?.userId).toBe(user._id);
    expect(await auditByAction(t, "entitlement.attach")).toHaveLength(1);
  });

  test("attachVerifiedCustomer refuses an unverified user and attaches a verified one", async () => {
    const { t } = await setupPayments();
    await deliver(t, "order.paid", { email: BUYER, occurredAt: T0 });
    const unverified = await insertUser(t, BUYER, false);
    expect(await t.run((ctx) => attachVerifiedCustomer(ctx, unverified))).toBe(0);
    expect((await entitlementsOf(t))[0]?.userId).toBeUndefined();
    await t.run((ctx) => ctx.db.patch("users", unverified, { emailVerificationTime: Date.now() }));
    expect(await t.run((ctx) => attachVerifiedCustomer(ctx, unverified))).toBe(1);
    expect((await entitlementsOf(t))[0]?.userId).toBe(unverified);
    // Idempotent: nothing left to attach.
    expect(await t.run((ctx) => attachVerifiedCustomer(ctx, unverified))).toBe(0);
  });

  test("a payment for the email of an existing verified user attaches at once", async () => {
    const { t } = await setupPayments();
    const userId = await insertUser(t, BUYER, true);
    await deliver(t, "order.completed", { email: "Buyer@Example.com", occurredAt: T0 });
    expect((await entitlementsOf(t))[0]?.userId).toBe(userId);
  });

  test("a payment for the email of an existing UNVERIFIED user stays pending", async () => {
    const { t } = await setupPayments();
    await insertUser(t, BUYER, false);
    await deliver(t, "order.completed", { email: BUYER, occurredAt: T0 });
    expect((await entitlementsOf(t))[0]?.userId).toBeUndefined();
  });

  test("Sell.app's external_id naming one of our users attaches to that user, whatever the email", async () => {
    const { t } = await setupPayments();
    const userId = await insertUser(t, "someone.else@example.com", false);
    await deliver(t, "order.completed", { email: BUYER, externalId: userId, occurredAt: T0 });
    expect((await entitlementsOf(t))[0]?.userId).toBe(userId);
  });

  test("an external_id that is not one of our ids is stored but attaches nothing", async () => {
    const { t } = await setupPayments();
    await deliver(t, "order.completed", {
      email: BUYER,
      externalId: "discord:1234",
      occurredAt: T0,
    });
    expect((await entitlementsOf(t))[0]?.userId).toBeUndefined();
    const customer = await t.run((ctx) => ctx.db.query("customers").first());
    expect(customer?.externalId).toBe("discord:1234");
  });
});
