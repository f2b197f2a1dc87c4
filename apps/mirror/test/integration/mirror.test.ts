import { DEMO_IDS } from "@g3/discord-emulator";
import { describe, expect, test } from "vitest";
import { api } from "../../../../convex/_generated/api.js";
import { checkDrift, describeDrift } from "../../src/drift.js";

/** A valid 1×1 PNG. */
const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
import { MirrorApi } from "../../src/mirror-api.js";
import type { ClaimedDelivery } from "../../src/work-types.js";
import {
  asActual,
  CUSTOMER_CHANNEL,
  MIRROR_BOT,
  RELAXED_RATE_LIMITS,
  SECRET,
  stackPerTest,
  startStack,
  waitFor,
  type Stack,
} from "./harness.js";

let stack: Stack;

stackPerTest((started) => (stack = started));

const keyOf = (content: string) => /\[sig-\d+\]/.exec(content)?.[0];

async function converged(expected: { key: string; content: string }[], timeoutMs = 30_000) {
  return waitFor(
    async () => {
      const report = checkDrift(expected, asActual(await stack.customerMessages()), { keyOf });
      return report.ok ? report : undefined;
    },
    timeoutMs,
    "the customer channel to converge",
    async () =>
      `${describeDrift(checkDrift(expected, asActual(await stack.customerMessages()), { keyOf }))}\nqueue: ${JSON.stringify(
        await stack.service.query(api.mirror.work, { secret: SECRET, limit: 20 }),
      )}`,
  );
}

/**
 * A mirror (instance "crashy") whose process dies right after Discord created its first message
 * and before Convex hears of it: the message exists, the delivery still says "sending".
 */
async function startCrashingMirror(env: Record<string, string> = {}) {
  let crashed = false;
  const crashing: { app?: Awaited<ReturnType<Stack["startMirror"]>> } = {};
  class CrashingApi extends MirrorApi {
    override async complete(
      work: ClaimedDelivery,
      result: Parameters<MirrorApi["complete"]>[1],
    ): ReturnType<MirrorApi["complete"]> {
      if (!crashed && result.customerMessageId !== null) {
        crashed = true;
        await crashing.app?.kill();
        throw new Error("crashed before the ack");
      }
      return super.complete(work, result);
    }
  }
  crashing.app = await stack.startMirror({
    instanceId: "crashy",
    env,
    overrides: { api: (client, secret, owner) => new CrashingApi(client, secret, owner) },
  });
  return { happened: () => crashed };
}

async function failedDeliveries() {
  const admin = await stack.adminUser();
  const page = await admin.client.query(api.workQueues.mirrorDeliveries, {
    status: "failed",
    paginationOpts: { numItems: 50, cursor: null },
  });
  return page.page;
}

describe("mirroring", () => {
  test("a signal created, edited and deleted in Convex is mirrored, edited in place and deleted", async () => {
    await stack.startMirror();
    const id = await stack.source.post("[sig-1] BTC/USDT LONG entry 42000 @everyone");
    await converged([{ key: "[sig-1]", content: "[sig-1] BTC/USDT LONG entry 42000 @everyone" }]);
    const [first] = await stack.customerMessages();
    expect(first?.author.id).toBe(MIRROR_BOT);
    expect(first?.mentions).toEqual([]);
    expect(first?.mention_everyone).toBe(false);

    await stack.source.edit(id, "[sig-1] BTC/USDT LONG entry 42100");
    await converged([{ key: "[sig-1]", content: "[sig-1] BTC/USDT LONG entry 42100" }]);
    const [edited] = await stack.customerMessages();
    expect(edited?.id).toBe(first?.id); // edited in place, not re-posted

    await stack.source.remove([id]);
    await converged([]);
  });

  test("attachments are re-uploaded from our storage; files above the upload limit become links", async () => {
    await stack.startMirror({ env: { MIRROR_UPLOAD_LIMIT_BYTES: "1000" } });
    await stack.source.post("[sig-1] chart attached", {
      files: [
        { name: "chart.png", bytes: PNG_1X1, contentType: "image/png" },
        { name: "big.pdf", bytes: Buffer.alloc(5_000, 7), contentType: "application/pdf" },
      ],
    });
    const [message] = await waitFor(async () => {
      const messages = await stack.customerMessages();
      return messages.length === 1 ? messages : undefined;
    });
    expect(message?.attachments.map((file) => [file.filename, file.size])).toEqual([
      ["chart.png", PNG_1X1.length],
    ]);
    expect(message?.content).toMatch(
      /^\[sig-1\] chart attached\n📎 \[big\.pdf\]\(<http:\/\/127\.0\.0\.1:\d+\/api\/storage\/[^>]+>\)$/,
    );
    const link = /<(http[^>]+)>/.exec(message?.content ?? "")?.[1] ?? "";
    const linked = await fetch(link);
    expect(Buffer.from(await linked.arrayBuffer()).equals(Buffer.alloc(5_000, 7))).toBe(true);
  });

  test("a reply points at the mirrored parent", async () => {
    await stack.startMirror();
    const parent = await stack.source.post("[sig-1] ETH/USDT SHORT 3000");
    const child = await stack.source.post("[sig-2] TP1 hit", { replyTo: parent });
    expect(child).toBeDefined();
    await converged([
      { key: "[sig-1]", content: "[sig-1] ETH/USDT SHORT 3000" },
      { key: "[sig-2]", content: "[sig-2] TP1 hit" },
    ]);
    const messages = await stack.customerMessages();
    const mirroredParent = messages.find((m) => m.content.startsWith("[sig-1]"));
    const mirroredChild = messages.find((m) => m.content.startsWith("[sig-2]"));
    expect(mirroredChild?.message_reference?.message_id).toBe(mirroredParent?.id);
  });

  test("a crash between Discord's answer and the ack produces no duplicate", async () => {
    const crash = await startCrashingMirror();
    await stack.source.post("[sig-1] SOL/USDT LONG 150");
    await waitFor(crash.happened, 20_000, "the crash");
    await waitFor(
      async () => (await stack.customerMessages()).length === 1,
      10_000,
      "the orphan post",
    );

    // Restart under the same instance id: its lease is reclaimed at once and the create retried.
    await stack.startMirror({ instanceId: "crashy" });
    await converged([{ key: "[sig-1]", content: "[sig-1] SOL/USDT LONG 150" }]);
    // Still exactly one message after the queue settles.
    await new Promise((r) => setTimeout(r, 500));
    expect(await stack.customerMessages()).toHaveLength(1);
  });

  test("a crash after the post, an edit while down and no nonce dedupe: still no duplicate", async () => {
    // Discord forgets the nonce at once, so only the recorded send (made by the claim itself,
    // no separate call) and the orphan search keep the retry from posting a second message. The
    // edit while down means the orphan shows the first version: the claim hands out what it rendered.
    await stack.close();
    stack = await startStack({ nonceWindowMs: 1 });
    const crash = await startCrashingMirror({ MIRROR_SUMMARY: "on" });
    const id = await stack.source.post("[sig-1] SOL/USDT LONG entry 150 TP 160 SL 140");
    await waitFor(crash.happened, 20_000, "the crash");
    const [orphan] = await waitFor(async () => {
      const messages = await stack.customerMessages();
      return messages.length === 1 ? messages : undefined;
    });
    await stack.source.edit(id, "[sig-1] SOL/USDT LONG entry 150 TP 170 SL 140");

    await stack.startMirror({ instanceId: "crashy", env: { MIRROR_SUMMARY: "on" } });
    await waitFor(
      async () => {
        const messages = await stack.customerMessages();
        return messages.length === 1 && messages[0]?.content.includes("TP 170") === true;
      },
      20_000,
      "the orphan adopted and edited to the new version",
    );
    await new Promise((r) => setTimeout(r, 500));
    const messages = await stack.customerMessages();
    expect(messages).toHaveLength(1);
    expect(messages[0]?.id).toBe(orphan?.id);
    const creates = (await stack.emulator.control.requests(0, 5000)).filter(
      (r) => r.method === "POST" && r.path.endsWith(`/channels/${CUSTOMER_CHANNEL}/messages`),
    );
    expect(creates).toHaveLength(1);
  });

  test("an orphan pushed out of the latest 100 messages, past the nonce window, is still adopted", async () => {
    // The recovery pages the channel's history forward from the send's start instead of reading
    // the latest 100: after a long outage in a busy channel the orphan is still found.
    await stack.close();
    stack = await startStack({ nonceWindowMs: 1 });
    const crash = await startCrashingMirror();
    await stack.source.post("[sig-1] SOL/USDT LONG 150");
    await waitFor(crash.happened, 20_000, "the crash");
    const [orphan] = await waitFor(async () => {
      const messages = await stack.customerMessages();
      return messages.length === 1 ? messages : undefined;
    });
    for (let n = 0; n < 120; n++) {
      await stack.emulator.control.postMessage(CUSTOMER_CHANNEL, {
        authorId: DEMO_IDS.ownerUser,
        content: `chatter ${n}`,
      });
    }

    await stack.startMirror({ instanceId: "crashy" });
    await waitFor(
      async () => {
        const [mapping] = await stack.service.query(api.mirror.driftWindow, {
          secret: SECRET,
          perMapping: 50,
        });
        return mapping?.rows[0]?.synced === true ? mapping : undefined;
      },
      20_000,
      "the create acknowledged",
    );
    const mine = (await stack.customerMessages()).filter((m) => m.author.id === MIRROR_BOT);
    expect(mine.map((m) => m.id)).toEqual([orphan?.id]);
  });

  test("two mirror instances never double-post", async () => {
    await stack.emulator.control.updateSettings({ rateLimits: RELAXED_RATE_LIMITS });
    await stack.startMirror({ instanceId: "mirror-a" });
    await stack.startMirror({ instanceId: "mirror-b" });
    const expected = [];
    for (let i = 1; i <= 40; i++) {
      const content = `[sig-${i}] pair ${i} LONG`;
      await stack.source.post(content);
      expected.push({ key: `[sig-${i}]`, content });
    }
    await converged(expected);
    const requests = await stack.emulator.control.requests(0, 5000);
    const creates = requests.filter(
      (r) => r.method === "POST" && r.path.endsWith(`/channels/${CUSTOMER_CHANNEL}/messages`),
    );
    expect(creates.length).toBeGreaterThanOrEqual(40);
  });

  test("a 429 storm and 5xx errors delay delivery but it converges", async () => {
    await stack.emulator.control.injectRestFault({
      kind: "ratelimit",
      method: "POST",
      route: "/channels/:id/messages",
      retryAfterMs: 300,
      count: 10,
    });
    await stack.emulator.control.injectRestFault({
      kind: "status",
      status: 502,
      route: "/channels/:id/messages/**",
      probability: 0.3,
      count: 15,
    });
    await stack.emulator.control.injectRestFault({
      kind: "status",
      status: 500,
      method: "POST",
      route: "/channels/:id/messages",
      probability: 0.3,
      count: 15,
    });
    await stack.startMirror();
    const expected = new Map<string, string>();
    const ids: string[] = [];
    for (let i = 1; i <= 12; i++) {
      const content = `[sig-${i}] v1`;
      ids.push(await stack.source.post(content));
      expected.set(`[sig-${i}]`, content);
    }
    for (let i = 1; i <= 12; i += 2) {
      const id = ids[i - 1];
      if (id === undefined) continue;
      await stack.source.edit(id, `[sig-${i}] v2`);
      expected.set(`[sig-${i}]`, `[sig-${i}] v2`);
    }
    await converged(
      [...expected].map(([key, content]) => ({ key, content })),
      60_000,
    );
  });

  test("a create that backs off is not overtaken: the channel keeps the source order", async () => {
    // 3 × 500 outlast discord.js's own 2 retries: the first create fails and backs off ~1 s.
    await stack.emulator.control.injectRestFault({
      kind: "status",
      status: 500,
      method: "POST",
      route: "/channels/:id/messages",
      count: 3,
    });
    await stack.startMirror();
    const expected = [];
    for (let i = 1; i <= 5; i++) {
      await stack.source.post(`[sig-${i}] in order`);
      expected.push({ key: `[sig-${i}]`, content: `[sig-${i}] in order` });
    }
    await converged(expected);
    const posted = (await stack.customerMessages())
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
      .map((message) => keyOf(message.content));
    expect(posted).toEqual(expected.map((message) => message.key));
  });

  test("a permanent error (missing permissions) is surfaced as failed, not retried forever", async () => {
    await stack.emulator.control.injectRestFault({
      kind: "status",
      status: 403,
      method: "POST",
      route: "/channels/:id/messages",
      body: { code: 50013, message: "Missing Permissions" },
      count: 1,
    });
    await stack.startMirror();
    await stack.source.post("[sig-1] blocked");
    const failed = await waitFor(async () => {
      const rows = await failedDeliveries();
      return rows.length > 0 ? rows : undefined;
    });
    expect(failed[0]).toMatchObject({ status: "failed", errorKind: "permanent" });
    expect(failed[0]?.lastError).toMatch(/50013/);
    expect(await stack.customerMessages()).toHaveLength(0);
  });

  test("a customer message deleted by a moderator is re-created on the next edit", async () => {
    await stack.startMirror();
    const id = await stack.source.post("[sig-1] v1");
    await converged([{ key: "[sig-1]", content: "[sig-1] v1" }]);
    const [mirrored] = await stack.customerMessages();
    if (mirrored === undefined) throw new Error("not mirrored");
    await stack.emulator.control.deleteMessage(CUSTOMER_CHANNEL, mirrored.id);
    await stack.source.edit(id, "[sig-1] v2");
    await converged([{ key: "[sig-1]", content: "[sig-1] v2" }]);
  });
});
