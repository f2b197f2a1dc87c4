import { beforeEach, describe, expect, test } from "vitest";
import { mailsTo, outcome, PASSWORD, passwordSignIn, signUpAndVerify } from "./test.auth";
import { stubAuthEnv } from "./test.authEnv";
import { newConvexTest } from "./test.setup";

beforeEach(stubAuthEnv);

const KNOWN = "known@example.com";
const UNKNOWN = "nobody@example.com";

// Finding 4: answers used to tell accounts apart (InvalidAccountId vs InvalidSecret, a reset
// for an unknown email failing, sign-up saying the account exists).
describe(
  "every auth answer is the same whether or not the account exists",
  { timeout: 60_000 },
  () => {
    test("sign-in: unknown address and wrong password fail with the same words", async () => {
      const t = newConvexTest();
      await signUpAndVerify(t, KNOWN);
      const known = await outcome(
        passwordSignIn(t, { flow: "signIn", email: KNOWN, password: "not the password" }),
      );
      const unknown = await outcome(
        passwordSignIn(t, { flow: "signIn", email: UNKNOWN, password: "not the password" }),
      );
      expect(known).toMatch(/Wrong email or password\./);
      expect(unknown).toBe(known);
    });

    test("password reset request: the same answer for an unknown address, which gets no mail", async () => {
      const t = newConvexTest();
      await signUpAndVerify(t, KNOWN);
      const known = await passwordSignIn(t, { flow: "reset", email: KNOWN });
      const unknown = await passwordSignIn(t, { flow: "reset", email: UNKNOWN });
      expect(unknown).toEqual(known);
      expect(known).toEqual({ tokens: null });
      expect(await mailsTo(t, UNKNOWN)).toEqual([]);
    });

    test("entering a code: an unknown address fails like a wrong code", async () => {
      const t = newConvexTest();
      await signUpAndVerify(t, KNOWN);
      await passwordSignIn(t, { flow: "reset", email: KNOWN });
      const args = {
        flow: "reset-verification",
        code: "12345678",
        newPassword: "a brand new passphrase",
      };
      const known = await outcome(passwordSignIn(t, { ...args, email: KNOWN }));
      const unknown = await outcome(passwordSignIn(t, { ...args, email: UNKNOWN }));
      expect(known).toMatch(/code is wrong or has expired/);
      expect(unknown).toBe(known);
      const verifyKnown = await outcome(
        passwordSignIn(t, { flow: "email-verification", email: KNOWN, code: "12345678" }),
      );
      const verifyUnknown = await outcome(
        passwordSignIn(t, { flow: "email-verification", email: UNKNOWN, code: "12345678" }),
      );
      expect(verifyUnknown).toBe(verifyKnown);
    });

    test("sign-up with a taken address answers like a new one; its owner is told by email", async () => {
      const t = newConvexTest();
      await signUpAndVerify(t, KNOWN);
      const fresh = await passwordSignIn(t, {
        flow: "signUp",
        email: UNKNOWN,
        password: "another fine passphrase",
      });
      const taken = await passwordSignIn(t, {
        flow: "signUp",
        email: KNOWN,
        password: "another fine passphrase",
      });
      const takenSamePassword = await passwordSignIn(t, {
        flow: "signUp",
        email: KNOWN,
        password: PASSWORD,
      });
      expect(fresh).toEqual({ tokens: null });
      expect(taken).toEqual(fresh);
      expect(takenSamePassword).toEqual(fresh);
      const notices = (await mailsTo(t, KNOWN)).filter((mail) => mail.subject.includes("already"));
      expect(notices).toHaveLength(2);
      expect(notices[0]?.code).toBeUndefined();
      expect(notices[0]?.text).toContain("http://127.0.0.1:3000/reset");
      // The taken account still has its own password, and nobody else's.
      const owner = await passwordSignIn(t, { flow: "signIn", email: KNOWN, password: PASSWORD });
      expect(owner.tokens?.token).toBeTypeOf("string");
      expect(
        await outcome(
          passwordSignIn(t, { flow: "signIn", email: KNOWN, password: "another fine passphrase" }),
        ),
      ).toMatch(/Wrong email or password/);
    });
  },
);
