import { DEMO_PRODUCT_ID } from "@g3/dev-stack";
import { SELLAPP_SIGNATURE_HEADER, buildSellappEvent, signSellappBody } from "@g3/payments";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { webSocketConstructor, type AdminClient } from "./admin-client.js";
import { refs } from "./convex-api.js";

export type { SeedContext };

export type BenchUser = { index: number; email: string; password: string; token: string };

export const BENCH_PASSWORD = "bench-Password-2026!";

type SeedContext = {
  backendUrl: string;
  siteUrl: string;
  admin: AdminClient;
  webhookSecret: string;
  runId: string;
};

function emailFor(runId: string, index: number): string {
  return `bench-${runId}-${index}@bench.test`;
}

/**
 * Signs one user up over the wire (Convex Auth Password, `auth:signIn` actions on a ConvexClient),
 * verifies the email with the code from the dev mailbox, and returns the session JWT.
 */
async function signUpVerified(client: ConvexClient, ctx: SeedContext, index: number) {
  const email = emailFor(ctx.runId, index);
  const started = await client.action(refs.signIn, {
    provider: "password",
    params: { email, password: BENCH_PASSWORD, flow: "signUp" },
  });
  if (started.tokens) throw new Error(`sign-up of ${email} skipped email verification`);
  const code = await ctx.admin.query(refs.latestCode, { to: email });
  if (code === null) throw new Error(`no verification code for ${email} in the dev mailbox`);
  const verified = await client.action(refs.signIn, {
    provider: "password",
    params: { email, code, flow: "email-verification" },
  });
  const token = verified.tokens?.token;
  if (token === undefined) throw new Error(`verifying ${email} returned no token`);
  return { index, email, password: BENCH_PASSWORD, token };
}

/** The Sell.app order id of a seeded user's purchase (digits only, as Sell.app's are). */
export function orderIdFor(runId: string, index: number): string {
  return `${runId}${index}`.replace(/\D/g, "").slice(-12) || String(index);
}

/** A signed Sell.app `order.completed` to the site URL: the real payment path grants `vip`. */
async function buyAccess(ctx: SeedContext, user: BenchUser): Promise<void> {
  await sendOrderEvent(ctx, "order.completed", user);
}

/** A signed Sell.app order event for the user's purchase, POSTed to the site URL. */
export async function sendOrderEvent(
  ctx: Pick<SeedContext, "siteUrl" | "webhookSecret" | "runId">,
  kind: "order.completed" | "order.disputed",
  user: BenchUser,
): Promise<void> {
  const delivery = buildSellappEvent(kind, {
    email: user.email,
    orderId: orderIdFor(ctx.runId, user.index),
    productId: DEMO_PRODUCT_ID,
    occurredAt: Date.now(),
  });
  const response = await fetch(`${ctx.siteUrl}/webhooks/sellapp`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      [SELLAPP_SIGNATURE_HEADER]: await signSellappBody(delivery.rawBody, ctx.webhookSecret),
    },
    body: delivery.rawBody,
  });
  if (response.status !== 200) {
    throw new Error(
      `Sell.app webhook for ${user.email} answered ${response.status}: ${await response.text()}`,
    );
  }
}

/**
 * Creates users `from`..`to-1`, each a distinct paying customer, `concurrency` at a time. Waits
 * until every one of them reads an unlocked feed.
 */
export async function seedPayingUsers(
  ctx: SeedContext,
  from: number,
  to: number,
  progress: (done: number) => void,
  concurrency = 6,
): Promise<BenchUser[]> {
  const users: BenchUser[] = [];
  let next = from;
  let done = 0;
  const worker = async () => {
    const client = new ConvexClient(ctx.backendUrl, {
      webSocketConstructor,
      unsavedChangesWarning: false,
      logger: false,
    });
    try {
      while (next < to) {
        const index = next++;
        const user = await signUpVerified(client, ctx, index);
        await buyAccess(ctx, user);
        users.push(user);
        done++;
        if (done % 25 === 0 || done === to - from) progress(done);
      }
    } finally {
      await client.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, to - from) }, worker));
  await waitUntilUnlocked(ctx.backendUrl, users);
  return users.sort((a, b) => a.index - b.index);
}

async function waitUntilUnlocked(backendUrl: string, users: BenchUser[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (const user of users) {
    const client = new ConvexHttpClient(backendUrl);
    client.setAuth(user.token);
    for (;;) {
      const access = await client.query(refs.feedAccess, {});
      if (!access.locked) break;
      if (Date.now() > deadline) {
        throw new Error(
          `${user.email} still has no access 60 s after the webhook (${access.reason})`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
