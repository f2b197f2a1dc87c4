// Finding 2: unsigned POSTs to /webhooks/sellapp were stored in full (100 × 250 KiB unsigned grew
// the data by 25 MB), with no rate limit. Expected: forged deliveries cost us a bounded amount of
// storage, a flood is throttled, and Sell.app's signed deliveries still get through afterwards.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { freshEmail } from "../src/actors.js";
import { suiteStack } from "../src/context.js";
import { newOrder, sendSigned } from "../src/webhooks.js";

const stack = suiteStack();
const POSTS = 100;
const BODY_BYTES = 250 * 1024;
/** A tenth of what the attacker sends; the whole suite's other writes meanwhile fit well below. */
const MAX_GROWTH_BYTES = (POSTS * BODY_BYTES) / 10;

function bytesOnDisk(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesOnDisk(join(path, name)), 0);
}

function forgedBody(index: number): string {
  const padding = "A".repeat(BODY_BYTES - 200);
  return JSON.stringify({ event: "order.completed", data: { id: 900_000 + index, padding } });
}

test(`${POSTS} unsigned ${BODY_BYTES / 1024} KiB posts: bounded storage, throttled, real deliveries unaffected`, async () => {
  const before = bytesOnDisk(stack.dataDir);
  const statuses: number[] = [];
  for (let i = 0; i < POSTS; i++) {
    const response = await fetch(`${stack.siteUrl}/webhooks/sellapp`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: forgedBody(i),
    });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  const growth = bytesOnDisk(stack.dataDir) - before;
  const accepted = statuses.filter((status) => status >= 200 && status < 300).length;

  expect(accepted, `${accepted} of ${POSTS} unsigned deliveries were answered 2xx`).toBe(0);
  expect(
    growth,
    `${POSTS} unsigned posts of ${BODY_BYTES} bytes grew the stored data by ${growth} bytes`,
  ).toBeLessThanOrEqual(MAX_GROWTH_BYTES);
  expect(
    statuses.filter((status) => status === 429).length,
    `none of ${POSTS} rapid unsigned posts was rate-limited (statuses: ${[...new Set(statuses)].join(", ")})`,
  ).toBeGreaterThan(0);

  // The payment path must survive the flood: Sell.app's signed delivery is still accepted.
  await sendSigned(stack, "order.completed", newOrder(freshEmail("f02-buyer")));
});
