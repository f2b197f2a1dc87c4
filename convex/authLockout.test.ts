import { beforeEach, describe, expect, test, vi } from "vitest";
import { AUTH_LIMITS, authRateLimiter } from "./model/auth/authLimits";
import { mailsTo, outcome, PASSWORD, passwordSignIn, signUpAndVerify } from "./test.auth";
import { latestCode, stubAuthEnv } from "./test.authEnv";
import { newConvexTest, type TestConvex } from "./test.setup";

beforeEach(stubAuthEnv);

const OWNER = "owner@example.com";
const ADMIN = "boss@example.com";
const PER_ADDRESS = AUTH_LIMITS.passwordFailuresPerEmail.capacity;

type T = TestConvex;

async function guessWrong(t: T, email: string, times: number) {
  for (let i = 0; i < times; i++) {
    await outcome(passwordSignIn(t, { flow: "signIn", email, password: `wrong guess ${i}` }));
  }
}

// Finding 3: ten wrong passwords used to lock the owner (and the admin) out for an hour.
describe("brute force is throttled without locking the owner out", { timeout: 120_000 }, () => {
  test.each([
    ["a customer", OWNER],
    ["the admin", ADMIN],
  ])(
    "after the address's budget of wrong passwords, %s still gets in: right password + emailed code",
    async (_who, email) => {
      vi.stubEnv("ADMIN_EMAILS", ADMIN);
      const t = newConvexTest();
      await signUpAndVerify(t, email);
      await guessWrong(t, email, PER_ADDRESS + 2);
      const mailsBefore = (await mailsTo(t, email)).length;

      const answer = await passwordSignIn(t, { flow: "signIn", email, password: PASSWORD });
      expect(answer.tokens).toBeNull();
      expect((await mailsTo(t, email)).length).toBe(mailsBefore + 1);
      const signedIn = await passwordSignIn(t, {
        flow: "email-verification",
        email,
        code: await latestCode(t, email),
      });
      expect(signedIn.tokens?.token).toBeTypeOf("string");

      // The code proved the owner: the budget is full again and the password alone works.
      const plain = await passwordSignIn(t, { flow: "signIn", email, password: PASSWORD });
      expect(plain.tokens?.token).toBeTypeOf("string");
    },
  );

  test("once the budget is spent, a wrong password answers exactly like the right one and mails nothing", async () => {
    const t = newConvexTest();
    await signUpAndVerify(t, OWNER);
    for (let i = 0; i < PER_ADDRESS; i++) {
      expect(
        await outcome(passwordSignIn(t, { flow: "signIn", email: OWNER, password: `no ${i}` })),
      ).toMatch(/Wrong email or password/);
    }
    const mails = (await mailsTo(t, OWNER)).length;
    const wrong = await passwordSignIn(t, { flow: "signIn", email: OWNER, password: "still no" });
    expect(wrong).toEqual({ tokens: null });
    expect((await mailsTo(t, OWNER)).length).toBe(mails);
    const right = await passwordSignIn(t, { flow: "signIn", email: OWNER, password: PASSWORD });
    expect(right).toEqual({ tokens: null });
    expect((await mailsTo(t, OWNER)).length).toBe(mails + 1);
  });

  test("a password reset clears the throttle: the new password signs in at once", async () => {
    const t = newConvexTest();
    await signUpAndVerify(t, OWNER);
    await guessWrong(t, OWNER, PER_ADDRESS + 1);
    await passwordSignIn(t, { flow: "reset", email: OWNER });
    const newPassword = "a brand new passphrase";
    await passwordSignIn(t, {
      flow: "reset-verification",
      email: OWNER,
      code: await latestCode(t, OWNER),
      newPassword,
    });
    const again = await passwordSignIn(t, { flow: "signIn", email: OWNER, password: newPassword });
    expect(again.tokens?.token).toBeTypeOf("string");
  });

  test("wrong passwords spread over many addresses (the budget of all callers) switch every sign-in to password + code, refusing no one", async () => {
    const t = newConvexTest();
    await signUpAndVerify(t, OWNER);
    // Stand in for a credential-stuffing run: spend the shared budget directly.
    await t.run(async (ctx) => {
      await authRateLimiter.limit(ctx, "passwordFailuresAll", {
        count: AUTH_LIMITS.passwordFailuresAll.capacity,
      });
    });
    const mails = (await mailsTo(t, OWNER)).length;
    const answer = await passwordSignIn(t, { flow: "signIn", email: OWNER, password: PASSWORD });
    expect(answer.tokens).toBeNull();
    expect((await mailsTo(t, OWNER)).length).toBe(mails + 1);
    const signedIn = await passwordSignIn(t, {
      flow: "email-verification",
      email: OWNER,
      code: await latestCode(t, OWNER),
    });
    expect(signedIn.tokens?.token).toBeTypeOf("string");
  });

  test("wrong codes are budgeted per address, apart from passwords", async () => {
    const t = newConvexTest();
    await signUpAndVerify(t, OWNER);
    await passwordSignIn(t, { flow: "reset", email: OWNER });
    const code = await latestCode(t, OWNER);
    const wrong = code === "00000000" ? "11111111" : "00000000";
    for (let i = 0; i < AUTH_LIMITS.codeFailuresPerEmail.capacity; i++) {
      expect(
        await outcome(
          passwordSignIn(t, {
            flow: "reset-verification",
            email: OWNER,
            code: wrong,
            newPassword: "a brand new passphrase",
          }),
        ),
      ).toMatch(/code is wrong or has expired/);
    }
    expect(
      await outcome(
        passwordSignIn(t, {
          flow: "reset-verification",
          email: OWNER,
          code,
          newPassword: "a brand new passphrase",
        }),
      ),
    ).toMatch(/Too many wrong codes for this email\. Try again in \d+ minutes?/);
    // Password sign-in was not touched by the code guesses.
    const signedIn = await passwordSignIn(t, { flow: "signIn", email: OWNER, password: PASSWORD });
    expect(signedIn.tokens?.token).toBeTypeOf("string");
  });
});
