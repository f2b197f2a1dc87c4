// Finding 3: ten wrong passwords locked the owner out for an hour, and a password reset did not
// lift it. Expected: an attacker's wrong guesses never stop the owner from signing in.
import { beforeAll, expect, test } from "vitest";
import {
  freshEmail,
  signInAsOwner,
  signUpVerified,
  waitForNewCode,
  latestCode,
} from "../src/actors.js";
import { completeReset, requestReset, signInAction } from "../src/auth-flows.js";
import { suiteStack } from "../src/context.js";
import { outcome } from "../src/convex.js";
import { STRONG_PASSWORD } from "../src/world.js";

const stack = suiteStack();
const ATTEMPTS = 50;

async function attackerGuesses(email: string): Promise<number> {
  let refused = 0;
  for (let i = 0; i < ATTEMPTS; i++) {
    const guess = await outcome(() =>
      signInAction(stack, { email, password: `wrong-guess-${i}-Zq8!x`, flow: "signIn" }),
    );
    expect(guess.ok && guess.value.tokens, `wrong password #${i} was accepted`).toBeFalsy();
    refused++;
  }
  return refused;
}

/** One attacked account for both tests: the attack itself is the slow part (password hashing). */
const email = freshEmail("f03-owner");

beforeAll(async () => {
  await signUpVerified(stack, email);
  expect(await attackerGuesses(email)).toBe(ATTEMPTS);
}, 300_000);

// The owner may be asked for a code from their inbox on top of the password: still their account.
test("the owner signs in with the right password after an attacker's 50 wrong ones", async () => {
  const owner = await outcome(() => signInAsOwner(stack, email, STRONG_PASSWORD));
  expect(
    owner.ok ? "signed in" : owner.error,
    `after ${ATTEMPTS} wrong attempts by someone else the owner is locked out`,
  ).toBe("signed in");
});

test("after the attack, the owner can reset the password and sign in with the new one", async () => {
  const before = await latestCode(stack, email);
  await requestReset(stack, email);
  const code = await waitForNewCode(stack, email, before, "reset");
  const newPassword = "Xy9$reset-Marmalade-copper-71";
  const reset = await outcome(() => completeReset(stack, email, code, newPassword));
  expect(
    reset.ok ? "reset" : reset.error,
    "the owner's password reset failed after an attack",
  ).toBe("reset");
  const signIn = await outcome(() => signInAsOwner(stack, email, newPassword));
  expect(
    signIn.ok ? "signed in" : signIn.error,
    "a password reset does not lift the lockout an attacker caused",
  ).toBe("signed in");
});
