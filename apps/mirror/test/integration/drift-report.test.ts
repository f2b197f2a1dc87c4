import { afterEach, beforeEach, expect, test } from "vitest";
import { api } from "../../../../convex/_generated/api.js";
import {
  CUSTOMER_CHANNEL,
  MIRROR_BOT,
  SECRET,
  startStack,
  waitFor,
  type Stack,
} from "./harness.js";

let stack: Stack;

beforeEach(async () => {
  stack = await startStack();
});

afterEach(async () => {
  await stack.close();
});

async function latestReport() {
  const admin = await stack.adminUser();
  const [report] = await admin.client.query(api.health.driftReports, {});
  return report;
}

test("a mirrored message deleted by a moderator shows up as missing in the stored drift report", async () => {
  const app = await stack.startMirror();
  await stack.source.post("[sig-1] BTC/USDT LONG entry 42000");
  await stack.source.post("[sig-2] ETH/USDT SHORT entry 3100");
  const mirrored = await waitFor(
    async () => {
      const messages = await stack.customerMessages();
      return messages.length === 2 && messages.every((m) => m.author.id === MIRROR_BOT)
        ? messages
        : undefined;
    },
    20_000,
    "both signals mirrored",
  );
  await waitFor(
    async () => {
      const window = await stack.service.query(api.mirror.driftWindow, {
        secret: SECRET,
        perMapping: 50,
      });
      return window[0]?.rows.every((row) => row.synced) === true;
    },
    20_000,
    "both deliveries acknowledged",
  );

  const [clean] = await app.drift.checkNow();
  expect(clean).toMatchObject({ windowSignals: 2, windowMessages: 2, missing: 0, orphans: 0 });
  expect(await latestReport()).toMatchObject({ missing: 0, duplicates: 0, stale: 0, orphans: 0 });

  const victim = mirrored.find((message) => message.content.startsWith("[sig-1]"));
  if (victim === undefined) throw new Error("sig-1 not mirrored");
  await stack.emulator.control.deleteMessage(CUSTOMER_CHANNEL, victim.id);
  await app.drift.checkNow();

  const report = await latestReport();
  expect(report).toMatchObject({
    label: "VIP signals",
    customerChannelId: CUSTOMER_CHANNEL,
    windowSignals: 2,
    windowMessages: 1,
    missing: 1,
    duplicates: 0,
    stale: 0,
    orphans: 0,
  });
  const window = await stack.service.query(api.mirror.driftWindow, {
    secret: SECRET,
    perMapping: 50,
  });
  const deletedSignal = window[0]?.rows.find((row) => row.customerMessageId === victim.id);
  expect(report?.examples.missing).toEqual([deletedSignal?.signalId]);
});
