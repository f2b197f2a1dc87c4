// Finding 5: `aaaaaaaaaa`, ten spaces and `password12` were accepted. Expected: guessable
// passwords are refused at sign-up (and no account is made with them).
import { expect, test } from "vitest";
import { freshEmail, signUpVerified } from "../src/actors.js";
import { signInAction } from "../src/auth-flows.js";
import { suiteStack } from "../src/context.js";
import { outcome } from "../src/convex.js";

const stack = suiteStack();

test("a strong password is accepted (the refusals below are about strength, not sign-up)", async () => {
  await signUpVerified(stack, freshEmail("f05-strong"));
});

for (const weak of ["aaaaaaaaaa", "          ", "password12"]) {
  test(`sign-up refuses ${JSON.stringify(weak)}`, async () => {
    const email = freshEmail("f05-weak");
    const result = await outcome(() =>
      signInAction(stack, { email, password: weak, flow: "signUp" }),
    );
    expect(result.ok, `sign-up accepted the password ${JSON.stringify(weak)}`).toBe(false);
  });
}
