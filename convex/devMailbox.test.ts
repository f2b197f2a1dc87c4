import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import { expectCode, setupRoles } from "./test.roles";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("devMailbox", () => {
  test("recent: every caller can read it while EMAIL_PROVIDER=dev (a local-only mailbox)", async () => {
    vi.stubEnv("EMAIL_PROVIDER", "dev");
    const { t, anonymous, noAccess, withAccess, admin } = await setupRoles();
    await t.mutation(internal.devMailbox.deliver, {
      to: "Ann@Example.com",
      subject: "code",
      text: "Your code: 12345678",
      code: "12345678",
    });
    for (const caller of [anonymous, noAccess, withAccess, admin]) {
      const mails = await caller.query(api.devMailbox.recent, {});
      expect(mails.map((mail) => [mail.to, mail.code])).toEqual([["ann@example.com", "12345678"]]);
    }
    const latest = await t.query(internal.devMailbox.latestFor, { to: "ANN@example.com" });
    expect(latest[0]?.code).toBe("12345678");
  });

  test("recent: does not exist for anyone when real email is configured", async () => {
    vi.stubEnv("EMAIL_PROVIDER", "resend");
    const { anonymous, noAccess, withAccess, admin } = await setupRoles();
    for (const caller of [anonymous, noAccess, withAccess, admin]) {
      await expectCode(caller.query(api.devMailbox.recent, {}), "NOT_FOUND");
    }
  });

  test("recent: closed when EMAIL_PROVIDER is missing, or dev on a Convex cloud deployment", async () => {
    const { t, anonymous } = await setupRoles();
    await t.mutation(internal.devMailbox.deliver, { to: "a@example.com", subject: "s", text: "t" });
    vi.stubEnv("EMAIL_PROVIDER", "");
    await expectCode(anonymous.query(api.devMailbox.recent, {}), "NOT_FOUND");
    vi.stubEnv("EMAIL_PROVIDER", "dev");
    vi.stubEnv("CONVEX_CLOUD_URL", "https://happy-otter-123.convex.cloud");
    await expectCode(anonymous.query(api.devMailbox.recent, {}), "NOT_FOUND");
  });
});
