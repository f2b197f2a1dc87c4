// Verified outcomes in the browser (issue #19), run by journey.e2e.ts on its stack: the real
// tracker process follows a signal on the market emulator while the test scripts its price
// through entry, TP1, TP2 and the stop. A paying member watches the card's outcome change at each
// step without a reload, and the performance page, open beside it, counts the closed trade live
// with its R and lists it behind the numbers.
//
// The journey has a tier and a channel of its own, so the statistics it reads hold only its trade
// (the other journeys' signals are tracked too, on other symbols, in another tier).
import type { RunningMarket } from "@g3/market-emulator";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { expectSameDocument, markDocument } from "./same-document";
import { startTrackerProcess } from "./tracker-process";

export type OutcomesDeps = {
  webUrl: string;
  convexUrl: string;
  serviceSecret: string;
  market: RunningMarket;
  /** Creates a tier sold as `productId` whose signals come from `channelId`. */
  configureTier: (
    tier: { key: string; name: string },
    productId: string,
    channelId: string,
  ) => Promise<void>;
  newContext: (viewport: { width: number; height: number }) => Promise<BrowserContext>;
  signUp: (context: BrowserContext, email: string) => Promise<Page>;
  sendWebhook: (options: { email: string; orderId: string; productId: string }) => Promise<void>;
  /** Commits a signal in `channelId` through ingest, as the collector does. */
  postSignal: (channelId: string, messageId: string, content: string) => Promise<void>;
  shot: (page: Page, name: string) => Promise<void>;
};

const MEMBER = "outcomes.trader@e2e.test";
// Unique across the journey file (storefront 7001, push 7101).
const ORDER = "7201";
const PRODUCT = "601";
const TIER = { key: "verified", name: "Verified" };
const CHANNEL = "1000000000000000030";
const SYMBOL = "SOLUSDT";
// Entry 100, stop 98 (risk 2), three targets: a third of the position exits at each.
const SIGNAL = "SOL/USDT LONG\nEntry: 100\nTargets: 104, 108, 112\nSL: 98\nLeverage: 5x";
const STATUS_TIMEOUT = 30_000;

const holdForever = { type: "hold" as const, durationMs: 3_600_000 };

/** The next trade prints at `to`, then the price holds there: one scripted step of the path. */
async function gapTo(market: RunningMarket, to: number) {
  await market.control.script(SYMBOL, [{ type: "gap", to }, holdForever], true);
}

async function waitForStatus(status: Locator, attrs: { status: string; targetsHit?: number }) {
  const selector =
    `[data-status="${attrs.status}"]` +
    (attrs.targetsHit === undefined ? "" : `[data-targets-hit="${attrs.targetsHit}"]`);
  await status.and(status.page().locator(selector)).waitFor({ timeout: STATUS_TIMEOUT });
}

export async function outcomesJourney(deps: OutcomesDeps): Promise<void> {
  const { market } = deps;
  await deps.configureTier(TIER, PRODUCT, CHANNEL);
  // Above the entry and below every level until the path moves it.
  await gapTo(market, 101);
  const tracker = await startTrackerProcess({
    convexUrl: deps.convexUrl,
    serviceSecret: deps.serviceSecret,
    marketUrl: market.url,
    marketWsUrl: market.wsUrl,
  });
  try {
    const context = await deps.newContext({ width: 1280, height: 900 });
    const feed = await deps.signUp(context, MEMBER);
    await deps.sendWebhook({ email: MEMBER, orderId: ORDER, productId: PRODUCT });
    await feed.getByRole("search", { name: "Filter signals" }).waitFor({ timeout: 15_000 });

    // The performance page, open beside the feed, before the trade exists.
    const performance = await context.newPage();
    await performance.goto(`${deps.webUrl}/performance`);
    await performance.getByTestId("stat-trades").filter({ hasText: /^0$/ }).waitFor();
    await markDocument(performance);

    await deps.postSignal(CHANNEL, "1300000000000000401", SIGNAL);
    const card = feed.getByTestId("signal-card").filter({ hasText: "SOL/USDT" });
    await card.waitFor({ timeout: 15_000 });
    const status = card.getByTestId("outcome-status");
    await waitForStatus(status, { status: "waiting_entry" });
    await expect(status.textContent()).resolves.toContain("Waiting for entry");
    await markDocument(feed);
    await deps.shot(feed, "outcome-waiting");

    // Through the entry: filled at its written level, the open P&L marked at the last price.
    await gapTo(market, 99.5);
    await waitForStatus(status, { status: "in_trade", targetsHit: 0 });
    await expect(status.textContent()).resolves.toMatch(
      /In trade · −0\.25 R \(−0\.50 %\) at 99\.5/,
    );

    // TP1: a third out at 104 (+4), two thirds marked at 104.5 (+4.5): (4 + 9) / 3 / 2 = +2.17 R.
    await gapTo(market, 104.5);
    await waitForStatus(status, { status: "in_trade", targetsHit: 1 });
    await expect(status.textContent()).resolves.toMatch(/In trade · TP1 reached · \+2\.17 R/);
    await deps.shot(feed, "outcome-tp1");

    await gapTo(market, 108.5);
    await waitForStatus(status, { status: "in_trade", targetsHit: 2 });
    await expect(status.textContent()).resolves.toContain("TP2 reached");

    // The stop, gapped through: the last third exits at the trade's 97.5 (−2.5), not at 98.
    // (4 + 8 − 2.5) / 3 = +3.1667 per unit on an entry of 100 and a risk of 2: +1.58 R, +3.17 %.
    await gapTo(market, 97.5);
    await waitForStatus(status, { status: "stopped", targetsHit: 2 });
    await expect(status.textContent()).resolves.toContain(
      "Stopped after TP2 reached · +1.58 R (+3.17 %)",
    );
    await expectSameDocument(feed);
    await deps.shot(feed, "outcome-stopped");

    // The statistics counted it live, without a reload; the numbers link to the trade behind them.
    await performance.getByTestId("stat-trades").filter({ hasText: /^1$/ }).waitFor({
      timeout: STATUS_TIMEOUT,
    });
    await expect(performance.getByTestId("stat-wins-losses").textContent()).resolves.toBe("1 / 0");
    await expect(performance.getByTestId("stat-total-r").textContent()).resolves.toBe("+1.58 R");
    await expect(performance.getByTestId("stat-win-rate").textContent()).resolves.toBe("100.0 %");
    await expectSameDocument(performance);
    await performance.getByTestId("stat-trades").getByRole("link").click();
    const behind = performance.getByTestId("trades-behind").getByRole("listitem");
    await behind.first().waitFor();
    expect(await behind.count()).toBe(1);
    await expect(behind.first().textContent()).resolves.toMatch(
      /SOL\/USDT long.*stopped.*\+1\.58 R/,
    );
    await deps.shot(performance, "performance-closed-trade");
    await context.close();
  } finally {
    await tracker.stop();
  }
}
