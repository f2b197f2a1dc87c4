import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { signUpAndVerify, tokenSubject } from "./test.auth";
import { stubAuthEnv } from "./test.authEnv";
import { DAY, deliver, insertUser, setupPayments, T0 } from "./test.sellapp";
import { signedInAs } from "./test.sessions";

const BUYER = "buyer@example.com";

describe("billing.mine: the account page's payments and renewals", () => {
  test("paid before sign-up: after sign-up with that email the payment and renewal date show", async () => {
    const { t, admin } = await setupPayments();
    await stubAuthEnv();
    await admin.mutation(api.siteSettings.set, {
      key: "customerPortalUrl",
      value: "https://g3.sell.app/customer",
    });
    expect(await t.query(api.billing.mine, {})).toBeNull();
    await deliver(t, "order.completed", { email: BUYER, orderId: "11", occurredAt: T0 });
    await deliver(t, "subscription.created", {
      email: BUYER,
      subscriptionId: "801",
      occurredAt: T0,
      periodEnd: T0 + 30 * DAY,
    });
    // Someone else's payment never shows.
    await deliver(t, "order.completed", { email: "other@example.com", orderId: "12" });

    const tokens = await signUpAndVerify(t, BUYER);
    const { userId } = tokenSubject(tokens?.token ?? "");
    const buyer = await signedInAs(t, userId);
    expect(await buyer.query(api.billing.mine, {})).toEqual({
      customerPortalUrl: "https://g3.sell.app/customer",
      payments: [{ orderId: "11", amountCents: 4900, currency: "USD", tiers: ["VIP"], paidAt: T0 }],
      subscriptions: [
        {
          tier: "VIP",
          status: "ACTIVE",
          currentPeriodEnd: T0 + 30 * DAY,
          cancelAtPeriodEnd: false,
        },
      ],
    });

    // A refund shows on the same payment; redelivery adds nothing.
    await deliver(t, "order.refunded", { email: BUYER, orderId: "11", occurredAt: T0 + DAY });
    await deliver(t, "order.refunded", { email: BUYER, orderId: "11", occurredAt: T0 + DAY });
    const after = await buyer.query(api.billing.mine, {});
    expect(after?.payments).toEqual([
      {
        orderId: "11",
        amountCents: 4900,
        currency: "USD",
        tiers: ["VIP"],
        paidAt: T0,
        refundedAt: T0 + DAY,
      },
    ]);
  });

  test("a signed-in user with no payments sees empty lists (and no portal until it is set)", async () => {
    const { t } = await setupPayments();
    const id = await insertUser(t, "nobody@example.com", true);
    expect(await (await signedInAs(t, id)).query(api.billing.mine, {})).toEqual({
      payments: [],
      subscriptions: [],
    });
  });
});
