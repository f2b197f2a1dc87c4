// Finding 4: sign-in said InvalidAccountId for unknown emails and InvalidSecret for known ones, a
// reset for an unknown email answered differently, sign-up said the account exists. Expected:
// known and unknown emails get indistinguishable answers from all three.
import { beforeAll, expect, test } from "vitest";
import { freshEmail, signUpVerified } from "../src/actors.js";
import { observe } from "../src/auth-flows.js";
import { suiteStack } from "../src/context.js";

const stack = suiteStack();
let known = "";

beforeAll(async () => {
  known = freshEmail("f04-known");
  await signUpVerified(stack, known);
});

test("sign-in with a wrong password answers the same for a known and an unknown email", async () => {
  const unknown = freshEmail("f04-unknown");
  const forKnown = await observe(
    stack,
    { email: known, password: "Wrong-pass-4411!", flow: "signIn" },
    known,
  );
  const forUnknown = await observe(
    stack,
    { email: unknown, password: "Wrong-pass-4411!", flow: "signIn" },
    unknown,
  );
  expect(forUnknown, "sign-in tells an attacker which emails have accounts").toBe(forKnown);
});

test("a password-reset request answers the same for a known and an unknown email", async () => {
  const unknown = freshEmail("f04-unknown");
  const forKnown = await observe(stack, { email: known, flow: "reset" }, known);
  const forUnknown = await observe(stack, { email: unknown, flow: "reset" }, unknown);
  expect(forUnknown, "password reset tells an attacker which emails have accounts").toBe(forKnown);
});

test("sign-up answers the same for an email that has an account and one that has not", async () => {
  const fresh = freshEmail("f04-new");
  const password = "Pz4%sign-up-Lantern-basalt-18";
  const forExisting = await observe(stack, { email: known, password, flow: "signUp" }, known);
  const forNew = await observe(stack, { email: fresh, password, flow: "signUp" }, fresh);
  expect(forExisting, "sign-up tells an attacker which emails have accounts").toBe(forNew);
});
