// The whole product path in a real browser against the local stack: sign up, verify through the
// dev mailbox, locked feed, a signed Sell.app webhook unlocks it live, a committed signal appears
// (and its edit) without a reload; Discord linking (OAuth2 + PKCE against the emulator) joins the
// customer guild with the paid role; an admin edits a channel mapping and replays a failed webhook;
// a non-admin is refused the admin pages; an admin corrects a low-confidence signal (the customer's
// card updates live) and re-parses every signal. Screenshots go to apps/web/screenshots/.
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { api, internal } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import { DEMO_IDS } from "@g3/discord-emulator";
import { buildSellappEvent, SELLAPP_SIGNATURE_HEADER, signSellappBody } from "@g3/payments";
import { ConvexHttpClient } from "convex/browser";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { adminClient } from "@g3/convex-offline";
import { launchChromium } from "@g3/dev-stack/chromium";
import { cspDirectives, getWithHost, recordCspViolations, type CspViolation } from "./security";
import {
  ADMIN_EMAIL,
  SERVICE_SECRET,
  WEBHOOK_SECRET,
  WEB_DIR,
  startStack,
  type Stack,
} from "./stack";
import { outcomesJourney } from "./outcomes";
import { expectSameDocument, markDocument } from "./same-document";
import { pushJourney } from "./push";
import { storefrontJourney } from "./storefront";
import { cutoverJourney } from "./cutover";

const SHOTS = join(WEB_DIR, "screenshots");
const PASSWORD = "e2e correct horse battery";
const NEW_PASSWORD = "e2e a brand new passphrase";
const FIRST_MESSAGE_ID = "1300000000000000101";
const CUSTOMER = "trader@e2e.test";
/** Parse review: a second paying customer watches a low-confidence signal get corrected. */
const REVIEW_CUSTOMER = "reviewed.trader@e2e.test";
const SHAKY_SIGNAL = "ETH long 2350 TP 2400";
const SHAKY_MESSAGE_ID = "1300000000000000301";
const MAPPING = {
  label: "VIP calls",
  sourceGuildId: "1000000000000000001",
  sourceChannelId: "1000000000000000010",
  customerGuildId: "2000000000000000001",
  customerChannelId: "2000000000000000010",
};
const TIER = {
  key: "vip",
  name: "VIP",
  purchaseUrl: "https://sell.app/p/g3-vip",
  graceHours: 72,
  discordRoleId: DEMO_IDS.vipRole,
};

let stack: Stack;
let browser: Browser;
let admin: ReturnType<typeof adminClient>;
let service: ConvexHttpClient;
/** Every CSP violation reported by any page of any test; the last test asserts there are none. */
const cspViolations: CspViolation[] = [];

/** A browser context whose pages report CSP violations into cspViolations. */
async function newContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await recordCspViolations(context, cspViolations);
  return context;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium(); // first: a missing browser fails before the slow build
  stack = await startStack();
  admin = adminClient(stack.backend.url, stack.backend.adminKey);
  service = new ConvexHttpClient(stack.backend.url);
  await admin.mutation(internal.seed.configure, {
    tier: TIER,
    sellappProductId: "501",
    mappings: [MAPPING],
  });
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The newest code mailed to `email` of the given kind, read on the /dev/mailbox page. */
async function readCode(
  context: BrowserContext,
  email: string,
  kind: "verification" | "password reset",
  screenshot = false,
): Promise<string> {
  const mailbox = await context.newPage();
  await mailbox.goto(`${stack.webUrl}/dev/mailbox`);
  const mail = mailbox
    .getByTestId("dev-mail")
    .filter({ hasText: email })
    .filter({ hasText: kind })
    .first();
  await mail.waitFor();
  const code = (await mail.getByTestId("dev-mail-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^\d{8}$/);
  if (screenshot) await shot(mailbox, "dev-mailbox");
  await mailbox.close();
  return code;
}

/** Sign up, read the code from the /dev/mailbox page, verify, land on the feed. */
async function signUp(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${stack.webUrl}/signup`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Verification code").waitFor();

  const code = await readCode(context, email, "verification", email === CUSTOMER);
  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Verify email" }).click();
  await page.waitForURL(`${stack.webUrl}/feed`);
  return page;
}

async function sendWebhook({
  kind = "order.completed",
  ...options
}: {
  email: string;
  orderId: string;
  productId: string;
  kind?: "order.completed" | "order.disputed";
}) {
  const delivery = buildSellappEvent(kind, { ...options, occurredAt: Date.now() });
  const response = await fetch(`${stack.backend.siteUrl}/webhooks/sellapp`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      [SELLAPP_SIGNATURE_HEADER]: await signSellappBody(delivery.rawBody, WEBHOOK_SECRET),
    },
    body: delivery.rawBody,
  });
  expect(response.status).toBe(200);
}

async function uploadPng(bytes: Buffer) {
  const uploadUrl = await service.mutation(api.ingest.generateUploadUrl, {
    secret: SERVICE_SECRET,
  });
  const response = await fetch(uploadUrl, {
    method: "POST",
    headers: { "Content-Type": "image/png" },
    body: new Uint8Array(bytes),
  });
  const { storageId } = (await response.json()) as { storageId: Id<"_storage"> };
  return {
    status: "stored" as const,
    discordAttachmentId: "1300000000000000901",
    storageId,
    filename: "chart.png",
    contentType: "image/png",
    size: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

type Attachment = Awaited<ReturnType<typeof uploadPng>>;

function signalMessage(
  content: string,
  extra: { editedAt?: number; attachments?: Attachment[] } = {},
) {
  const now = Date.now();
  return {
    messageId: FIRST_MESSAGE_ID,
    channelId: MAPPING.sourceChannelId,
    guildId: MAPPING.sourceGuildId,
    authorId: "1000000000000000099",
    authorName: "G3 Caller",
    content,
    attachments: [] as Attachment[],
    sourceAt: now - 300,
    receivedAt: now - 100,
    origin: "gateway" as const,
    ...extra,
  };
}

describe("customer journey", () => {
  test("sign up → verify → locked → webhook unlocks live → signals arrive live", async () => {
    const context = await newContext({ width: 390, height: 844 });
    const page = await signUp(context, CUSTOMER);
    // Signed in, /signin forwards to `next` — never off our origin, however it is encoded.
    await page.goto(`${stack.webUrl}/signin?next=%2F%0A%2Fevil.example%2Fphish`);
    await page.waitForURL(`${stack.webUrl}/feed`);

    await page.getByRole("heading", { name: /live feed is for members/ }).waitFor();
    await expect(page.getByRole("link", { name: "Get access" }).getAttribute("href")).resolves.toBe(
      TIER.purchaseUrl,
    );
    await shot(page, "feed-locked");

    await markDocument(page);
    await sendWebhook({ email: CUSTOMER, orderId: "5001", productId: "501" });
    await page.getByRole("search", { name: "Filter signals" }).waitFor({ timeout: 15_000 });
    await page.getByText(/No signals match/).waitFor();
    await expectSameDocument(page);

    // A PNG made by the browser itself, stored the way the collector stores attachments.
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 160 } });
    const attachment = await uploadPng(png);
    const created = await service.mutation(api.ingest.upsertMessage, {
      secret: SERVICE_SECRET,
      message: signalMessage(
        "BTC/USDT LONG\nEntry: 42000-42500\nTargets: 43000, 44000, 45500\nSL: 41000\nLeverage: 10x",
        { attachments: [attachment] },
      ),
    });
    expect(created.outcome).toBe("created");

    const card = page.getByTestId("signal-card").filter({ hasText: "BTC/USDT" });
    await card.waitFor({ timeout: 15_000 });
    await expect(card.getByText("NEW").isVisible()).resolves.toBe(true);
    await page.getByRole("button", { name: /1 new signal/ }).waitFor();
    await expect(
      card.getByText("41,000").or(card.getByText("41000")).first().isVisible(),
    ).resolves.toBe(true);
    await expect(card.getByRole("img", { name: "Attachment chart.png" }).isVisible()).resolves.toBe(
      true,
    );
    await expectSameDocument(page);
    await shot(page, "feed-live");

    // The author edits the post: the card updates in place and says so.
    await service.mutation(api.ingest.upsertMessage, {
      secret: SERVICE_SECRET,
      message: signalMessage(
        "BTC/USDT LONG\nEntry: 42000-42500\nTargets: 43000, 44000, 45500\nSL: 41500\nLeverage: 10x",
        { editedAt: Date.now(), attachments: [attachment] },
      ),
    });
    const edited = card.getByRole("link", { name: /Edited · v2/ });
    await edited.waitFor({ timeout: 15_000 });
    await expectSameDocument(page);
    await card.getByText("Raw text").click();
    await card.getByText("SL: 41500").waitFor();

    await edited.click();
    await page.getByRole("heading", { name: "Edit history" }).waitFor();
    await page.getByText("SL: 41000").waitFor(); // v1 stays visible
    await shot(page, "signal-history");

    await page.goto(`${stack.webUrl}/account`);
    await page.getByTestId("tier-status").filter({ hasText: "Access" }).first().waitFor();
    await shot(page, "account");

    // Link Discord: OAuth2 with state + PKCE against the emulator, which consents as the demo
    // customer; the paying customer joins the customer guild with the paid role.
    await page.getByRole("button", { name: "Link Discord" }).click();
    await page.waitForURL(/\/account\?discord=linked/);
    await page.getByText("Linked as").waitFor();
    await page.getByText(/Your Discord account is linked/).waitFor();
    await shot(page, "account-discord-linked");
    const members = await stack.emulator.control.members(DEMO_IDS.customerGuild);
    const linked = members.find((member) => member.user?.id === DEMO_IDS.customerUser);
    expect(linked?.roles).toContain(DEMO_IDS.vipRole);

    // A forged callback (no state cookie in this browser for that state) changes nothing.
    await page.goto(`${stack.webUrl}/api/discord/callback?code=forged&state=forged`);
    await page.waitForURL(/\/account\?discord=invalid_state/);
    await page.getByText(/expired or came from another browser/).waitFor();

    // Unlink: the link is gone and the button is back.
    await page.getByRole("button", { name: "Unlink" }).click();
    await page.getByRole("button", { name: "Link Discord" }).waitFor();

    // Not an admin: the console is refused (and every admin function refuses on the server).
    await page.goto(`${stack.webUrl}/admin/mappings`);
    await page.getByTestId("admin-forbidden").waitFor();
    await shot(page, "admin-forbidden");

    // Sign out: private pages send you to sign in again.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/signin/);
    await page.goto(`${stack.webUrl}/feed`);
    await page.waitForURL(/\/signin\?next=%2Ffeed/);

    // Forgotten password: a mailed code sets a new one; the old one stops working.
    await page.goto(`${stack.webUrl}/reset`);
    await page.getByLabel("Email").fill(CUSTOMER);
    await page.getByRole("button", { name: "Email me a reset code" }).click();
    await page.getByLabel("Reset code").waitFor();
    await page.getByLabel("Reset code").fill(await readCode(context, CUSTOMER, "password reset"));
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Set new password" }).click();
    await page.waitForURL(`${stack.webUrl}/feed`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/signin/);

    // A genuine sign-in from a hostile link (tab between the slashes) lands on our own origin.
    await page.goto(`${stack.webUrl}/signin?next=%2F%09%2Fevil.example%2Fphish`);
    await page.getByLabel("Email").fill(CUSTOMER);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "Wrong email or password." }).waitFor();
    await shot(page, "signin-wrong-password");
    await page.getByLabel("Password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${stack.webUrl}/feed`);
    await page.getByTestId("signal-card").first().waitFor();

    // The author deletes the post: it stays, marked, with its history (nothing quietly vanishes).
    await markDocument(page);
    await service.mutation(api.ingest.deleteMessages, {
      secret: SERVICE_SECRET,
      channelId: MAPPING.sourceChannelId,
      messageIds: [FIRST_MESSAGE_ID],
    });
    await page.getByRole("link", { name: /Deleted by the author/ }).waitFor({ timeout: 15_000 });
    await expectSameDocument(page);

    // The tier's newest few come live from the shared head, older ones from the history (a first
    // page of 8, then pages of 20 as the reader scrolls).
    for (let i = 0; i < 44; i++) {
      await service.mutation(api.ingest.upsertMessage, {
        secret: SERVICE_SECRET,
        message: {
          ...signalMessage(`ETH/USDT SHORT\nEntry: ${2300 + i}\nTP: 2200\nSL: 2400`),
          messageId: String(1300000000000000200n + BigInt(i)),
        },
      });
    }
    await page.reload();
    const cards = page.getByTestId("signal-card");
    // The head and the first history page overlap (the history is anchored inside the head), so
    // how many cards the first screen holds depends on the head's size: wait for more than the
    // head alone (5) holds, i.e. for the history's first page.
    await cards.nth(7).waitFor();
    await expect.poll(() => cards.first().textContent()).toContain("2343");
    // Scrolling to the last card loads the next page, until the feed says it has shown them all.
    const end = page.getByText("That's every signal.");
    await expect
      .poll(
        async () => {
          await cards.last().scrollIntoViewIfNeeded();
          return end.isVisible();
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(await cards.count()).toBe(45);
    // Newest first, each signal once, nothing skipped between the live head and the history.
    const entries = await page
      .getByTestId("signal-card")
      .evaluateAll((nodes) =>
        nodes.map((node) => /Entry: (\d+)/.exec(node.textContent ?? "")?.[1]),
      );
    expect(entries.slice(0, 44)).toEqual(Array.from({ length: 44 }, (_, i) => String(2343 - i)));
    await shot(page, "feed-scrolled");
    await context.close();
  });
});

describe("admin console", () => {
  test("edits a channel mapping and replays a failed webhook", async () => {
    const context = await newContext({ width: 1280, height: 900 });
    const page = await signUp(context, ADMIN_EMAIL);

    await page.goto(`${stack.webUrl}/admin`);
    await page.getByRole("heading", { name: "Delivery SLO" }).waitFor();
    await page.getByRole("img", { name: /Ingest → web dashboard/ }).waitFor();
    await shot(page, "admin-health");

    await page.goto(`${stack.webUrl}/admin/mappings`);
    const row = page.getByTestId("mapping-row").filter({ hasText: "VIP calls" });
    await row.getByRole("button", { name: "Edit" }).click();
    await page.getByLabel("Label").fill("VIP calls (futures)");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByTestId("mapping-row").filter({ hasText: "VIP calls (futures)" }).waitFor();
    await shot(page, "admin-mappings");

    await page.goto(`${stack.webUrl}/admin/audit`);
    await page.getByTestId("audit-entry").filter({ hasText: "channelMapping.update" }).waitFor();
    await shot(page, "admin-audit");

    // An order for a product no tier sells yet fails processing...
    await sendWebhook({ email: "late.buyer@e2e.test", orderId: "5002", productId: "999" });
    await page.goto(`${stack.webUrl}/admin/webhooks`);
    await page.getByLabel("Status").selectOption("failed");
    const failed = page.getByTestId("webhook-row").filter({ hasText: "late.buyer@e2e.test" });
    await failed.waitFor({ timeout: 15_000 });
    await failed.getByRole("button", { name: "Show payload" }).click();
    await failed.getByTestId("webhook-raw").filter({ hasText: '"order.completed"' }).waitFor();
    await shot(page, "admin-webhooks-failed");

    // ...the product is mapped, and the admin replays the stored event.
    await admin.mutation(internal.seed.configure, {
      tier: TIER,
      sellappProductId: "999",
      mappings: [],
    });
    await failed.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Replay selected (1)" }).click();
    await page.getByText("Replayed 1 event").waitFor();
    await failed.waitFor({ state: "detached" }); // no longer failed
    await page.getByLabel("Status").selectOption("processed");
    await page.getByTestId("webhook-row").filter({ hasText: "late.buyer@e2e.test" }).waitFor();
    await shot(page, "admin-webhooks-replayed");
    await context.close();
  });
});

describe("cutover console", () => {
  test("an admin uploads an order export → dry-run report → real run grants access; a history import's progress moves live on /admin/imports", async () => {
    const lease = { secret: SERVICE_SECRET, leaseMs: 60_000 };
    await cutoverJourney({
      webUrl: stack.webUrl,
      adminEmail: ADMIN_EMAIL,
      password: PASSWORD,
      sourceChannelId: MAPPING.sourceChannelId,
      productId: "501",
      newContext,
      signUp,
      adminSignedUp: async () =>
        (await admin.query(internal.devMailbox.latestCodeFor, { to: ADMIN_EMAIL })) !== null,
      accessOf: (email) => admin.query(internal.sellappSyncOps.accessOf, { email }),
      collector: {
        claim: (owner) => service.mutation(api.historyImportJobs.claim, { ...lease, owner }),
        commitPage: ({ importId, ...page }) =>
          service.mutation(api.historyImportJobs.commitPage, {
            ...lease,
            importId: importId as Id<"historyImports">,
            ...page,
          }),
        finish: (importId, owner) =>
          service.mutation(api.historyImportJobs.finish, {
            secret: SERVICE_SECRET,
            importId: importId as Id<"historyImports">,
            owner,
          }),
      },
      shot,
    });
  });
});

describe("parse review", () => {
  test("an admin corrects a low-confidence signal live on a customer's card, then re-parses all", async () => {
    const customerContext = await newContext({ width: 390, height: 844 });
    const customer = await signUp(customerContext, REVIEW_CUSTOMER);
    await sendWebhook({ email: REVIEW_CUSTOMER, orderId: "5003", productId: "501" });
    await customer.getByRole("search", { name: "Filter signals" }).waitFor({ timeout: 15_000 });

    // A post the parser cannot read with confidence (no quote, no stop): no levels on the card.
    await service.mutation(api.ingest.upsertMessage, {
      secret: SERVICE_SECRET,
      message: { ...signalMessage(SHAKY_SIGNAL), messageId: SHAKY_MESSAGE_ID },
    });
    const card = customer.getByTestId("signal-card").filter({ hasText: SHAKY_SIGNAL });
    await card.waitFor({ timeout: 15_000 });
    await card.getByTestId("check-message").waitFor();
    await expect(card.getByTestId("card-raw-text").isVisible()).resolves.toBe(true);
    await expect(card.getByText("Stop loss").count()).resolves.toBe(0);
    await shot(customer, "card-low-confidence");
    await markDocument(customer);

    // The admin corrects it from the review list…
    const adminContext = await newContext({ width: 1280, height: 900 });
    const page = await adminContext.newPage();
    await page.goto(`${stack.webUrl}/signin`);
    await page.getByLabel("Email").fill(ADMIN_EMAIL);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${stack.webUrl}/feed`);
    await page.goto(`${stack.webUrl}/admin/parsing`);
    const item = page.getByTestId("parse-review-item").filter({ hasText: SHAKY_SIGNAL });
    await item.getByText(/Low confidence/).waitFor({ timeout: 15_000 });
    await item.getByRole("button", { name: "Correct" }).click();
    await item.getByLabel("Quote").fill("USDT");
    await item.getByLabel("Targets").fill("2400, 2450");
    await item.getByLabel("Stop loss").fill("2390"); // a long's stop above its entry: refused
    await item.getByRole("button", { name: "Save correction" }).click();
    await item.getByRole("alert").filter({ hasText: "stop must be below its entries" }).waitFor();
    await item.getByLabel("Stop loss").fill("2300");
    await item.getByLabel("Leverage").fill("5");
    await item.getByLabel("Margin mode").selectOption("isolated");
    await item.getByLabel("Reason (audit log)").fill("quote and stop from the chart");
    await item.getByRole("button", { name: "Save correction" }).click();
    await item.waitFor({ state: "detached", timeout: 15_000 }); // reviewed: off the list
    await shot(page, "admin-parse-corrected");

    // …and the customer's card shows the corrected levels, live, with the raw text untouched.
    await card.getByTestId("corrected-badge").waitFor({ timeout: 15_000 });
    await expect(card.getByTestId("check-message").count()).resolves.toBe(0);
    await card.getByText("2,300").or(card.getByText("2300")).first().waitFor();
    await expect(card.getByText("5× isolated").isVisible()).resolves.toBe(true);
    await card.getByText("Raw text").click();
    await card.getByText(SHAKY_SIGNAL).waitFor();
    await expectSameDocument(customer);
    await shot(customer, "card-corrected");

    // The admin re-parses every stored signal with the deployed parser and watches it finish.
    await page.getByRole("button", { name: /Re-parse all signals|Resume the re-parse/ }).click();
    await page.getByText("Asked to re-parse").waitFor();
    await expect
      .poll(
        async () => {
          const text = (await page.getByTestId("reparse-progress").textContent()) ?? "";
          const [done, total] = text.split("/").map((part) => Number(part.trim()));
          return done === total && (total ?? 0) >= 46 ? "complete" : text;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe("complete");
    await page.getByTestId("reparse-status").filter({ hasText: /^Done/ }).waitFor();
    await shot(page, "admin-reparse-done");
    // A re-parse never overwrites a correction.
    await expect(card.getByTestId("corrected-badge").isVisible()).resolves.toBe(true);
    await page.goto(`${stack.webUrl}/admin/audit`);
    await page.getByTestId("audit-entry").filter({ hasText: "signal.correct" }).waitFor();
    await adminContext.close();
    await customerContext.close();
  });
});

describe("storefront", () => {
  test("admin creates and maps a tier → visitor sees it priced → buys → signs up → unlocked feed, payment on the account page, counted in the overview", async () => {
    await storefrontJourney({
      webUrl: stack.webUrl,
      adminEmail: ADMIN_EMAIL,
      password: PASSWORD,
      newContext,
      signUp,
      sendWebhook,
      shot,
    });
  });
});

describe("web push", () => {
  test("installable; a member opts in → a new signal reaches the push service encrypted → the service worker shows it; 410 prunes, quiet hours and lost access send nothing", async () => {
    await pushJourney({
      webUrl: stack.webUrl,
      password: PASSWORD,
      pushService: stack.pushService,
      vapidPublicKey: stack.vapidPublicKey,
      newContext,
      signUp,
      signIn: async (context, email) => {
        const page = await context.newPage();
        await page.goto(`${stack.webUrl}/signin`);
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password").fill(PASSWORD);
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.waitForURL(`${stack.webUrl}/feed`);
        return page;
      },
      sendWebhook,
      postSignal: async (messageId, content) => {
        const result = await service.mutation(api.ingest.upsertMessage, {
          secret: SERVICE_SECRET,
          message: { ...signalMessage(content), messageId },
        });
        return result.signalId;
      },
      settle: () => stack.backend.settleScheduled(),
      shot,
    });
  });
});

describe("verified outcomes", () => {
  test("the tracker follows a scripted price through entry, TP1, TP2 and the stop → the member's card shows each live; the performance page counts the closed trade live", async () => {
    await outcomesJourney({
      webUrl: stack.webUrl,
      convexUrl: stack.backend.url,
      serviceSecret: SERVICE_SECRET,
      market: stack.market,
      configureTier: async (tier, productId, channelId) => {
        await admin.mutation(internal.seed.configure, {
          tier: { ...tier, graceHours: 72 },
          sellappProductId: productId,
          mappings: [
            {
              label: `${tier.name} calls`,
              sourceGuildId: MAPPING.sourceGuildId,
              sourceChannelId: channelId,
              customerGuildId: MAPPING.customerGuildId,
              customerChannelId: "2000000000000000030",
            },
          ],
        });
      },
      newContext,
      signUp,
      sendWebhook,
      postSignal: async (channelId, messageId, content) => {
        await service.mutation(api.ingest.upsertMessage, {
          secret: SERVICE_SECRET,
          message: { ...signalMessage(content), channelId, messageId },
        });
      },
      shot,
    });
  });
});

describe("web security controls", () => {
  test("every page carries a nonce CSP limited to the Convex deployment, HSTS and the rest", async () => {
    const backend = new URL(stack.backend.url);
    const nonces = new Set<string>();
    for (const path of ["/", "/signin", "/signup", "/feed", "/dev/mailbox"]) {
      const response = await fetch(`${stack.webUrl}${path}`, { redirect: "manual" });
      expect(response.status, path).toBeLessThan(400);
      const policy = response.headers.get("content-security-policy") ?? "";
      const directives = cspDirectives(policy);
      const scripts = directives.get("script-src") ?? [];
      const nonce = scripts.find((source) => source.startsWith("'nonce-"));
      expect(nonce, `${path}: ${policy}`).toBeDefined();
      nonces.add(nonce ?? "");
      expect(scripts, path).not.toContain("'unsafe-inline'");
      expect(scripts, path).not.toContain("'unsafe-eval'");
      expect(directives.get("connect-src"), path).toEqual([
        "'self'",
        `http://${backend.host}`,
        `ws://${backend.host}`,
      ]);
      expect(directives.get("frame-ancestors"), path).toEqual(["'none'"]);
      expect(directives.get("object-src"), path).toEqual(["'none'"]);
      expect(response.headers.get("strict-transport-security"), path).toMatch(/max-age=\d{8}/);
      expect(response.headers.get("permissions-policy"), path).toContain("camera=()");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      if (response.status === 200) {
        // Next.js put this response's nonce on the scripts it rendered.
        const html = await response.text();
        const value = (nonce ?? "").slice("'nonce-".length, -1);
        expect(html, path).toContain(`nonce="${value}"`);
      }
    }
    expect(nonces.size).toBe(5); // fresh per response
  });

  test("the dev mailbox answers only a request addressed to this machine", async () => {
    const port = new URL(stack.webUrl).port;
    expect((await getWithHost(stack.webUrl, "/dev/mailbox", `localhost:${port}`)).status).toBe(200);
    // A DNS-rebinding page reaches 127.0.0.1 under its own name.
    expect((await getWithHost(stack.webUrl, "/dev/mailbox", `evil.example:${port}`)).status).toBe(
      404,
    );
  });

  test("no page of the journeys above reported a Content-Security-Policy violation", () => {
    expect(cspViolations).toEqual([]);
  });
});
