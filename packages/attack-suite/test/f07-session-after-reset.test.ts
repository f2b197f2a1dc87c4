// Finding 7: a session token issued before a password reset kept working for its whole hour.
// Expected: resetting the password ends every earlier session (a stolen token dies with it).
import { waitFor } from "@g3/dev-stack/poll";
import { expect, test } from "vitest";
import { freshEmail, latestCode, signUpVerified, waitForNewCode } from "../src/actors.js";
import { completeReset, requestReset } from "../src/auth-flows.js";
import { suiteStack } from "../src/context.js";
import { api, httpClient, outcome } from "../src/convex.js";

const stack = suiteStack();
/** How soon the old token must stop identifying the user (it is re-checked on every call). */
const DEADLINE_MS = 10_000;

test("a token from before a password reset no longer identifies the user", async () => {
  const email = freshEmail("f07");
  const stolenToken = await signUpVerified(stack, email);
  const thief = httpClient(stack, stolenToken);
  expect((await thief.query(api.users.viewer, {}))?.email).toBe(email);

  const before = await latestCode(stack, email);
  await requestReset(stack, email);
  const code = await waitForNewCode(stack, email, before, "reset");
  const newToken = await completeReset(stack, email, code, "Kq2&after-reset-Walnut-ember-66");
  expect(newToken, "the reset itself did not sign the owner in").toBeDefined();

  const startedAt = Date.now();
  const ended = await outcome(() =>
    waitFor(
      async () => {
        const seen = await outcome(() => thief.query(api.users.viewer, {}));
        return !seen.ok || seen.value === null;
      },
      DEADLINE_MS,
      "the pre-reset token to stop working",
    ),
  );
  expect(
    ended.ok ? "ended" : `still signed in ${Date.now() - startedAt} ms after the reset`,
    "a session issued before the password reset keeps working",
  ).toBe("ended");
});
