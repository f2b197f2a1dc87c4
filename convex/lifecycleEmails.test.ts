import { beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { writeEntitlement } from "./model/payments/entitlements";
import { MAX_EMAILS_PER_USER_PER_DAY } from "./model/email/lifecycleEmailPolicy";
import { queueLifecycleEmail } from "./model/email/lifecycleEmailQueue";
import {
  DAY,
  deliver,
  HOUR,
  insertUser,
  settle,
  setupPayments,
  T0,
  TIER,
  type TestConvex,
} from "./test.sellapp";
import { signedInAs } from "./test.sessions";

const BUYER = "buyer@example.com";
const SITE_URL = "http://127.0.0.1:3211";

beforeEach(() => {
  vi.stubEnv("CONVEX_CLOUD_URL", "http://127.0.0.1:3210");
  vi.stubEnv("CONVEX_SITE_URL", SITE_URL);
  vi.stubEnv("SITE_URL", "http://localhost:3000");
  vi.stubEnv("EMAIL_PROVIDER", "dev");
  vi.stubEnv("JWT_PRIVATE_KEY", "test-jwt-private-key-for-derived-hmacs");
});

async function mailsTo(t: TestConvex, to: string) {
  return t.run((ctx) =>
    ctx.db
      .query("devMailbox")
      .withIndex("by_to", (q) => q.eq("to", to))
      .collect(),
  );
}

async function emailRows(t: TestConvex) {
  return t.run(async (ctx) =>
    (await ctx.db.query("lifecycleEmails").collect()).map(({ kind, status, detail }) => ({
      kind,
      status,
      ...(detail === undefined ? {} : { detail }),
    })),
  );
}

/** A verified buyer with one 30-day order of the tier (the "access granted" mail already sent). */
async function buyerWithOrder() {
  const setup = await setupPayments();
  const userId = await insertUser(setup.t, BUYER, true);
  await deliver(setup.t, "order.completed", { email: BUYER, orderId: "1", occurredAt: T0 });
  return { ...setup, userId };
}

function unsubscribeLink(headers: Record<string, string> | undefined): string {
  const header = headers?.["List-Unsubscribe"];
  const match = header === undefined ? null : /^<(.+)>$/.exec(header);
  if (match?.[1] === undefined) throw new Error(`no List-Unsubscribe header in ${String(header)}`);
  return match[1];
}

/** The path and query of a link to the deployment's HTTP actions, as t.fetch takes them. */
function pathOf(link: string): string {
  const url = new URL(link);
  expect(url.origin).toBe(SITE_URL);
  return `${url.pathname}${url.search}`;
}

describe("lifecycle emails", () => {
  test("access granted is mailed once, however often the webhook is redelivered", async () => {
    const { t } = await buyerWithOrder();
    await deliver(t, "order.completed", { email: BUYER, orderId: "1", occurredAt: T0 });
    await deliver(t, "order.paid", { email: BUYER, orderId: "1", occurredAt: T0 });
    const mails = await mailsTo(t, BUYER);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe("Your VIP access is active · G3netic Crypto Signals");
    expect(mails[0]?.text).toContain("http://localhost:3000/account");
    expect(mails[0]?.html).toContain('<a href="http://localhost:3000/account">');
    // Transactional: no unsubscribe header, and it says why.
    expect(mails[0]?.headers).toBeUndefined();
    expect(mails[0]?.text).toContain("whatever your reminder settings");
    expect(await emailRows(t)).toEqual([{ kind: "access_granted", status: "sent" }]);
  });

  test("a refund ends access and mails 'access ended'; a second order the same day grants without a second 'granted'", async () => {
    const { t } = await buyerWithOrder();
    await deliver(t, "order.refunded", { email: BUYER, orderId: "1", occurredAt: T0 + HOUR });
    const subjects = (await mailsTo(t, BUYER)).map((mail) => mail.subject);
    expect(subjects).toEqual([
      "Your VIP access is active · G3netic Crypto Signals",
      "Your VIP access has ended · G3netic Crypto Signals",
    ]);
    // Re-bought the same day: one "granted" per user, tier and day.
    await deliver(t, "order.completed", { email: BUYER, orderId: "2", occurredAt: T0 + HOUR });
    expect(await mailsTo(t, BUYER)).toHaveLength(2);
  });

  test("a failed renewal mails 'payment failed' with the grace end, once per grace period", async () => {
    const { t } = await setupPayments();
    await insertUser(t, BUYER, true);
    await deliver(t, "subscription.created", {
      email: BUYER,
      occurredAt: T0,
      periodEnd: T0 + 30 * DAY,
    });
    // Sell.app reports the same failed renewal twice (two events): one email for the grace.
    for (const occurredAt of [T0 + 30 * DAY, T0 + 30 * DAY + HOUR]) {
      await deliver(t, "subscription.renewal_failed", {
        email: BUYER,
        occurredAt,
        periodEnd: T0 + 30 * DAY,
      });
    }
    const mails = await mailsTo(t, BUYER);
    expect(mails.map((mail) => mail.subject.split(" — ")[0])).toEqual([
      "Your VIP access is active · G3netic Crypto Signals",
      "Payment failed",
    ]);
    expect(mails[1]?.text).toMatch(/You keep access until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });

  test("access ending soon: found by the daily pass for a one-off order, mailed once per period end, with RFC 8058 headers", async () => {
    const { t } = await buyerWithOrder();
    await t.mutation(internal.lifecycleEmails.remindEndingSoon, {});
    await settle(t);
    expect(await mailsTo(t, BUYER)).toHaveLength(1); // 30 days left: nothing yet
    vi.setSystemTime(T0 + 28 * DAY);
    await t.mutation(internal.lifecycleEmails.remindEndingSoon, {});
    await settle(t);
    vi.setSystemTime(T0 + 29 * DAY);
    await t.mutation(internal.lifecycleEmails.remindEndingSoon, {});
    await settle(t);
    const mails = await mailsTo(t, BUYER);
    expect(mails).toHaveLength(2);
    const reminder = mails[1];
    expect(reminder?.subject).toMatch(/^Your VIP access ends 2026-01-31/);
    expect(reminder?.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(reminder?.text).toContain(unsubscribeLink(reminder?.headers));
  });

  test("one-click unsubscribe turns reminders off; membership emails still arrive", async () => {
    const { t, userId } = await buyerWithOrder();
    vi.setSystemTime(T0 + 28 * DAY);
    await t.mutation(internal.lifecycleEmails.remindEndingSoon, {});
    await settle(t);
    const link = unsubscribeLink((await mailsTo(t, BUYER))[1]?.headers);

    // GET (a link scanner) changes nothing; the RFC 8058 POST does.
    const page = await t.fetch(pathOf(link), { method: "GET" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    const user = await signedInAs(t, userId);
    expect(await user.query(api.emailPreferences.mine, {})).toEqual({ reminders: true });
    const posted = await t.fetch(pathOf(link), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(posted.status).toBe(200);
    expect(await user.query(api.emailPreferences.mine, {})).toEqual({ reminders: false });

    // A second order's reminder is skipped; its refund's "ended" is not.
    await deliver(t, "order.completed", { email: BUYER, orderId: "2", occurredAt: Date.now() });
    await deliver(t, "order.refunded", { email: BUYER, orderId: "1", occurredAt: Date.now() });
    vi.setSystemTime(T0 + 56 * DAY);
    await t.mutation(internal.lifecycleEmails.remindEndingSoon, {});
    await settle(t);
    expect(await emailRows(t)).toContainEqual({
      kind: "access_ending",
      status: "skipped",
      detail: "unsubscribed",
    });
    await deliver(t, "order.refunded", { email: BUYER, orderId: "2", occurredAt: Date.now() });
    const subjects = (await mailsTo(t, BUYER)).map((mail) => mail.subject);
    expect(subjects.filter((subject) => subject.startsWith("Your VIP access ends"))).toHaveLength(
      1,
    );
    expect(subjects.at(-1)).toBe("Your VIP access has ended · G3netic Crypto Signals");

    // The account page turns them back on.
    await user.mutation(api.emailPreferences.update, { reminders: true });
    expect(await user.query(api.emailPreferences.mine, {})).toEqual({ reminders: true });
  });

  test("a forged or another user's token is refused and changes nothing", async () => {
    const { t, userId } = await buyerWithOrder();
    const otherId = await insertUser(t, "other@example.com", true);
    vi.setSystemTime(T0 + 28 * DAY);
    await t.mutation(internal.lifecycleEmails.remindEndingSoon, {});
    await settle(t);
    const link = new URL(unsubscribeLink((await mailsTo(t, BUYER))[1]?.headers));
    const token = link.searchParams.get("token") ?? "";
    const attempts = [
      `/email/unsubscribe?user=${userId}&token=${"0".repeat(token.length)}`,
      `/email/unsubscribe?user=${otherId}&token=${token}`, // the buyer's token for someone else
      `/email/unsubscribe?user=${userId}`,
      `/email/unsubscribe?user=not-an-id&token=${token}`,
    ];
    for (const path of attempts) {
      const response = await t.fetch(path, { method: "POST", body: "List-Unsubscribe=One-Click" });
      expect(response.status, path).toBe(403);
    }
    const other = await signedInAs(t, otherId);
    expect(await other.query(api.emailPreferences.mine, {})).toEqual({ reminders: true });
    const buyer = await signedInAs(t, userId);
    expect(await buyer.query(api.emailPreferences.mine, {})).toEqual({ reminders: true });
  });

  test("no email to an unverified address", async () => {
    const { t } = await setupPayments();
    const userId = await insertUser(t, "unverified@example.com", false);
    await t.run(async (ctx) => {
      const customerId = await ctx.db.insert("customers", { email: "unverified@example.com" });
      await writeEntitlement(ctx, {
        existing: null,
        customerId,
        tierKey: TIER,
        source: "manual",
        sourceId: "manual:test",
        next: { status: "active", userId },
        actor: { type: "system" },
        now: Date.now(),
      });
    });
    await settle(t);
    expect(await mailsTo(t, "unverified@example.com")).toEqual([]);
    expect(await emailRows(t)).toEqual([
      { kind: "access_granted", status: "skipped", detail: "unverified" },
    ]);
  });

  test(`throttled: at most ${MAX_EMAILS_PER_USER_PER_DAY} per user in 24 hours`, async () => {
    const { t } = await setupPayments();
    const userId: Id<"users"> = await insertUser(t, BUYER, true);
    const queue = (period: string) =>
      t.run((ctx) =>
        queueLifecycleEmail(ctx, {
          userId,
          kind: "access_ended",
          tierKey: TIER,
          period,
          now: Date.now(),
        }),
      );
    for (let i = 0; i <= MAX_EMAILS_PER_USER_PER_DAY; i++) await queue(`p${i}`);
    expect(await queue("p0")).toBe(false); // same key: not queued again
    await settle(t);
    expect(await mailsTo(t, BUYER)).toHaveLength(MAX_EMAILS_PER_USER_PER_DAY);
    expect((await emailRows(t)).filter((row) => row.detail === "throttled")).toHaveLength(1);
    // A day later the budget is back.
    vi.setSystemTime(Date.now() + DAY + 1);
    await queue("next-day");
    await settle(t);
    expect(await mailsTo(t, BUYER)).toHaveLength(MAX_EMAILS_PER_USER_PER_DAY + 1);
  });

  test("email preferences are the signed-in user's own; anonymous callers are refused", async () => {
    const { t } = await setupPayments();
    await expect(t.query(api.emailPreferences.mine, {})).rejects.toThrow();
    await expect(t.mutation(api.emailPreferences.update, { reminders: false })).rejects.toThrow();
  });
});
