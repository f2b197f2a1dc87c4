import { api } from "@convex/_generated/api";
import type { Backend } from "@g3/convex-offline";
import { grantTierByEmail, seedDemoWorld, signUpVerified, startAppBackend } from "@g3/dev-stack";
import { DEMO_IDS } from "@g3/discord-emulator";
import { ConvexHttpClient } from "convex/browser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FIRST_PAGE_SIZE, loadFeedFirstPage } from "./feed-first-page";

const SERVICE_SECRET = "feed-first-page-service-secret-0123";
const ADMIN_EMAIL = "admin@first-page.test";
const PASSWORD = "first-page-Test-passphrase-2026!";
const SIGNAL_TEXT = "SOL/USDT LONG\nEntry: 140-142\nTargets: 150, 160\nSL: 130";

describe("the feed's first page, read on the server with the viewer's token", () => {
  let backend: Backend;
  let memberToken: string;
  let lockedToken: string;

  beforeAll(async () => {
    backend = await startAppBackend({
      env: {
        SITE_URL: "http://localhost:3000",
        ADMIN_EMAILS: ADMIN_EMAIL,
        CONVEX_SERVICE_SECRET: SERVICE_SECRET,
      },
    });
    await seedDemoWorld(backend.url, backend.adminKey);
    const adminToken = await signUpVerified(backend, ADMIN_EMAIL, PASSWORD);
    memberToken = await signUpVerified(backend, "member@first-page.test", PASSWORD);
    lockedToken = await signUpVerified(backend, "locked@first-page.test", PASSWORD);

    await grantTierByEmail(backend, adminToken, {
      email: "member@first-page.test",
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
