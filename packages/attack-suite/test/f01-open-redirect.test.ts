// Finding 1: after sign-in, `/signin?next=%2F%09%2Fevil.example%2Fphish` sent the browser to
// evil.example (browsers drop tab, LF and CR from URLs, so "/\t/evil.example" becomes
// "//evil.example"). Expected: whatever `next` holds, sign-in never leaves our origin.
import { launchChromium } from "@g3/dev-stack/chromium";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { freshEmail, signUpVerified } from "../src/actors.js";
import { suiteStack, webUrl } from "../src/context.js";
import { STRONG_PASSWORD } from "../src/world.js";

const stack = suiteStack();
let browser: Browser;
let email = "";

beforeAll(async () => {
  browser = await launchChromium();
  email = freshEmail("f01");
  await signUpVerified(stack, email);
});

afterAll(async () => {
  await browser.close();
});

const HOSTILE_NEXT = [
  "%2F%09%2Fevil.example%2Fphish",
  "%2F%0A%2Fevil.example%2Fphish",
  "%2F%0D%2Fevil.example%2Fphish",
  "%2F%2Fevil.example%2Fphish",
  "%2F%5Cevil.example%2Fphish",
  "https%3A%2F%2Fevil.example%2Fphish",
];

for (const next of HOSTILE_NEXT) {
  test(`signing in with next=${next} stays on our origin`, async () => {
    const origin = webUrl(stack);
    const context = await browser.newContext();
    // Nothing may be fetched from the attacker's host, not even a prefetch.
    const offsite: string[] = [];
    await context.route(
      (url) => url.hostname.endsWith("evil.example"),
      async (route) => {
        offsite.push(route.request().url());
        await route.abort();
      },
    );
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/signin?next=${next}`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(STRONG_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      // Signed in: the form navigates away from /signin (to `next` if it is safe, else home).
      await page.waitForURL(
        (url) => !url.pathname.startsWith("/signin") || url.host !== new URL(origin).host,
        {
          timeout: 30_000,
        },
      );
      // The middleware forwards a signed-in visitor of /signin to `next` too.
      await page.goto(`${origin}/signin?next=${next}`).catch(() => undefined);
      await page.waitForLoadState("load").catch(() => undefined);
      expect(new URL(page.url()).origin, `sign-in with next=${next} left our origin`).toBe(
        new URL(origin).origin,
      );
      expect(offsite, `sign-in with next=${next} sent the browser to the attacker`).toEqual([]);
    } finally {
      await context.close();
    }
  });
}
