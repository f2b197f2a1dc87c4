import { DEMO_IDS, type ControlClient } from "@g3/discord-emulator";
import { ConvexHttpClient } from "convex/browser";
import { refs } from "./convex-refs.js";

export const CHAOS_PASSWORD = "chaos-Password-2026!";

/** A signed-up, verified user: the session JWT authenticates the customer's own Convex calls. */
export type Account = { email: string; token: string };

export function userClient(backendUrl: string, token: string): ConvexHttpClient {
  const client = new ConvexHttpClient(backendUrl, { logger: false });
  client.setAuth(token);
  return client;
}

/** Convex Auth Password sign-up over the wire, verified with the code from the dev mailbox. */
export async function signUpVerified(
  backendUrl: string,
  adminQuery: (email: string) => Promise<string | undefined>,
  email: string,
): Promise<Account> {
  // logger off: the functions' log lines are in the backend's log already.
  const client = new ConvexHttpClient(backendUrl, { logger: false });
  const started = await client.action(refs.signIn, {
    provider: "password",
    params: { email, password: CHAOS_PASSWORD, flow: "signUp" },
  });
  if (started.tokens) throw new Error(`sign-up of ${email} skipped email verification`);
  const code = await adminQuery(email);
  if (code === undefined) throw new Error(`no verification code for ${email} in the dev mailbox`);
  const verified = await client.action(refs.signIn, {
    provider: "password",
    params: { email, code, flow: "email-verification" },
  });
  const token = verified.tokens?.token;
  if (token === undefined) throw new Error(`verifying ${email} returned no token`);
  return { email, token };
}

/**
 * Signs a verified user in again and swaps the account's token in place (callers read it at each
 * call). Access tokens live 5 minutes (convex/auth.ts), a soak much longer.
 */
export async function signInAgain(backendUrl: string, account: Account): Promise<void> {
  const client = new ConvexHttpClient(backendUrl, { logger: false });
  const result = await client.action(refs.signIn, {
    provider: "password",
    params: { email: account.email, password: CHAOS_PASSWORD, flow: "signIn" },
  });
  const token = result.tokens?.token;
  if (token === undefined) throw new Error(`signing ${account.email} in again returned no token`);
  account.token = token;
}

/**
 * The "Link Discord" flow as the web app runs it: `discordLink:start`, the browser's visit to the
 * authorize URL (the emulator consents as `discordUserId` and redirects with a code), then
 * `discordLink:complete`. The emulator has one consenting user at a time, so callers serialise.
 */
export async function linkDiscord(
  backendUrl: string,
  control: ControlClient,
  account: Account,
  discordUserId: string,
): Promise<void> {
  const client = userClient(backendUrl, account.token);
  const { state, authorizeUrl } = await client.mutation(refs.linkStart, {});
  await control.setOAuthConsent({ userId: discordUserId, decision: "allow" });
  const response = await fetch(authorizeUrl, { redirect: "manual" });
  const location = response.headers.get("location");
  const code = location === null ? null : new URL(location).searchParams.get("code");
  if (code === null) throw new Error(`authorize gave no code (HTTP ${response.status})`);
  await client.action(refs.linkComplete, { state, code });
}

export async function unlinkDiscord(backendUrl: string, account: Account): Promise<void> {
  await userClient(backendUrl, account.token).mutation(refs.unlink, {});
}

export const PAID_ROLE_ID = DEMO_IDS.vipRole;
