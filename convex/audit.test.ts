import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { expectCode, setupRoles } from "./test.roles";

const page = { numItems: 10, cursor: null };

describe("audit.list", () => {
  test("refuses anonymous and non-admin callers", async () => {
    const { anonymous, noAccess, withAccess } = await setupRoles();
    await expectCode(anonymous.query(api.audit.list, { paginationOpts: page }), "UNAUTHENTICATED");
    await expectCode(noAccess.query(api.audit.list, { paginationOpts: page }), "FORBIDDEN");
    await expectCode(withAccess.query(api.audit.list, { paginationOpts: page }), "FORBIDDEN");
  });

  test("admins read newest first, with the actor's email, filtered by action", async () => {
    const { t, admin, ids } = await setupRoles();
    await t.run(async (ctx) => {
      await ctx.db.insert("auditLog", {
        actorType: "webhook",
        action: "entitlement.grant",
        targetType: "entitlement",
        targetId: "e1",
      });
      await ctx.db.insert("auditLog", {
        actorType: "admin",
        actorUserId: ids.admin,
        action: "entitlement.revoke",
        targetType: "entitlement",
        targetId: "e1",
        reason: "refund",
      });
    });
    const all = await admin.query(api.audit.list, { paginationOpts: page });
    expect(all.page.map((e) => [e.action, e.actorEmail])).toEqual([
      ["entitlement.revoke", "admin@example.com"],
      ["entitlement.grant", undefined],
    ]);
    const grants = await admin.query(api.audit.list, {
      paginationOpts: page,
      action: "entitlement.grant",
    });
    expect(grants.page.map((e) => e.action)).toEqual(["entitlement.grant"]);
  });
});
