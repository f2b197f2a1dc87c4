import { beforeEach, describe, expect, test } from "vitest";
import { AUTH_LIMITS, authRateLimiter } from "./model/auth/authLimits";
import { mailsTo, outcome, PASSWORD, passwordSignIn, signUpAndVerify } from "./test.auth";
import { stubAuthEnv } from "./test.authEnv";
import { newConvexTest } from "./test.setup";

beforeEach(stubAuthEnv);

const OWNER = "owner@example.com";
const PER_ADDRESS = AUTH_LIMITS.emailsPerAddress.capacity;

// Finding 6: 25 of 25 reset requests and 16 of 15 sign-ins on an unverified account each mailed.
describe("emails are budgeted per address and over all callers", { timeout: 120_000 }, () => {
  test("reset requests: the address's budget, then a wait; the newest mailed code still works", async () => {
    const t = newConvexTest();
    await signUpAndVerify(t, OWNER);
    const before = (await mailsTo(t, OWNER)).length;
    const answers: string[] = [];
    for (let i = 0; i < 25; i++) {
      answers.push(await outcome(passwordSignIn(t, { flow: "reset", email: OWNER })));
    }
    // signUpAndVerify already spent one of the address's emails.
    const delivered = (await mailsTo(t, OWNER)).length - before;
    expect(delivered).toBe(PER_ADDRESS - 1);
    expect(answers.filter((answer) => answer === "answered")).toHaveLength(PER_ADDRESS - 1);
    expect(answers.at(-1)).toMatch(/already emailed this address .* ask again in \d+ minutes?/);
    // Refused requests did not replace the code the owner holds.
    const [newest] = await mailsTo(t, OWNER).then((mails) =>
      mails.sort((a, b) => b.sentAt - a.sentAt),
    );
    const reset = await passwordSignIn(t, {
      flow: "reset-verification",
      email: OWNER,
      code: newest?.code ?? "",
      newPassword: "a brand new passphrase",
    });
    expect(reset.tokens?.token).toBeTypeOf("string");
  });

  test("an unknown address is refused the same way after the same number of requests", async () => {
    const t = newConvexTest();
    const answers: string[] = [];
    for (let i = 0; i < PER_ADDRESS + 1; i++) {
      answers.push(
        await outcome(passwordSignIn(t, { flow: "reset", email: "nobody@example.com" })),
      );
    }
    expect(answers.slice(0, PER_ADDRESS)).toEqual(Array(PER_ADDRESS).fill("answered"));
    expect(answers.at(-1)).toMatch(/already emailed this address/);
  });

  test("sign-in on an unverified account mails a code only while the address's budget lasts", async () => {
    const t = newConvexTest();
    await passwordSignIn(t, { flow: "signUp", email: OWNER, password: PASSWORD });
    for (let i = 0; i < 16; i++) {
      const answer = await passwordSignIn(t, { flow: "signIn", email: OWNER, password: PASSWORD });
      expect(answer).toEqual({ tokens: null });
    }
    expect((await mailsTo(t, OWNER)).length).toBe(PER_ADDRESS);
  });

  test("with the budget of all callers spent, no address gets mail", async () => {
    const t = newConvexTest();
    await t.run(async (ctx) => {
      await authRateLimiter.limit(ctx, "emailsAll", { count: AUTH_LIMITS.emailsAll.capacity });
    });
    const failure = await outcome(
      passwordSignIn(t, { flow: "signUp", email: "fresh@example.com", password: PASSWORD }),
    );
    expect(failure).toMatch(/already emailed this address/);
    expect(await mailsTo(t, "fresh@example.com")).toEqual([]);
  });
});
