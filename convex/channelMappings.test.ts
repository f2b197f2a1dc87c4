import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { MAPPING } from "./test.ingest";
import { TIER, expectCode, setupRoles } from "./test.roles";

const fields = MAPPING;

describe("channelMappings authorization", () => {
  test("anonymous and non-admin callers are refused everything", async () => {
    const { t, anonymous, noAccess, withAccess, admin } = await setupRoles();
    const id = await admin.mutation(api.channelMappings.create, fields);
    for (const [caller, code] of [
      [anonymous, "UNAUTHENTICATED"],
      [noAccess, "FORBIDDEN"],
      [withAccess, "FORBIDDEN"],
    ] as const) {
      await expectCode(caller.query(api.channelMappings.list, {}), code);
      await expectCode(caller.query(api.channelMappings.tierOptions, {}), code);
      await expectCode(
        caller.mutation(api.channelMappings.create, {
          ...fields,
          customerChannelId: "2000000000000000099",
        }),
        code,
      );
      await expectCode(
        caller.mutation(api.channelMappings.update, { id, ...fields, label: "x" }),
        code,
      );
      await expectCode(
        caller.mutation(api.channelMappings.setEnabled, { id, enabled: false }),
        code,
      );
    }
    const rows = await t.run((ctx) => ctx.db.query("channelMappings").take(10));
    expect(rows.map((row) => [row.label, row.enabled])).toEqual([["VIP calls", true]]);
  });
});

describe("channelMappings as admin", () => {
  test("create, edit, disable — each audited", async () => {
    const { t, admin, ids } = await setupRoles();
    const id = await admin.mutation(api.channelMappings.create, {
      ...fields,
      label: "  VIP calls ",
    });
    await admin.mutation(api.channelMappings.update, {
      id,
      ...fields,
      label: "VIP calls (futures)",
    });
    await admin.mutation(api.channelMappings.setEnabled, { id, enabled: false, reason: "paused" });
    const list = await admin.query(api.channelMappings.list, {});
    expect(list.map((row) => [row.label, row.enabled])).toEqual([["VIP calls (futures)", false]]);
    expect(await admin.query(api.channelMappings.tierOptions, {})).toEqual([
      { key: TIER, name: "VIP" },
    ]);
    const audit = await t.run((ctx) => ctx.db.query("auditLog").take(10));
    expect(audit.map((entry) => [entry.action, entry.actorUserId, entry.targetId])).toEqual([
      ["channelMapping.create", ids.admin, id],
      ["channelMapping.update", ids.admin, id],
      ["channelMapping.disable", ids.admin, id],
    ]);
    expect(audit[2]?.reason).toBe("paused");
    expect(JSON.parse(audit[1]?.details ?? "{}")).toMatchObject({
      before: { label: "VIP calls" },
      after: { label: "VIP calls (futures)" },
    });
  });

  test("rejects bad ids, unknown tiers and duplicates with clear errors", async () => {
    const { admin } = await setupRoles();
    await expectCode(
      admin.mutation(api.channelMappings.create, { ...fields, sourceChannelId: "general" }),
      "BAD_REQUEST",
    );
    await expectCode(
      admin.mutation(api.channelMappings.create, { ...fields, tierKey: "nope" }),
      "BAD_REQUEST",
    );
    await expectCode(
      admin.mutation(api.channelMappings.create, { ...fields, label: " " }),
      "BAD_REQUEST",
    );
    await admin.mutation(api.channelMappings.create, fields);
    await expectCode(admin.mutation(api.channelMappings.create, fields), "CONFLICT");
  });
});
