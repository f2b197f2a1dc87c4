// The callers of the matrix and the findings, made through the product's own paths: sign-up and
// email verification over the wire (the code read from the dev mailbox with the admin key), and
// access bought or lost through signed Sell.app webhooks.
import { signUpVerified as signUpVerifiedOn } from "@g3/dev-stack";
import { waitFor } from "@g3/dev-stack/poll";
import type { ConvexHttpClient } from "convex/browser";
import type { SuiteStack } from "./context.js";
import { admin, api, httpClient, internal } from "./convex.js";
import { newOrder, sendSigned, type Order } from "./webhooks.js";
import { ADMIN_EMAIL, STRONG_PASSWORD, uniqueName } from "./world.js";

export type Role = "anonymous" | "unpaid" | "lapsed" | "paid" | "admin";
export const ROLES: readonly Role[] = ["anonymous", "unpaid", "lapsed", "paid", "admin"];

export type Actor = {
  role: Role;
  email: string | null;
  password: string;
  token: string | null;
  client: ConvexHttpClient;
};

type MailKind = "verification" | "reset";

/** The newest code mailed to `email` (any kind), or undefined. */
export async function latestCode(stack: SuiteStack, email: string): Promise<string | undefined> {
  return (await admin(stack).query(internal.devMailbox.latestCodeFor, { to: email })) ?? undefined;
}

/** How many mails `email` has received (up to 50). */
export async function mailCount(stack: SuiteStack, email: string): Promise<number> {
  return (await admin(stack).query(internal.devMailbox.latestFor, { to: email, limit: 50 })).length;
}

/** Waits for a code newer than `previous` (mail is sent by the sign-in action itself). */
export async function waitForNewCode(
  stack: SuiteStack,
  email: string,
  previous: string | undefined,
  kind: MailKind,
): Promise<string> {
  return await waitFor(
    async () => {
      const code = await latestCode(stack, email);
      return code !== undefined && code !== previous ? code : undefined;
    },
    20_000,
    `a ${kind} code mailed to ${email}`,
  );
}

export async function signInWithPassword(
  stack: SuiteStack,
  email: string,
  password: string,
): Promise<string> {
  const result = await httpClient(stack).action(api.auth.signIn, {
    provider: "password",
    params: { email, password, flow: "signIn" },
  });
  const token = result.tokens?.token;
  if (token === undefined) throw new Error(`signing in ${email} returned no token`);
  return token;
}

/**
 * Signs in as the account's owner, who also reads its inbox: with the password, and with the code
 * emailed when the deployment asks for one (e.g. after someone else's failed guesses).
 */
export async function signInAsOwner(
  stack: SuiteStack,
  email: string,
  password: string,
): Promise<string> {
  const client = httpClient(stack);
  const before = await latestCode(stack, email);
  const first = await client.action(api.auth.signIn, {
    provider: "password",
    params: { email, password, flow: "signIn" },
  });
  if (first.tokens?.token !== undefined) return first.tokens.token;
  const code = await waitForNewCode(stack, email, before, "verification");
  const second = await client.action(api.auth.signIn, {
    provider: "password",
    params: { email, code, flow: "email-verification" },
  });
  const token = second.tokens?.token;
  if (token === undefined) throw new Error(`${email} could not sign in with password and code`);
  return token;
}

/** Signs up and verifies the email; returns the session JWT. */
export async function signUpVerified(
  stack: SuiteStack,
  email: string,
  password = STRONG_PASSWORD,
): Promise<string> {
  return await signUpVerifiedOn(
    { url: stack.backendUrl, adminKey: stack.adminKey },
    email,
    password,
  );
}
export async function feedLocked(stack: SuiteStack, token: string): Promise<boolean> {
  return (await httpClient(stack, token).query(api.feed.access, {})).locked;
}

/** Buys the demo tier with a signed order.completed and waits until the feed opens. */
export async function buyAccess(stack: SuiteStack, email: string, token: string): Promise<Order> {
  const order = newOrder(email);
  await sendSigned(stack, "order.completed", order);
  await waitFor(async () => !(await feedLocked(stack, token)), 20_000, `${email}'s feed to open`);
  return order;
}

/** Disputes the order (Sell.app's order.disputed) and waits until the account's feed locks. */
export async function disputeAccess(stack: SuiteStack, order: Order, token: string): Promise<void> {
  await sendSigned(stack, "order.disputed", order);
  await waitFor(
    async () => await feedLocked(stack, token),
    20_000,
    `${order.email}'s feed to lock`,
  );
}

/** One caller of the given role, with a fresh account (the admin signs up once per backend). */
export async function makeActor(stack: SuiteStack, role: Role, label: string): Promise<Actor> {
  if (role === "anonymous") {
    return { role, email: null, password: "", token: null, client: httpClient(stack) };
  }
  if (role === "admin") {
    const token = await adminToken(stack);
    return {
      role,
      email: ADMIN_EMAIL,
      password: STRONG_PASSWORD,
      token,
      client: httpClient(stack, token),
    };
  }
  const email = `${uniqueName(`${label}-${role}`)}@attack.test`;
  const token = await signUpVerified(stack, email);
  if (role === "paid" || role === "lapsed") {
    const order = await buyAccess(stack, email, token);
    if (role === "lapsed") await disputeAccess(stack, order, token);
  }
  return { role, email, password: STRONG_PASSWORD, token, client: httpClient(stack, token) };
}

/** The admin's session (the global setup signed the admin up and verified the email). */
async function adminToken(stack: SuiteStack): Promise<string> {
  return await signInWithPassword(stack, ADMIN_EMAIL, STRONG_PASSWORD);
}

export function freshEmail(label: string): string {
  return `${uniqueName(label)}@attack.test`;
}
