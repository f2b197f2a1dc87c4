// Finding 6: every reset request and every sign-in attempt on an unverified account sent a mail,
// so anyone could flood any inbox. Expected: a burst of requests sends a bounded number of mails.
import { expect, test } from "vitest";
import { freshEmail, mailCount, signUpVerified } from "../src/actors.js";
import { requestReset, signInAction } from "../src/auth-flows.js";
import { suiteStack } from "../src/context.js";
import { outcome } from "../src/convex.js";
import { STRONG_PASSWORD } from "../src/world.js";

const stack = suiteStack();
const BURST = 20;
/** Mails a burst of 20 requests may cause: enough for a user who lost one, not a flood. */
const MAX_MAILS = 3;

test(`${BURST} reset requests for one account send at most ${MAX_MAILS} mails`, async () => {
  const email = freshEmail("f06-reset");
  await signUpVerified(stack, email);
  const before = await mailCount(stack, email);
  for (let i = 0; i < BURST; i++) await outcome(() => requestReset(stack, email));
  const sent = (await mailCount(stack, email)) - before;
  expect(sent, `${BURST} reset requests sent ${sent} mails to the same inbox`).toBeLessThanOrEqual(
    MAX_MAILS,
  );
});

test(`${BURST} sign-in attempts on an unverified account send at most ${MAX_MAILS} mails`, async () => {
  const email = freshEmail("f06-unverified");
  await outcome(() => signInAction(stack, { email, password: STRONG_PASSWORD, flow: "signUp" }));
  const before = await mailCount(stack, email);
  for (let i = 0; i < BURST; i++) {
    await outcome(() => signInAction(stack, { email, password: STRONG_PASSWORD, flow: "signIn" }));
  }
  const sent = (await mailCount(stack, email)) - before;
  expect(
    sent,
    `${BURST} sign-in attempts on an unverified account sent ${sent} verification mails`,
  ).toBeLessThanOrEqual(MAX_MAILS);
});
