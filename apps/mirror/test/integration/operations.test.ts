import { describe, expect, test } from "vitest";
import { api } from "../../../../convex/_generated/api.js";
import {
  CUSTOMER_CHANNEL,
  MirrorProcess,
  SECRET,
  stackPerTest,
  waitFor,
  type Stack,
} from "./harness.js";

let stack: Stack;

stackPerTest((started) => (stack = started));

describe("operations", () => {
  test("/health reports ready with gateway and Convex connected", async () => {
    const app = await stack.startMirror();
    const response = await fetch(`http://127.0.0.1:${app.healthPort}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      gatewayReady: true,
      convexConnected: true,
    });
    expect((await fetch(`http://127.0.0.1:${app.healthPort}/nope`)).status).toBe(404);
  });

  test("Discord failing at start-up (5xx, then back) is waited out: the mirror starts instead of exiting", async () => {
    // Eight 503s: discord.js tries each call four times, so two whole logins' worth fail.
    await stack.emulator.control.injectRestFault({
      kind: "status",
      status: 503,
      method: "GET",
      route: "/gateway/bot",
      count: 8,
    });
    const mirror = MirrorProcess.start(stack.mirrorEnv("mirror-login-retry"));
    try {
      await mirror.waitStarted(60_000);
      const output = mirror.output.join("");
      expect(output).toContain('"event":"start.retry"');
      expect(output).not.toContain("start_failed");
    } finally {
      await mirror.stop();
    }
  }, 90_000);

  test("stops in seconds when Convex is already gone (e.g. Ctrl-C reached every local service)", async () => {
    const app = await stack.startMirror();
    await stack.backend.close();
    const started = Date.now();
    await app.stop();
    // The leases it could not hand back expire on their own and are reclaimed at the next start.
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  test("SIGTERM finishes in-flight sends, releases leases and exits 0; another replica takes over at once", async () => {
    // Every create takes 400 ms at Discord, so work is in flight when the signal arrives.
    await stack.emulator.control.injectRestFault({
      kind: "delay",
      method: "POST",
      route: "/channels/:id/messages",
      delayMs: 400,
    });
    const replica = MirrorProcess.start(stack.mirrorEnv("replica-term"));
    await replica.waitStarted();
    for (let i = 1; i <= 6; i++) await stack.source.post(`[sig-${i}] graceful`);
    await waitFor(async () => (await stack.customerMessages()).length >= 1, 10_000, "first post");
    expect(await replica.stop("SIGTERM")).toBe(0);

    const queue = await stack.service.query(api.mirror.work, { secret: SECRET });
    expect(queue.filter((item) => item.leaseOwner === "replica-term")).toEqual([]);
    const postedBeforeStop = (await stack.customerMessages()).length;
    expect(postedBeforeStop).toBeLessThan(6);

    await stack.emulator.control.clearFaults();
    await stack.startMirror({ instanceId: "replica-next" });
    // Well within the 60 s lease: the leases were released, not left to expire.
    await waitFor(async () => (await stack.customerMessages()).length === 6, 10_000, "takeover");
    const keys = (await stack.emulator.control.messages(CUSTOMER_CHANNEL))
      .map((m) => m.content)
      .sort();
    expect(new Set(keys).size).toBe(6);
  });

  test("edit cap (30046): the latest content goes out as an update note replying to the post", async () => {
    await stack.startMirror();
    const id = await stack.source.post("[sig-1] v1");
    const [posted] = await waitFor(async () => {
      const messages = await stack.customerMessages();
      return messages.length === 1 ? messages : undefined;
    });
    await stack.emulator.control.injectRestFault({
      kind: "status",
      status: 400,
      method: "PATCH",
      route: `/channels/${CUSTOMER_CHANNEL}/messages/${posted?.id ?? ""}`,
      body: {
        code: 30046,
        message: "Maximum number of edits to messages older than 1 hour reached.",
      },
    });
    await stack.source.edit(id, "[sig-1] v2");
    const note = await waitFor(async () => {
      const messages = await stack.customerMessages();
      return messages.find((m) => m.id !== posted?.id);
    });
    expect(note.content).toBe("✏️ **Updated:**\n[sig-1] v2");
    expect(note.message_reference?.message_id).toBe(posted?.id);
    await stack.source.edit(id, "[sig-1] v3");
    await waitFor(async () => {
      const messages = await stack.customerMessages();
      return (
        messages.length === 2 && messages.some((m) => m.content === "✏️ **Updated:**\n[sig-1] v3")
      );
    });
    await stack.source.remove([id]);
    await waitFor(
      async () => (await stack.customerMessages()).length === 0,
      10_000,
      "post and note deleted",
    );
  });
});
