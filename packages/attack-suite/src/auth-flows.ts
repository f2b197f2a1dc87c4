// Convex Auth's Password flows as a client drives them (the `auth:signIn` action), for attacks on
// sign-in, sign-up and reset.
import type { SuiteStack } from "./context.js";
import { api, httpClient, outcome } from "./convex.js";

type Params = Record<string, string>;

export function signInAction(stack: SuiteStack, params: Params) {
  return httpClient(stack).action(api.auth.signIn, { provider: "password", params });
}

/** What an attacker observes of one flow call: success (with or without a session) or the error. */
export async function observe(stack: SuiteStack, params: Params, email: string): Promise<string> {
  const result = await outcome(() => signInAction(stack, params));
  const seen = result.ok
    ? `ok session=${result.value.tokens ? "yes" : "no"} started=${String(result.value.started ?? "")}`
    : `error ${result.error}`;
  // The email itself is the one thing allowed to differ between the two answers compared.
  return seen.split(email).join("<email>");
}

export async function requestReset(stack: SuiteStack, email: string) {
  return await signInAction(stack, { email, flow: "reset" });
}

export async function completeReset(
  stack: SuiteStack,
  email: string,
  code: string,
  newPassword: string,
): Promise<string | undefined> {
  const result = await signInAction(stack, {
    email,
    code,
    newPassword,
    flow: "reset-verification",
  });
  return result.tokens?.token;
}
