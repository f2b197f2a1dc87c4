import { beforeEach, describe, expect, test } from "vitest";
import { mailsTo, outcome, passwordSignIn, signUpAndVerify } from "./test.auth";
import { latestCode, stubAuthEnv } from "./test.authEnv";
import { newConvexTest } from "./test.setup";

beforeEach(stubAuthEnv);

const EMAIL = "strength@example.com";

// Finding 5: "aaaaaaaaaa", ten spaces and "password12" used to be accepted.
const WEAK: [string, RegExp][] = [
  ["aaaaaaaaaa", /too easy to guess\. Repeated characters/],
  [" ".repeat(10), /too easy to guess\. Repeated characters/],
  ["password12", /too easy to guess\. This is a commonly used password/],
  ["strength1234", /too easy to guess/], // the email's own name plus digits
];

describe("new passwords must be hard to guess (zxcvbn)", { timeout: 60_000 }, () => {
  test.each(WEAK)(
    "sign-up refuses %j with zxcvbn's advice, creating and mailing nothing",
    async (password, advice) => {
      const t = newConvexTest();
      const failure = await outcome(passwordSignIn(t, { flow: "signUp", email: EMAIL, password }));
      expect(failure).toMatch(/WEAK_PASSWORD/);
      expect(failure).toMatch(advice);
      expect(await t.run((ctx) => ctx.db.query("users").take(1))).toEqual([]);
      expect(await mailsTo(t, EMAIL)).toEqual([]);
    },
  );

  test.each(WEAK)(
    "a reset refuses %j and keeps the old password and the code",
    async (password, advice) => {
      const t = newConvexTest();
      await signUpAndVerify(t, EMAIL);
      await passwordSignIn(t, { flow: "reset", email: EMAIL });
      const code = await latestCode(t, EMAIL);
      const failure = await outcome(
        passwordSignIn(t, {
          flow: "reset-verification",
          email: EMAIL,
          code,
          newPassword: password,
        }),
      );
      expect(failure).toMatch(advice);
      // The code was not spent on the refused password: a strong one still goes through with it.
      const reset = await passwordSignIn(t, {
        flow: "reset-verification",
        email: EMAIL,
        code,
        newPassword: "a brand new passphrase",
      });
      expect(reset.tokens?.token).toBeTypeOf("string");
    },
  );

  test("a long passphrase of common words is accepted", async () => {
    const t = newConvexTest();
    await signUpAndVerify(t, EMAIL, "orbit lantern pepper canyon");
  });
});
