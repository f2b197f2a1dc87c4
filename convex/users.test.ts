import { describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import { newConvexTest, type TestConvex } from "./test.setup";
import { signedInAs } from "./test.sessions";

async function insertUser(
  t: TestConvex,
  fields: { email: string; verified: boolean; role?: "admin" },
) {
  return t.run((ctx) =>
    ctx.db.insert("users", {
      email: fields.email,
      ...(fields.verified ? { emailVerificationTime: Date.now() } : {}),
      ...(fields.role ? { role: fields.role } : {}),
    }),
  );
}

describe("users.viewer", () => {
  test("is null for an anonymous caller", async () => {
    const t = newConvexTest();
    expect(await t.query(api.users.viewer, {})).toBeNull();
  });

  test("returns the caller's own user, identified by the token subject", async () => {
    const t = newConvexTest();
    const userId = await insertUser(t, { email: "ann@example.com", verified: true });
    const viewer = await (await signedInAs(t, userId)).query(api.users.viewer, {});
    expect(viewer).toEqual({
      id: userId,
      email: "ann@example.com",
      emailVerified: true,
      role: "customer",
      isAdmin: false,
    });
  });

  test("makes a verified allow-listed email an admin, but never an unverified one", async () => {
    vi.stubEnv("ADMIN_EMAILS", "Boss@Example.com, other@example.com");
    const t = newConvexTest();
    const verified = await insertUser(t, { email: "boss@example.com", verified: true });
    const unverified = await insertUser(t, { email: "other@example.com", verified: false });
    expect((await (await signedInAs(t, verified)).query(api.users.viewer, {}))?.isAdmin).toBe(true);
    expect((await (await signedInAs(t, unverified)).query(api.users.viewer, {}))?.isAdmin).toBe(
      false,
    );
  });

  test("honours the stored admin role", async () => {
    const t = newConvexTest();
    const admin = await insertUser(t, {
      email: "root@example.com",
      verified: false,
      role: "admin",
    });
    expect((await (await signedInAs(t, admin)).query(api.users.viewer, {}))?.role).toBe("admin");
  });
});
