import { beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import { emailProvider } from "./model/email/email";
import { expectCode, setupRoles } from "./test.roles";

const SECRET = "dev-mailbox-secret-0123456789abcdef";

/** What the offline backend (and `npx convex dev --local`) sets: both URLs on loopback. */
function stubLocalDeployment() {
  vi.stubEnv("CONVEX_CLOUD_URL", "http://127.0.0.1:3210");
  vi.stubEnv("CONVEX_SITE_URL", "http://127.0.0.1:3211");
  vi.stubEnv("EMAIL_PROVIDER", "dev");
  vi.stubEnv("DEV_MAILBOX_SECRET", SECRET);
}

beforeEach(stubLocalDeployment);

async function setupWithMail() {
  const roles = await setupRoles();
  await roles.t.mutation(internal.devMailbox.deliver, {
    to: "Ann@Example.com",
    subject: "code",
    text: "Your code: 12345678",
    code: "12345678",
  });
  return roles;
}

describe("devMailbox", () => {
  test("recent: on a loopback deployment, shown to a caller holding the mailbox secret", async () => {
    const { t, anonymous } = await setupWithMail();
    const mails = await anonymous.query(api.devMailbox.recent, { secret: SECRET });
    expect(mails.map((mail) => [mail.to, mail.code])).toEqual([["ann@example.com", "12345678"]]);
    const latest = await t.query(internal.devMailbox.latestFor, { to: "ANN@example.com" });
    expect(latest[0]?.code).toBe("12345678");
  });

  test("latestCodeFor: the newest mail that carries a code, past later mails without one", async () => {
    const { t } = await setupWithMail();
    await t.mutation(internal.devMailbox.deliver, {
      to: "ann@example.com",
      subject: "Your access is active",
      text: "Welcome aboard.",
    });
    expect(await t.query(internal.devMailbox.latestCodeFor, { to: "ANN@example.com" })).toBe(
      "12345678",
    );
    expect(await t.query(internal.devMailbox.latestCodeFor, { to: "bob@example.com" })).toBeNull();
  });

  test("recent: without the secret nobody reads a code, signed in or not (no takeover by reading mail)", async () => {
    const { anonymous, noAccess, withAccess, admin } = await setupWithMail();
    for (const caller of [anonymous, noAccess, withAccess, admin]) {
      await expectCode(caller.query(api.devMailbox.recent, { secret: "" }), "FORBIDDEN");
      await expectCode(caller.query(api.devMailbox.recent, { secret: `${SECRET}x` }), "FORBIDDEN");
    }
    vi.stubEnv("DEV_MAILBOX_SECRET", "");
    await expectCode(anonymous.query(api.devMailbox.recent, { secret: "" }), "FORBIDDEN");
  });

  test("recent: does not exist when real email is configured or EMAIL_PROVIDER is missing", async () => {
    const { anonymous, admin } = await setupWithMail();
    for (const provider of ["resend", ""]) {
      vi.stubEnv("EMAIL_PROVIDER", provider);
      for (const caller of [anonymous, admin]) {
        await expectCode(caller.query(api.devMailbox.recent, { secret: SECRET }), "NOT_FOUND");
      }
    }
  });

  test.each([
    ["a Convex cloud deployment", "https://happy-otter-123.convex.cloud", undefined],
    ["a custom domain", "https://api.g3signals.example", undefined],
    ["a self-hosted backend on a LAN address", "http://192.168.1.20:3210", undefined],
    ["all interfaces", "http://0.0.0.0:3210", undefined],
    ["a host that starts like loopback", "http://127.0.0.1.nip.example:3210", undefined],
    ["a host that starts like localhost", "http://localhost.evil.example:3210", undefined],
    ["no cloud URL at all", "", undefined],
    ["a loopback cloud URL with a public site URL", undefined, "https://g3.example/site"],
    ["a loopback cloud URL with no site URL", undefined, ""],
  ])(
    "EMAIL_PROVIDER=dev is refused on %s, whatever the variable says",
    async (_label, cloudUrl, siteUrl) => {
      const { t, anonymous } = await setupWithMail(); // mail written while still local
      if (cloudUrl !== undefined) vi.stubEnv("CONVEX_CLOUD_URL", cloudUrl);
      if (siteUrl !== undefined) vi.stubEnv("CONVEX_SITE_URL", siteUrl);
      await expectCode(anonymous.query(api.devMailbox.recent, { secret: SECRET }), "NOT_FOUND");
      // The sign-up / reset mail path refuses too, and nothing can write to the mailbox there.
      expect(() => emailProvider()).toThrow(/loopback/);
      await expect(
        t.mutation(internal.devMailbox.deliver, { to: "b@example.com", subject: "s", text: "t" }),
      ).rejects.toThrow(/loopback/);
    },
  );

  test.each([
    ["127.0.0.1", "http://127.0.0.1:3210", "http://127.0.0.1:3211"],
    ["localhost", "http://localhost:3210", "http://localhost:3211"],
    ["IPv6 loopback", "http://[::1]:3210", "http://[::1]:3211"],
    ["another 127/8 address", "http://127.0.0.2:3210", "http://127.0.0.2:3211"],
  ])("a deployment on %s is local", (_label, cloudUrl, siteUrl) => {
    vi.stubEnv("CONVEX_CLOUD_URL", cloudUrl);
    vi.stubEnv("CONVEX_SITE_URL", siteUrl);
    expect(emailProvider()).toBe("dev");
  });
});
