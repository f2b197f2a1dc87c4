import { adminClient } from "@g3/convex-offline";
import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { waitFor } from "./poll.js";

type SignInResult = { tokens?: { token: string; refreshToken: string } | null };
const signIn = makeFunctionReference<
  "action",
  { provider: string; params: Record<string, string> },
  SignInResult
>("auth:signIn");
const latestCodeFor = makeFunctionReference<"query", { to: string }, string | null>(
  "devMailbox:latestCodeFor",
);
const searchAccounts = makeFunctionReference<
  "query",
  { emailPrefix: string },
  { users: { id: string; email: string }[] }
>("entitlementAdmin:search");
const grantEntitlement = makeFunctionReference<
  "mutation",
  { userId: string; tierKey: string; days: number; reason: string },
  string
>("entitlementAdmin:grant");

/** A backend a harness started: its URL and the admin key that reads its dev mailbox. */
export type HarnessBackend = { url: string; adminKey: string };

/**
 * Signs `email` up through the product's own path — Convex Auth's password sign-up over the wire,
 * then verification with the code the dev mailbox received (read with the admin key) — and
 * returns the session JWT. Waits for a code newer than any mailed before, so an address that was
 * sent codes earlier is verified with its own.
 */
export async function signUpVerified(
  backend: HarnessBackend,
  email: string,
  password: string,
): Promise<string> {
  const client = new ConvexHttpClient(backend.url, { logger: false });
  const admin = adminClient(backend.url, backend.adminKey);
  const latestCode = () => admin.query(latestCodeFor, { to: email });
  const before = await latestCode();
  const started = await client.action(signIn, {
    provider: "password",
    params: { email, password, flow: "signUp" },
  });
  if (started.tokens) throw new Error(`sign-up of ${email} skipped email verification`);
  const code = await waitFor(
    async () => {
      const latest = await latestCode();
      return latest !== null && latest !== before ? latest : undefined;
    },
    20_000,
    `the verification code mailed to ${email}`,
  );
  const verified = await client.action(signIn, {
    provider: "password",
    params: { email, code, flow: "email-verification" },
  });
  const token = verified.tokens?.token;
  if (token === undefined) throw new Error(`verifying ${email} returned no token`);
  return token;
}

/**
 * An admin (signed in with `adminToken`) grants the account of `email` a tier by hand, the way the
 * console's members page does (audited like any grant). For harnesses that need a paying reader
 * without going through a purchase.
 */
export async function grantTierByEmail(
  backend: HarnessBackend,
  adminToken: string,
  grant: { email: string; tierKey: string; days: number; reason: string },
): Promise<void> {
  const admin = new ConvexHttpClient(backend.url, { logger: false });
  admin.setAuth(adminToken);
  const { users } = await admin.query(searchAccounts, { emailPrefix: grant.email });
  const user = users.find((candidate) => candidate.email === grant.email);
  if (user === undefined) throw new Error(`${grant.email} has no account to grant a tier to`);
  await admin.mutation(grantEntitlement, {
    userId: user.id,
    tierKey: grant.tierKey,
    days: grant.days,
    reason: grant.reason,
  });
}
