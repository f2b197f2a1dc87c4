// The cutover console (issue #18), run by journey.e2e.ts on its stack: an admin uploads a small
// Sell.app order export on /admin/sellapp-runs, reads the dry run's report (changes, refused rows;
// nothing granted yet), imports the same file for real (access granted, pending a sign-up), then
// requests a channel's history import on /admin/imports and watches its progress move live as a
// collector (played here through the collector's own service mutations) commits a page and ends.
import type { BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";

type Access = { tierKey: string; status: string; hasAccess: boolean; pending: boolean };

export type CutoverDeps = {
  webUrl: string;
  adminEmail: string;
  password: string;
  /** A mapped source channel of the stack: the one whose history is imported. */
  sourceChannelId: string;
  /** The Sell.app product the stack maps to the VIP tier. */
  productId: string;
  newContext: (viewport: { width: number; height: number }) => Promise<BrowserContext>;
  signUp: (context: BrowserContext, email: string) => Promise<Page>;
  /** Whether the admin account exists already (an earlier journey of the file signed it up). */
  adminSignedUp: () => Promise<boolean>;
  /** sellappSyncOps.accessOf with the deployment's admin key: the backend's view, not the page's. */
  accessOf: (email: string) => Promise<Access[]>;
  collector: {
    claim: (owner: string) => Promise<{ importId: string; sourceChannelId: string } | null>;
    commitPage: (page: {
      importId: string;
      owner: string;
      oldestMessageId: string;
      newestMessageId: string;
      imported: number;
      skipped: number;
      failed: number;
    }) => Promise<string>;
    finish: (importId: string, owner: string) => Promise<string>;
  };
  shot: (page: Page, name: string) => Promise<void>;
};

const BUYER = "csv.buyer@e2e.test";
const REFUNDED = "csv.refunded@e2e.test";
const COLLECTOR = "e2e-collector";
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** The Discord snowflake of a moment (the import's progress is the share of time covered). */
const snowflakeAt = (ms: number) => String((BigInt(ms) - DISCORD_EPOCH_MS) << 22n);
const timeOf = (snowflake: string) => Number((BigInt(snowflake) >> 22n) + DISCORD_EPOCH_MS);

function orderExport(productId: string): string {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();
  return [
    "Order ID,Status,Customer Email,Product ID,Created At",
    `8001,COMPLETED,${BUYER},${productId},${yesterday}`,
    `8002,REFUNDED,${REFUNDED},${productId},${yesterday}`,
    `8003,COMPLETED,not-an-email,${productId},${yesterday}`,
    "",
  ].join("\n");
}

async function adminPage(context: BrowserContext, deps: CutoverDeps): Promise<Page> {
  if (!(await deps.adminSignedUp())) return deps.signUp(context, deps.adminEmail);
  const page = await context.newPage();
  await page.goto(`${deps.webUrl}/signin`);
  await page.getByLabel("Email").fill(deps.adminEmail);
  await page.getByLabel("Password").fill(deps.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${deps.webUrl}/feed`);
  return page;
}

/** The run item of the list, newest first, that matches `dryRun`. */
function runItem(page: Page, dryRun: boolean): Locator {
  const items = page.getByTestId("sellapp-run").filter({ hasText: "Customer import (CSV)" });
  return dryRun
    ? items.filter({ hasText: "dry run" }).first()
    : items.filter({ hasNotText: "dry run" }).first();
}

export async function cutoverJourney(deps: CutoverDeps): Promise<void> {
  const { webUrl } = deps;
  const context = await deps.newContext({ width: 1280, height: 900 });
  const page = await adminPage(context, deps);

  // Upload the export: the dry run starts from the same upload and reports live.
  await page.goto(`${webUrl}/admin/sellapp-runs`);
  const form = page.getByRole("form", { name: "Import customers from an order export" });
  await form.getByLabel("Order export (CSV)").setInputFiles({
    name: "orders.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(orderExport(deps.productId)),
  });
  await form.getByRole("button", { name: "Upload and dry-run" }).click();
  await form
    .getByTestId("csv-dry-run")
    .filter({ hasText: "Dry run of orders.csv: done — 2 changes, 1 row refused" })
    .waitFor({ timeout: 30_000 });
  const dry = runItem(page, true);
  await expect(dry.getAttribute("data-status")).resolves.toBe("done");
  await expect(dry.getByTestId("run-counts").textContent()).resolves.toContain(
    "2 orders and 0 subscriptions read",
  );
  await dry.getByText("line 4: order 8003: no valid customer email").waitFor();
  await dry.getByText("What it would change").click();
  const wouldChange = dry.getByTestId("run-changes");
  await wouldChange
    .getByRole("row")
    .filter({ hasText: BUYER })
    .filter({ hasText: "active" })
    .waitFor();
  await wouldChange
    .getByRole("row")
    .filter({ hasText: REFUNDED })
    .filter({ hasText: "revoked" })
    .waitFor();
  await deps.shot(page, "admin-csv-dry-run");
  // A dry run rolls everything back: nobody has access yet.
  expect(await deps.accessOf(BUYER)).toEqual([]);

  // The real run of the same upload.
  await form.getByRole("button", { name: "Import this file" }).click();
  await form.getByText("Import started").waitFor();
  const real = runItem(page, false);
  await real.and(page.locator('[data-status="done"]')).waitFor({ timeout: 30_000 });
  await expect(real.getByTestId("run-counts").textContent()).resolves.toContain("2 changes");
  expect(await deps.accessOf(BUYER)).toEqual([
    expect.objectContaining({ tierKey: "vip", status: "active", hasAccess: true, pending: true }),
  ]);
  await deps.shot(page, "admin-csv-imported");

  // A channel's history import, requested in the console, followed live.
  await page.goto(`${webUrl}/admin/imports`);
  await page.getByLabel("Source channel").selectOption(deps.sourceChannelId);
  await page.getByRole("button", { name: "Import its whole history" }).click();
  const item = page.getByTestId("history-import").first();
  await item.and(page.locator('[data-state="queued"]')).waitFor();

  const claimed = await deps.collector.claim(COLLECTOR);
  expect(claimed?.sourceChannelId).toBe(deps.sourceChannelId);
  if (claimed === null) throw new Error("no import to claim");
  // One page back to the middle of the channel's lifetime: half of it covered.
  const created = timeOf(deps.sourceChannelId);
  const now = Date.now();
  const state = await deps.collector.commitPage({
    importId: claimed.importId,
    owner: COLLECTOR,
    oldestMessageId: snowflakeAt(Math.round((created + now) / 2)),
    newestMessageId: snowflakeAt(now),
    imported: 97,
    skipped: 3,
    failed: 0,
  });
  expect(state).toBe("running");
  await item.and(page.locator('[data-state="running"]')).waitFor();
  await item.getByRole("progressbar", { name: "Import progress 50%" }).waitFor();
  await item
    .getByTestId("import-counts")
    .filter({ hasText: "1 pages · 97 imported · 3 already stored or skipped · 0 failed" })
    .waitFor();
  await item.getByText(`run by ${COLLECTOR}`).waitFor();
  await deps.shot(page, "admin-history-import-running");

  await deps.collector.finish(claimed.importId, COLLECTOR);
  await item.and(page.locator('[data-state="done"]')).waitFor();
  await item.getByRole("progressbar", { name: "Import progress 100%" }).waitFor();
  await deps.shot(page, "admin-history-import-done");
  await context.close();
}
