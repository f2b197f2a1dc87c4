import { expect, test } from "vitest";
import { describeHierarchy } from "./role-hierarchy";

test("a paid role at or above the bot's role is a warning with the fix and the role ids", () => {
  const notice = describeHierarchy({
    state: "misordered",
    botHighestRolePosition: 3,
    roles: [
      { roleId: "111", tierKeys: ["vip"], position: 5, manageable: false },
      { roleId: "222", tierKeys: ["pro"], position: 2, manageable: true },
    ],
    message: "The bot cannot manage 111: drag the bot's role above the paid role(s).",
  });
  expect(notice.tone).toBe("warning");
  expect(notice.title).toMatch(/at or below a paid role/);
  expect(notice.action).toMatch(/Server Settings → Roles/);
  expect(notice.roles).toEqual([
    "vip (role 111) · position 5 · bot cannot manage it",
    "pro (role 222) · position 2 · ok",
  ]);
  expect(notice.detail).toMatch(/position 3/);
});

test("a paid role missing from the guild is named as such", () => {
  const notice = describeHierarchy({
    state: "misordered",
    botHighestRolePosition: 3,
    roles: [{ roleId: "111", tierKeys: [] }],
    message: "x",
  });
  expect(notice.title).toMatch(/a paid role/);
  expect(notice.roles).toEqual([
    "no tier (role 111) · not found in the guild · check the role exists",
  ]);
});

test("ok and unknown need no action", () => {
  const ok = describeHierarchy({
    state: "ok",
    botHighestRolePosition: 6,
    roles: [{ roleId: "111", tierKeys: ["vip"], position: 5, manageable: true }],
    message: "fine",
  });
  expect(ok).toMatchObject({ tone: "ok", action: null });
  expect(ok.title).toMatch(/^OK/);
  const unknown = describeHierarchy({ state: "unknown", roles: [], message: "No live mirror bot" });
  expect(unknown).toMatchObject({ tone: "unknown", action: null, detail: "No live mirror bot" });
  expect(unknown.title).toBe("Unknown — the mirror has not reported yet.");
});
