// The storefront journey (issue #17), run by journey.e2e.ts on its stack: an admin creates a tier
// and maps a Sell.app product; a visitor sees it on the landing and pricing pages with its purchase
// link; "buys" it (a signed webhook); signs up with that email and lands on the unlocked feed; the
// account page shows the payment; the admin's business overview counts the new member, live. Also:
// a product that sold unmapped is mapped and its webhook replayed from the tiers page, and the
// owner's terms appear on /terms as plain text.
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";

export type StorefrontDeps = {
  webUrl: string;
  adminEmail: string;
  password: string;
  newContext: (viewport: { width: number; height: number }) => Promise<BrowserContext>;
  signUp: (context: BrowserContext, email: string) => Promise<Page>;
  sendWebhook: (options: { email: string; orderId: string; productId: string }) => Promise<void>;
  shot: (page: Page, name: string) => Promise<void>;
};

const TIER = {
  key: "pro",
  name: "Pro Trader",
  price: "$99 / month",
  features: "Every call, live\nDiscord mirror",
  purchaseUrl: "https://sell.app/p/g3-pro",
};
const PRODUCT = "777";
const BUYER = "pro.buyer@e2e.test";
const PORTAL = "https://g3.sell.app/customer";
const TERMS = "Terms for members.\n\n<b>Not bold</b> — the owner's text is shown as written.";

async function signIn(context: BrowserContext, deps: StorefrontDeps, email: string) {
  const page = await context.newPage();
  await page.goto(`${deps.webUrl}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(deps.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${deps.webUrl}/feed`);
  return page;
}

/** The "Active members" tile's note: "VIP 2 · Pro Trader 0". */
function membersNote(page: Page) {
  return page.getByRole("group", { name: "Active members" });
}

export async function storefrontJourney(deps: StorefrontDeps): Promise<void> {
  const { webUrl } = deps;
  const adminContext = await deps.newContext({ width: 1280, height: 900 });
  const admin = await signIn(adminContext, deps, deps.adminEmail);

  // The admin creates a tier...
  await admin.goto(`${webUrl}/admin/tiers`);
  await admin.getByRole("button", { name: "New tier" }).click();
  const form = admin.getByRole("form", { name: "New tier" });
  await form.getByLabel("Key").fill(TIER.key);
  await form.getByLabel("Name").fill(TIER.name);
  await form.getByLabel("Price shown").fill(TIER.price);
  await form.getByLabel("Purchase URL").fill(TIER.purchaseUrl);
  await form.getByLabel("Features (one per line)").fill(TIER.features);
  await form.getByRole("button", { name: "Create tier" }).click();
  await admin.getByTestId("tier-row").filter({ hasText: TIER.name }).waitFor();

  // ...and maps the Sell.app product to it.
  const mapForm = admin.getByRole("form", { name: "Map a Sell.app product" });
  await mapForm.getByLabel("Sell.app product id").fill(PRODUCT);
  await mapForm.getByLabel("Tier").selectOption(TIER.key);
  await mapForm.getByRole("button", { name: "Map product" }).click();
  await admin.getByTestId("product-mapping").filter({ hasText: PRODUCT }).waitFor();
  await deps.shot(admin, "admin-tiers");

  // The owner's footer texts and the customer portal.
  await admin.goto(`${webUrl}/admin/site`);
  const terms = admin.getByRole("form", { name: "Terms of service" });
  await terms.getByLabel("Terms of service").fill(TERMS);
  await terms.getByRole("button", { name: "Save terms of service" }).click();
  await terms.getByRole("status").filter({ hasText: "Saved" }).waitFor();
  const portal = admin.getByRole("form", { name: "Sell.app customer portal URL" });
  await portal.getByLabel("Sell.app customer portal URL").fill(PORTAL);
  await portal.getByRole("button", { name: /^Save/ }).click();
  await portal.getByRole("status").filter({ hasText: "Saved" }).waitFor();

  // The overview before the purchase: the new tier has nobody yet.
  await admin.goto(`${webUrl}/admin/business`);
  await membersNote(admin)
    .filter({ hasText: `${TIER.name} 0` })
    .waitFor();

  // A visitor, signed out: the landing page explains the product and lists the new tier.
  const visitorContext = await deps.newContext({ width: 390, height: 844 });
  const visitor = await visitorContext.newPage();
  // The public pages are rendered on the server and ship no Convex client: a visitor's phone
  // opens no live connection (and downloads none of its code) on the landing or pricing page.
  const visitorSockets: string[] = [];
  visitor.on("websocket", (socket) => visitorSockets.push(socket.url()));
  await visitor.goto(webUrl);
  await visitor.getByRole("heading", { name: "What a signal looks like" }).waitFor();
  await visitor.getByTestId("signal-card").filter({ hasText: "BTC/USDT" }).waitFor();
  await visitor.getByTestId("pricing-tier").filter({ hasText: TIER.name }).waitFor();
  await deps.shot(visitor, "landing");
  await visitor.getByRole("link", { name: "Terms" }).click();
  await visitor.waitForURL(`${webUrl}/terms`);
  await visitor.getByText("<b>Not bold</b>", { exact: false }).waitFor();
  expect(await visitor.getByTestId("legal-page").locator("b").count()).toBe(0);

  await visitor.goto(`${webUrl}/pricing`);
  const card = visitor.getByTestId("pricing-tier").filter({ hasText: TIER.name });
  await card.getByText(TIER.price).waitFor();
  await card.getByText("Discord mirror").waitFor();
  const buy = card.getByRole("link", { name: `Buy ${TIER.name}` });
  expect(await buy.getAttribute("href")).toBe(TIER.purchaseUrl);
  await deps.shot(visitor, "pricing");
  expect(visitorSockets).toEqual([]);
  // The page title and share card come from the metadata API.
  expect(await visitor.title()).toBe("Pricing · G3netic");
  expect(
    await visitor.locator('meta[property="og:image"]').first().getAttribute("content"),
  ).toContain(`${webUrl}/opengraph-image`); // absolute, on this site's origin
  // The sign-in page's description is in <head> (crawlers and Lighthouse read it there): its shell
  // is ready before the metadata, which Next would otherwise stream into <body>.
  await visitor.goto(`${webUrl}/signin`);
  await visitor.getByRole("button", { name: "Sign in" }).waitFor();
  expect(await visitor.locator('head meta[name="description"]').getAttribute("content")).toContain(
    "Sign in to G3netic",
  );

  // "Buys" on Sell.app: the signed webhook for the mapped product, before the account exists.
  await deps.sendWebhook({ email: BUYER, orderId: "7001", productId: PRODUCT });
  // The admin's overview counts the new member live (no reload).
  await membersNote(admin)
    .filter({ hasText: `${TIER.name} 1` })
    .waitFor({ timeout: 15_000 });
  await admin.getByTestId("members-chart").locator("svg.recharts-surface").first().waitFor();
  await admin.getByTestId("revenue-chart").locator("svg.recharts-surface").first().waitFor();
  await deps.shot(admin, "admin-business");

  // Signs up with the same email: the pending payment attaches and the feed is unlocked.
  const feed = await deps.signUp(visitorContext, BUYER);
  await feed.getByRole("search", { name: "Filter signals" }).waitFor({ timeout: 15_000 });
  await deps.shot(feed, "feed-after-purchase");
  // ...and the "access granted" lifecycle email reaches them (the dev mailbox shows what was sent;
  // the page refreshes itself, so the scheduled send may come a moment later).
  const mailbox = await visitorContext.newPage();
  await mailbox.goto(`${webUrl}/dev/mailbox`);
  await mailbox
    .getByTestId("dev-mail")
    .filter({ hasText: BUYER })
    .filter({ hasText: `Your ${TIER.name} access is active` })
    .first()
    .waitFor({ timeout: 15_000 });
  await mailbox.close();

  // The account page shows the payment and the way to manage the subscription.
  await feed.goto(`${webUrl}/account`);
  const payment = feed.getByTestId("payment-row").filter({ hasText: TIER.name });
  await payment.filter({ hasText: "$49.00" }).waitFor();
  await payment.filter({ hasText: "Paid" }).waitFor();
  expect(
    await feed.getByRole("link", { name: "Manage subscription on Sell.app" }).getAttribute("href"),
  ).toBe(PORTAL);
  await deps.shot(feed, "account-billing");

  // A product that sold with no tier shows on the tiers page; mapping it and replaying the event
  // from there gives the buyer access.
  await deps.sendWebhook({ email: "unmapped.buyer@e2e.test", orderId: "7002", productId: "778" });
  await admin.goto(`${webUrl}/admin/tiers`);
  const unmapped = admin.getByTestId("unmapped-product").filter({ hasText: "product 778" });
  await unmapped.filter({ hasText: "unmapped.buyer@e2e.test" }).waitFor({ timeout: 15_000 });
  await unmapped.getByLabel("Tier").selectOption(TIER.key);
  await unmapped.getByRole("button", { name: "Map product" }).click();
  await unmapped.getByRole("button", { name: "Replay 1 event" }).click();
  await unmapped.waitFor({ state: "detached", timeout: 15_000 });
  await admin.goto(`${webUrl}/admin/business`);
  await membersNote(admin)
    .filter({ hasText: `${TIER.name} 2` })
    .waitFor({ timeout: 15_000 });

  await visitorContext.close();
  await adminContext.close();
}
