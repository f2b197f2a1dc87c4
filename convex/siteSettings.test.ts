import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { insertUser, setupPayments } from "./test.sellapp";
import { signedInAs } from "./test.sessions";

describe("site settings: footer pages and the customer portal", () => {
  test("an admin writes the terms; anyone reads them as stored text; clearing removes them", async () => {
    const { t, admin } = await setupPayments({ map: false });
    expect(await t.query(api.storefront.legalPage, { page: "terms" })).toBeNull();
    const text = "  Terms\n\n<script>alert(1)</script> is shown as text, never run.  ";
    await admin.mutation(api.siteSettings.set, { key: "terms", value: text });
    expect(await t.query(api.storefront.legalPage, { page: "terms" })).toEqual({
      text: text.trim(),
      updatedAt: Date.now(),
    });
    expect(await t.query(api.storefront.legalPage, { page: "privacy" })).toBeNull();
    await admin.mutation(api.siteSettings.set, { key: "terms", value: "   " });
    expect(await t.query(api.storefront.legalPage, { page: "terms" })).toBeNull();
    const audit = await t.run((ctx) => ctx.db.query("auditLog").collect());
    expect(audit.map((entry) => [entry.action, entry.targetId])).toEqual([
      ["siteSetting.update", "terms"],
      ["siteSetting.clear", "terms"],
    ]);
    // The audit records the size of the text, not the text.
    expect(audit[0]?.details).toBe(JSON.stringify({ characters: text.trim().length }));
  });

  test("an unchanged value writes nothing and audits nothing", async () => {
    const { t, admin } = await setupPayments({ map: false });
    await admin.mutation(api.siteSettings.set, { key: "contact", value: "help@g3.example" });
    await admin.mutation(api.siteSettings.set, { key: "contact", value: " help@g3.example " });
    expect(await t.run((ctx) => ctx.db.query("auditLog").collect())).toHaveLength(1);
  });

  test("the portal URL must be https; texts are bounded and free of control characters", async () => {
    const { admin } = await setupPayments({ map: false });
    for (const value of [
      "javascript:alert(1)",
      "http://g3.sell.app/customer",
      "https://u:p@x.io",
    ]) {
      await expect(
        admin.mutation(api.siteSettings.set, { key: "customerPortalUrl", value }),
      ).rejects.toThrow(/Customer portal URL must be an https/);
    }
    await admin.mutation(api.siteSettings.set, {
      key: "customerPortalUrl",
      value: "https://g3.sell.app/customer",
    });
    await expect(
      admin.mutation(api.siteSettings.set, { key: "privacy", value: "x".repeat(20_001) }),
    ).rejects.toThrow(/At most 20,000 characters/);
    await expect(
      admin.mutation(api.siteSettings.set, { key: "privacy", value: "a\u0000b" }),
    ).rejects.toThrow(/control characters/);
    expect(await admin.query(api.siteSettings.list, {})).toEqual([
      {
        key: "customerPortalUrl",
        value: "https://g3.sell.app/customer",
        updatedAt: Date.now(),
      },
    ]);
  });

  test("only admins list or write settings", async () => {
    const { t } = await setupPayments({ map: false });
    const memberId = await insertUser(t, "member@example.com", true);
    const member = await signedInAs(t, memberId);
    await expect(t.query(api.siteSettings.list, {})).rejects.toThrow(/Sign in/);
    await expect(member.query(api.siteSettings.list, {})).rejects.toThrow(/Admins only/);
    await expect(
      member.mutation(api.siteSettings.set, { key: "terms", value: "mine now" }),
    ).rejects.toThrow(/Admins only/);
    await expect(
      t.mutation(api.siteSettings.set, { key: "terms", value: "mine now" }),
    ).rejects.toThrow(/Sign in/);
    expect(await t.query(api.storefront.legalPage, { page: "terms" })).toBeNull();
  });
});
