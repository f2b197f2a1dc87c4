import { expect, test } from "vitest";
import { api } from "../../../../convex/_generated/api.js";
import {
  CUSTOMER_CHANNEL,
  MIRROR_BOT,
  SECRET,
  stackPerTest,
  waitFor,
  type Stack,
} from "./harness.js";

let stack: Stack;

stackPerTest((started) => (stack = started));

async function latestReport() {
  const admin = await stack.adminUser();
  const [report] = await admin.client.query(api.health.driftReports, {});
  return report;
}

test("a mirrored message deleted by a moderator shows up as missing in the stored drift report and is re-created; one edited by someone is edited back", async () => {
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
  const before = await stack.service.query(api.mirror.driftWindow, {
    secret: SECRET,
    perMapping: 50,
  });
  const deletedSignal = before[0]?.rows.find((row) => row.customerMessageId === victim.id);
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
  expect(report?.examples.missing).toEqual([deletedSignal?.signalId]);

  // The check sent it back to the worker: posted again (a new message, same content), and the
  // next check is clean.
  const recreated = await waitFor(
    async () =>
      (await stack.customerMessages()).find(
        (message) => message.content === victim.content && message.id !== victim.id,
      ),
    20_000,
    "the deleted message re-created",
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
    "the repair acknowledged",
  );
  const [after] = await app.drift.checkNow();
  expect(after).toMatchObject({ windowMessages: 2, missing: 0, stale: 0, duplicates: 0 });
  expect((await stack.customerMessages()).map((message) => message.id)).toContain(recreated.id);

  // Someone edits a mirrored message: the check reports it stale and edits it back.
  const other = mirrored.find((message) => message.content.startsWith("[sig-2]"));
  if (other === undefined) throw new Error("sig-2 not mirrored");
  await stack.emulator.control.editMessage(CUSTOMER_CHANNEL, other.id, { content: "[sig-2] rug" });
  const [tampered] = await app.drift.checkNow();
  expect(tampered).toMatchObject({ stale: 1, missing: 0 });
  await waitFor(
    async () =>
      (await stack.customerMessages()).find(
        (message) => message.id === other.id && message.content === other.content,
      ),
    20_000,
    "the edited message restored",
  );
});
