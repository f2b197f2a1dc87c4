import { beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import { latestCode, stubAuthEnv } from "./test.authEnv";
import { newConvexTest, type TestConvex } from "./test.setup";

beforeEach(stubAuthEnv);

const EMAIL = "new.user@example.com";
const PASSWORD = "correct horse battery";

type T = TestConvex;

async function signUpAndVerify(t: T) {
  const started = await t.action(api.auth.signIn, {
    provider: "password",
    params: { flow: "signUp", email: EMAIL, password: PASSWORD },
  });
  // Verification is required: the password is accepted but no session is issued yet.
  expect(started.tokens).toBeNull();
  const code = await latestCode(t, EMAIL);
  expect(code).toMatch(/^\d{8}$/);
  return t.action(api.auth.signIn, {
    provider: "password",
    params: { flow: "email-verification", email: EMAIL, code },
  });
}

// Scrypt hashing makes each sign-in take real CPU time; a shared 2-core machine needs headroom.
describe("Convex Auth: email + password", { timeout: 30_000 }, () => {
  test("sign up mails a code; no session until the email is verified", async () => {
    const t = newConvexTest();
    const verified = await signUpAndVerify(t);
    expect(verified.tokens?.token).toBeTypeOf("string");
    const user = await t.run((ctx) =>
      ctx.db
        .query("users")
        .withIndex("email", (q) => q.eq("email", EMAIL))
        .unique(),
    );
    expect(user?.emailVerificationTime).toBeTypeOf("number");
    const signedIn = await t.action(api.auth.signIn, {
      provider: "password",
      params: { flow: "signIn", email: EMAIL, password: PASSWORD },
    });
    expect(signedIn.tokens?.token).toBeTypeOf("string");
  });

  test("a wrong verification code does not sign in", async () => {
    const t = newConvexTest();
    await t.action(api.auth.signIn, {
      provider: "password",
      params: { flow: "signUp", email: EMAIL, password: PASSWORD },
    });
    const code = await latestCode(t, EMAIL);
    const wrong = code === "00000000" ? "11111111" : "00000000";
    await expect(
      t.action(api.auth.signIn, {
        provider: "password",
        params: { flow: "email-verification", email: EMAIL, code: wrong },
      }),
    ).rejects.toThrow(/code is wrong or has expired/);
  });

  test("rejects bad or non-canonical emails and weak passwords with clear messages", async () => {
    const t = newConvexTest();
    await expect(
      t.action(api.auth.signIn, {
        provider: "password",
        params: { flow: "signUp", email: "not-an-email", password: PASSWORD },
      }),
    ).rejects.toThrow(/valid email/);
    await expect(
      t.action(api.auth.signIn, {
        provider: "password",
        params: { flow: "signUp", email: "x@example.com", password: "short" },
      }),
    ).rejects.toThrow(/at least 10 characters/);
    // The code is bound to the email exactly as sent, so only the canonical form is accepted
    // (the web client trims and lower-cases before sending).
    await expect(
      t.action(api.auth.signIn, {
        provider: "password",
        params: { flow: "signUp", email: " Mixed.Case@Example.COM", password: PASSWORD },
      }),
    ).rejects.toThrow(/lower-case/);
    const mails = await t.run((ctx) => ctx.db.query("devMailbox").take(5));
    expect(mails).toEqual([]);
  });

  test("sign-up fails loudly, sending nothing, when no email transport is configured", async () => {
    vi.stubEnv("EMAIL_PROVIDER", "");
    const t = newConvexTest();
    await expect(
      t.action(api.auth.signIn, {
        provider: "password",
        params: { flow: "signUp", email: EMAIL, password: PASSWORD },
      }),
    ).rejects.toThrow(/EMAIL_PROVIDER must be/);
    expect(await t.run((ctx) => ctx.db.query("devMailbox").take(5))).toEqual([]);
  });

  test("password reset: a mailed code sets a new password; the old one stops working", async () => {
    const t = newConvexTest();
    await signUpAndVerify(t);
    const started = await t.action(api.auth.signIn, {
      provider: "password",
      params: { flow: "reset", email: EMAIL },
    });
    expect(started.tokens).toBeNull();
    const code = await latestCode(t, EMAIL);
    const reset = await t.action(api.auth.signIn, {
      provider: "password",
      params: {
        flow: "reset-verification",
        email: EMAIL,
        code,
        newPassword: "a brand new passphrase",
      },
    });
    expect(reset.tokens?.token).toBeTypeOf("string");
    await expect(
      t.action(api.auth.signIn, {
        provider: "password",
        params: { flow: "signIn", email: EMAIL, password: PASSWORD },
      }),
    ).rejects.toThrow(/Wrong email or password/);
    const again = await t.action(api.auth.signIn, {
      provider: "password",
      params: { flow: "signIn", email: EMAIL, password: "a brand new passphrase" },
    });
    expect(again.tokens?.token).toBeTypeOf("string");
  });
});
