import { fileURLToPath } from "node:url";
import { api, internal } from "@convex/_generated/api";
import {
  adminClient,
  generateAuthKeys,
  silentLogger,
  startBackend,
  type Backend,
} from "@g3/convex-offline";
import { seedDemoWorld } from "@g3/dev-stack";
import { waitFor } from "@g3/dev-stack/poll";
import { DEMO_IDS } from "@g3/discord-emulator";
import { ConvexHttpClient } from "convex/browser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FIRST_PAGE_SIZE, loadFeedFirstPage } from "./feed-first-page";

const FUNCTIONS_DIR = fileURLToPath(new URL("../../../../convex", import.meta.url));
const SERVICE_SECRET = "feed-first-page-service-secret-0123";
const ADMIN_EMAIL = "admin@first-page.test";
const PASSWORD = "first-page-Test-passphrase-2026!";
const SIGNAL_TEXT = "SOL/USDT LONG\nEntry: 140-142\nTargets: 150, 160\nSL: 130";

/** Signs up over the wire and verifies with the dev mailbox's code; returns the session's JWT. */
async function signUpVerified(backend: Backend, email: string): Promise<string> {
  const client = new ConvexHttpClient(backend.url, { logger: false });
  await client.action(api.auth.signIn, {
    provider: "password",
    params: { email, password: PASSWORD, flow: "signUp" },
  });
  const admin = adminClient(backend.url, backend.adminKey);
  const code = await waitFor(
    async () => (await admin.query(internal.devMailbox.latestCodeFor, { to: email })) ?? undefined,
    20_000,
    `the code mailed to ${email}`,
  );
  const verified = await client.action(api.auth.signIn, {
    provider: "password",
    params: { email, code, flow: "email-verification" },
  });
  const token = verified.tokens?.token;
  if (token === undefined) throw new Error(`verifying ${email} returned no token`);
  return token;
}

describe("the feed's first page, read on the server with the viewer's token", () => {
  let backend: Backend;
  let memberToken: string;
  let lockedToken: string;

  beforeAll(async () => {
    const keys = await generateAuthKeys();
    backend = await startBackend({
      functionsDir: FUNCTIONS_DIR,
      port: 0,
      sitePort: 0,
      host: "127.0.0.1",
      dataDir: null,
      logger: silentLogger,
      env: {
        JWT_PRIVATE_KEY: keys.JWT_PRIVATE_KEY,
        JWKS: keys.JWKS,
        SITE_URL: "http://localhost:3000",
        EMAIL_PROVIDER: "dev",
        ADMIN_EMAILS: ADMIN_EMAIL,
        CONVEX_SERVICE_SECRET: SERVICE_SECRET,
      },
    });
    await seedDemoWorld(backend.url, backend.adminKey);
    const adminToken = await signUpVerified(backend, ADMIN_EMAIL);
    memberToken = await signUpVerified(backend, "member@first-page.test");
    lockedToken = await signUpVerified(backend, "locked@first-page.test");

    const admin = new ConvexHttpClient(backend.url, { logger: false });
    admin.setAuth(adminToken);
    const { users } = await admin.query(api.entitlementAdmin.search, {
      emailPrefix: "member@",
    });
    const member = users.find((user) => user.email === "member@first-page.test");
    if (member === undefined) throw new Error("the member was not found after sign-up");
    await admin.mutation(api.entitlementAdmin.grant, {
      userId: member.id,
      tierKey: "vip",
      days: 30,
      reason: "feed first-page test",
    });

    // More signals than the first page holds, posted a second apart (newest last).
    const service = new ConvexHttpClient(backend.url, { logger: false });
    const now = Date.now();
    for (let index = 0; index < FIRST_PAGE_SIZE + 2; index += 1) {
      const postedAt = now - 60_000 + index * 1_000;
      await service.mutation(api.ingest.upsertMessage, {
        secret: SERVICE_SECRET,
        message: {
          messageId: `13000000000000001${String(index).padStart(2, "0")}`,
          channelId: DEMO_IDS.sourceVipSignals,
          guildId: DEMO_IDS.sourceGuild,
          authorId: "1000000000000000099",
          authorName: "G3 Caller",
          content: `${SIGNAL_TEXT}\n#${index}`,
          attachments: [],
          sourceAt: postedAt,
          receivedAt: postedAt + 100,
          origin: "gateway",
        },
      });
    }
  }, 180_000);

  afterAll(async () => {
    await backend?.close();
  });

  test("a member gets the newest cards of their tier, newest first, one page's worth", async () => {
    const first = await loadFeedFirstPage(memberToken, backend.url);
    expect(first?.access).toEqual({ locked: false, tiers: ["vip"] });
    expect(first?.cards.map((card) => card.content.split("\n").at(-1))).toEqual(
      ["#6", "#5", "#4", "#3", "#2"].slice(0, FIRST_PAGE_SIZE),
    );
    expect(first?.isDone).toBe(false);
  });

  test("a signed-in user without access gets the locked answer and no signal content", async () => {
    const first = await loadFeedFirstPage(lockedToken, backend.url);
    expect(first?.access.locked).toBe(true);
    expect(first?.cards).toEqual([]);
    // Nothing of any signal anywhere in what the page would be rendered from.
    expect(JSON.stringify(first)).not.toContain("SOL/USDT");
  });

  test("no token, or a token the backend refuses, reads nothing", async () => {
    await expect(loadFeedFirstPage(undefined, backend.url)).resolves.toBeNull();
    await expect(loadFeedFirstPage("not-a-jwt", backend.url)).resolves.toBeNull();
  });
});
