// Finding 11: a production web build with EMAIL_PROVIDER=dev served /dev/mailbox, and the backend
// refused the mailbox only on *.convex.cloud: an anonymous caller read a verification code and took
// over the admin account. Expected: the dev mailbox cannot exist outside a loopback deployment,
// whatever EMAIL_PROVIDER says.
import { networkInterfaces } from "node:os";
import type { Backend } from "@g3/convex-offline";
import { afterAll, expect, test } from "vitest";
import { startAttackBackend } from "../src/backend.js";
import { suiteStack, webUrl } from "../src/context.js";
import { api, outcome } from "../src/convex.js";
import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { ADMIN_EMAIL, STRONG_PASSWORD } from "../src/world.js";

const stack = suiteStack();
let exposed: Backend | null = null;

afterAll(async () => {
  await exposed?.close();
});

/** This machine's first non-loopback IPv4 address: where a real deployment would listen. */
function publicAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === "IPv4" && !address.internal) return address.address;
    }
  }
  throw new Error("this machine has no non-loopback IPv4 address to deploy the backend on");
}

test("the production web build does not serve /dev/mailbox (built and started with EMAIL_PROVIDER=dev)", async () => {
  const response = await fetch(`${webUrl(stack)}/dev/mailbox`, { redirect: "manual" });
  const body = await response.text();
  expect(response.status, "a production build serves the dev mailbox page").toBe(404);
  expect(body).not.toMatch(/verification code/i);
});

test("on a non-loopback deployment with EMAIL_PROVIDER=dev, an anonymous caller reads no code", async () => {
  const host = publicAddress();
  exposed = await startAttackBackend({ host, dataDir: null, siteUrl: `http://${host}:3000` });
  const attacker = new ConvexHttpClient(exposed.url, { logger: false });
  // The attacker claims the admin's email; the code goes wherever the deployment sends mail.
  await outcome(() =>
    attacker.action(api.auth.signIn, {
      provider: "password",
      params: { email: ADMIN_EMAIL, password: STRONG_PASSWORD, flow: "signUp" },
    }),
  );
  // Whatever arguments the mailbox query takes, an outsider has nothing better than guesses.
  const recent = makeFunctionReference<"query", Record<string, string>, unknown[]>(
    "devMailbox:recent",
  );
  const attempts: Record<string, string>[] = [{}, { secret: "" }, { secret: "dev" }];
  const answers = await Promise.all(
    attempts.map((args) => outcome(() => attacker.query(recent, args))),
  );
  const mailbox = answers.find((answer) => answer.ok) ?? answers[0] ?? { ok: false, error: "" };
  const leaked = mailbox.ok ? JSON.stringify(mailbox.value) : "";
  expect(
    mailbox.ok && leaked.includes(ADMIN_EMAIL),
    `an anonymous caller read the mailbox of a deployment on ${host}: ${leaked.slice(0, 200)}`,
  ).toBe(false);
  expect(mailbox.ok ? mailbox.value.length : 0, "the mailbox exists off loopback").toBe(0);
});
