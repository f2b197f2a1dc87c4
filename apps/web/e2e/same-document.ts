import type { Page } from "playwright-core";
import { expect } from "vitest";

// A live update must arrive in the page that is open: these two prove no reload or navigation
// happened in between (a reload drops the mark).

/** Marks the document; if the page reloads or navigates, the mark is gone. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __noReload: boolean }).__noReload = true;
  });
}

export async function expectSameDocument(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload),
  ).toBe(true);
}
