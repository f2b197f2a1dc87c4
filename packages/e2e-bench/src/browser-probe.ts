import { launchChromium } from "@g3/dev-stack/chromium";
import type { Browser, Page } from "playwright-core";
import { TAG_PATTERN } from "./tags.js";
import type { BenchUser } from "./users.js";

// Runs in the page (a string: this package compiles without the DOM lib). Records, per tag, the
// Date.now() of the first DOM mutation that added a signal card carrying it.
const OBSERVER_SCRIPT = `(() => {
  window.__benchSeen = {};
  const pattern = new RegExp(${JSON.stringify(TAG_PATTERN.source)});
  const record = (node) => {
    if (!(node instanceof HTMLElement)) return;
    const cards = node.matches('[data-testid="signal-card"]')
      ? [node]
      : Array.from(node.querySelectorAll('[data-testid="signal-card"]'));
    for (const card of cards) {
      const match = pattern.exec(card.textContent || "");
      if (match && window.__benchSeen[match[1]] === undefined) window.__benchSeen[match[1]] = Date.now();
    }
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) mutation.addedNodes.forEach(record);
  }).observe(document.body, { childList: true, subtree: true });
  return true;
})()`;

/**
 * One real browser on the production web app: signed in through the sign-in page, on /feed, with
 * a MutationObserver that stamps `Date.now()` (same machine clock as the servers) when a signal
 * card carrying a tag is first added to the DOM.
 */
export class BrowserProbe {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly webUrl: string,
  ) {}

  static async open(webUrl: string, user: BenchUser): Promise<BrowserProbe> {
    const browser = await launchChromium("Or run the benchmark with --no-browser.");
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${webUrl}/signin`);
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${webUrl}/feed`, { timeout: 60_000 });
      await page.waitForSelector('[data-testid="signal-card"]', { timeout: 60_000 });
      await page.evaluate(OBSERVER_SCRIPT);
      return new BrowserProbe(browser, page, webUrl);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /** tag → DOM time of the card's first appearance. */
  async sightings(): Promise<Map<string, number>> {
    const seen: unknown = await this.page.evaluate("JSON.stringify(window.__benchSeen)");
    const parsed = JSON.parse(typeof seen === "string" ? seen : "{}") as Record<string, number>;
    return new Map(Object.entries(parsed));
  }

  /**
   * Leaves the dashboard (about:blank) while history is bulk-loaded: an open feed keeps the cards
   * that slide out of its live head (up to 500), so each run starts from a freshly opened one.
   */
  async park(): Promise<void> {
    await this.page.goto("about:blank");
  }

  /** A fresh dashboard for the next run: reload /feed (first page only) and observe again. */
  async reload(): Promise<void> {
    await this.page.goto(`${this.webUrl}/feed`);
    await this.page.waitForSelector('[data-testid="signal-card"]', { timeout: 60_000 });
    await this.page.evaluate(OBSERVER_SCRIPT);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
