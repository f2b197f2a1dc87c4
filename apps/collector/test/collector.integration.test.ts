import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_IDS } from "@g3/discord-emulator";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import {
  ANALYST,
  CollectorProcess,
  FREE_CHAT,
  PNG_1X1,
  startWorld,
  VIP,
  waitFor,
  type World,
} from "./harness.js";

let world: World;
const running: CollectorProcess[] = [];

beforeAll(async () => {
  world = await startWorld();
}, 60_000);
afterEach(async () => {
  for (const collector of running.splice(0)) await collector.stop("SIGKILL");
});
afterAll(async () => {
  await world.close();
});

function startCollector(env: Record<string, string> = {}): CollectorProcess {
  const collector = CollectorProcess.start(world, env);
  running.push(collector);
  current = collector;
  return collector;
}

const post = (
  content: string,
  extra: { replyTo?: string; attachments?: { filename: string; data: Buffer }[] } = {},
) =>
  world.emulator.control.postMessage(VIP, {
    authorId: ANALYST,
    content,
    ...(extra.replyTo === undefined ? {} : { replyTo: extra.replyTo }),
    attachments: (extra.attachments ?? []).map((file) => ({
      filename: file.filename,
      dataBase64: file.data.toString("base64"),
    })),
  });

/** The collector's health once its write queue is empty. */
const queueDrained = (collector: CollectorProcess) =>
  waitFor(
    async () => {
      const health = await collector.health();
      return health.body.queueDepth === 0 ? health : null;
    },
    10_000,
    "an empty queue",
  );

let current: CollectorProcess | undefined;
const stored = (
  messageId: string,
  predicate: (inspected: NonNullable<Awaited<ReturnType<World["inspect"]>>>) => boolean = () =>
    true,
) =>
  waitFor(
    async () => {
      const inspected = await world.inspect(messageId);
      return inspected !== null && predicate(inspected) ? inspected : null;
    },
    15_000,
    `message ${messageId} in Convex`,
    () => current?.describe() ?? "",
  );

describe("collector against the Discord emulator and the offline Convex backend", () => {
  test("creates, edits, replies and deletes with attachments end up correctly in Convex", async () => {
    const collector = startCollector();
    await collector.waitReady();

    // The demo channel's existing history was backfilled on first start.
    const history = await world.emulator.control.messages(VIP);
    for (const message of history) await stored(message.id);

    const signal = await post(
      "BTC/USDT LONG\nEntry: 42000-42500\nTargets: 43000, 44000\nSL: 41000",
      {
        attachments: [
          { filename: "chart.png", data: PNG_1X1 },
          { filename: "bundle.zip", data: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) },
        ],
      },
    );
    const created = await stored(signal.id);
    expect(created.signal).toMatchObject({
      kind: "signal",
      pair: "BTC/USDT",
      side: "long",
      version: 1,
      tierKey: "vip",
    });
    expect(created.signal.receivedAt).toBeGreaterThanOrEqual(created.signal.sourceAt);
    expect(created.signal.committedAt).toBeGreaterThanOrEqual(created.signal.receivedAt);
    const png = created.attachments.find((a) => a.filename === "chart.png");
    expect(png).toMatchObject({
      status: "stored",
      contentType: "image/png",
      size: PNG_1X1.length,
      width: 1,
      height: 1,
    });
    expect(png?.sha256).toBe(createHash("sha256").update(PNG_1X1).digest("hex"));
    const zip = created.attachments.find((a) => a.filename === "bundle.zip");
    expect(zip).toMatchObject({ status: "rejected" });
    expect(zip?.rejectReason).toBe("type application/zip is not allowed");

    await world.emulator.control.editMessage(VIP, signal.id, {
      content: "BTC/USDT LONG\nEntry: 42000-42500\nTargets: 43000, 44000\nSL: 41500",
    });
    const edited = await stored(signal.id, (i) => i.signal.version === 2);
    expect(edited.signal.parsed.stopLoss).toBe(41500);
    expect(edited.revisions.map((r) => [r.version, r.change])).toEqual([
      [1, "create"],
      [2, "edit"],
    ]);

    // A flag-only update (e.g. crosspost) is not a visible change.
    await world.emulator.control.touchMessage(VIP, signal.id, 2);
    await collector.waitForLog(
      (l) => l.event === "ingest.upsert" && l.messageId === signal.id && l.outcome === "unchanged",
    );

    const reply = await post("BTC TP1 hit ✅ +23.8% (10x)", { replyTo: signal.id });
    const replied = await stored(reply.id);
    expect(replied.signal.parentSignalId).toBe(created.signal._id);
    expect(replied.signal.kind).toBe("target_hit");

    await world.emulator.control.deleteMessage(VIP, signal.id);
    const deleted = await stored(signal.id, (i) => i.signal.deletedAt !== undefined);
    expect(deleted.signal.version).toBe(3);
    expect(deleted.revisions.map((r) => r.change)).toEqual(["create", "edit", "delete"]);

    const health = await queueDrained(collector);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ready: true, gateway: "ready", queueDepth: 0 });
    expect(health.body.watchedChannels).toEqual([
      expect.objectContaining({ channelId: VIP, tierKey: "vip" }),
    ]);
    expect(typeof health.body.lastEventAt).toBe("string");

    // Never a secret or token in the logs.
    const raw = collector.logs.map((l) => JSON.stringify(l)).join("\n");
    expect(raw).not.toContain("collector-integration-secret");
    expect(raw).not.toContain("demo-token");

    expect(await collector.stop("SIGTERM")).toBe(0);
    expect(collector.count((l) => l.event === "shutdown.done")).toBe(1);
  });

  test("re-delivery after a RESUME and duplicate deliveries are idempotent", async () => {
    const collector = startCollector();
    await collector.waitReady();
    const first = await post("ETH/USDT SHORT\nEntry: 2300\nTP: 2200\nSL: 2400");
    await stored(first.id);

    // op 7: the client RESUMEs; events posted meanwhile are replayed, then the collector backfills
    // (re-reading messages it already has).
    await world.emulator.control.gatewayAction({ action: "reconnect" });
    const during = await post("SOL/USDT LONG\nEntry: 96\nTP: 99\nSL: 93");
    await world.emulator.control.editMessage(VIP, first.id, {
      content: "ETH/USDT SHORT\nEntry: 2300\nTP: 2200\nSL: 2380",
    });
    await collector.waitForLog((l) => l.event === "gateway.resumed");
    await collector.waitForLog((l) => l.event === "backfill.done" && l.reason === "resume");

    const a = await stored(first.id, (i) => i.signal.version === 2);
    const b = await stored(during.id);
    expect(a.revisions.map((r) => r.change)).toEqual(["create", "edit"]);
    expect(b.revisions.map((r) => r.change)).toEqual(["create"]);

    // The same create delivered again (flag-only MESSAGE_UPDATE carries the whole message).
    await world.emulator.control.touchMessage(VIP, during.id, 2);
    await world.emulator.control.touchMessage(VIP, during.id, 0);
    await waitFor(
      () =>
        collector.count(
          (l) =>
            l.event === "ingest.upsert" && l.messageId === during.id && l.outcome === "unchanged",
        ) >= 2,
      10_000,
      "two unchanged upserts",
    );
    expect((await world.inspect(during.id))?.revisions).toHaveLength(1);
    expect((await world.inspect(first.id))?.revisions).toHaveLength(2);
  });

  test("the same events delivered twice (two collector sessions at once) are stored once", async () => {
    const a = startCollector({ COLLECTOR_INSTANCE_ID: "twin-a" });
    const b = startCollector({ COLLECTOR_INSTANCE_ID: "twin-b" });
    await Promise.all([a.waitReady(), b.waitReady()]);
    const posted = [];
    for (let n = 0; n < 5; n++)
      posted.push(
        await post(
          `XRP/USDT LONG\nEntry: 0.6${n}\nTP: 0.7${n}\nSL: 0.5${n}`,
          n === 0 ? { attachments: [{ filename: "twin.png", data: PNG_1X1 }] } : {},
        ),
      );
    const edited = posted[1]?.id ?? "";
    await world.emulator.control.editMessage(VIP, edited, {
      content: "XRP/USDT LONG\nEntry: 0.61\nTP: 0.71\nSL: 0.55",
    });
    for (const message of posted) {
      const seen = (c: CollectorProcess) =>
        c.count((l) => l.event === "ingest.upsert" && l.messageId === message.id) >=
        (message.id === edited ? 2 : 1);
      await waitFor(() => seen(a) && seen(b), 15_000, `both collectors wrote ${message.id}`);
    }
    for (const message of posted) {
      const inspected = await stored(message.id);
      expect(inspected.revisions.map((r) => r.change)).toEqual(
        message.id === edited ? ["create", "edit"] : ["create"],
      );
    }
    expect((await stored(posted[0]?.id ?? "")).attachments).toHaveLength(1);
  });

  test("a collector killed mid-stream and restarted backfills with no loss and no duplicate", async () => {
    const first = startCollector();
    await first.waitReady();
    const settled = [await post("note to be edited"), await post("note to be deleted")];
    for (const message of settled) await stored(message.id);
    // Kill it while a burst is still being written: some of these land, some do not.
    const burst = [];
    for (let n = 0; n < 4; n++) burst.push(await post(`note in the burst ${n}`));
    expect(await first.stop("SIGKILL")).toBeNull();
    const before = [...settled, ...burst];

    // While it is down: new messages (one with a file), an edit and a delete of earlier ones.
    const whileDown = [];
    for (let n = 0; n < 5; n++)
      whileDown.push(await post(`AVAX/USDT LONG\nEntry: ${36 + n}\nTP: ${40 + n}\nSL: ${30 + n}`));
    const withFile = await post("chart while down", {
      attachments: [{ filename: "down.png", data: PNG_1X1 }],
    });
    const editedId = settled[0]?.id ?? "";
    const deletedId = settled[1]?.id ?? "";
    await world.emulator.control.editMessage(VIP, editedId, { content: "edited while down" });
    await world.emulator.control.deleteMessage(VIP, deletedId);
    // Discord answers the first history reads with a 429 and a 500: discord.js retries them.
    await world.emulator.control.injectRestFault({
      kind: "ratelimit",
      method: "GET",
      route: "/channels/:id/messages",
      retryAfterMs: 200,
      count: 1,
    });
    await world.emulator.control.injectRestFault({
      kind: "status",
      status: 500,
      method: "GET",
      route: "/channels/:id/messages",
      count: 1,
    });

    const second = startCollector();
    await second.waitReady();
    for (const message of [...before, ...whileDown, withFile]) {
      if (message.id === deletedId) continue;
      const inspected = await stored(message.id);
      expect(inspected.revisions.filter((r) => r.change === "create")).toHaveLength(1);
    }
    expect((await stored(editedId, (i) => i.signal.version === 2)).signal.content).toBe(
      "edited while down",
    );
    expect((await stored(deletedId, (i) => i.signal.deletedAt !== undefined)).signal.version).toBe(
      2,
    );
    expect((await stored(withFile.id)).attachments).toEqual([
      expect.objectContaining({ status: "stored", filename: "down.png" }),
    ]);
    const faults = await world.emulator.control.faults();
    expect(faults.rest.every((fault) => fault.hits > 0)).toBe(true);
    await world.emulator.control.clearFaults();
  });

  test("an edit and a delete made while it is down reach Convex however old the message is", async () => {
    // The demo world's two seeded messages were posted in January 2024: long before the recheck
    // window (14 days) and before any outage. An analyst tidying up old calls while the collector
    // is down must still be seen.
    const oldSignal = "1196428823101571093";
    const oldNote = "1196428571443331092";
    const first = startCollector();
    await first.waitReady();
    await stored(oldSignal);
    await stored(oldNote);
    // It runs a while: a fresh post is stored and the channel is stamped live after it, so the
    // outage that follows begins now, not when the last stored message was posted.
    const fresh = await post("note before the outage");
    await stored(fresh.id);
    await queueDrained(first);
    const stampedAfter = Date.now();
    await waitFor(
      async () => {
        const [cursor] = await world.cursors([VIP]);
        return cursor?.liveAt !== undefined && cursor.liveAt > stampedAfter ? cursor : null;
      },
      10_000,
      "the channel stamped live",
    );
    expect(await first.stop("SIGKILL")).toBeNull();

    await world.emulator.control.editMessage(VIP, oldSignal, {
      content: "BTC/USDT LONG\nEntry: 42,100–42,400\nTP1: 43,200\nTP2: 44,000\nSL: 41,800",
    });
    await world.emulator.control.deleteMessage(VIP, oldNote);

    const second = startCollector();
    await second.waitReady();
    const edited = await stored(oldSignal, (i) => i.signal.content.endsWith("SL: 41,800"));
    expect(edited.revisions.map((r) => r.change)).toEqual(["create", "edit"]);
    const deleted = await stored(oldNote, (i) => i.signal.deletedAt !== undefined);
    expect(deleted.revisions.map((r) => r.change)).toEqual(["create", "delete"]);
  });

  test("Convex connections dropped mid-stream lose and duplicate nothing", async () => {
    const collector = startCollector();
    await collector.waitReady();
    const posted = [];
    for (let n = 0; n < 8; n++) {
      posted.push(await post(`LINK/USDT LONG\nEntry: 15.${n}\nTP: 16.${n}\nSL: 14.${n}`));
      if (n % 3 === 0) world.backend.dropConnections();
    }
    for (const message of posted) {
      const inspected = await stored(message.id);
      expect(inspected.revisions).toHaveLength(1);
    }
  });

  /**
   * A burst posted at once: every message is committed, in posting order (signals are inserted in
   * the order of their ids), with more than one write in flight at a time. An edit and a delete of
   * burst messages, sent while their creates are still in flight, land after them.
   */
  async function burst(size: number, during?: (index: number) => void) {
    const posts = await Promise.all(
      Array.from({ length: size }, async (_, n) => {
        const message = await post(`BNB/USDT LONG ${n}\nEntry: ${500 + n}\nTP: 520\nSL: 480`);
        during?.(n);
        if (n === 10)
          await world.emulator.control.editMessage(VIP, message.id, {
            content: `BNB/USDT LONG ${n}\nEntry: ${500 + n}\nTP: 530\nSL: 480`,
          });
        if (n === 20) await world.emulator.control.deleteMessage(VIP, message.id);
        return message;
      }),
    );
    const ids = posts.map((message) => message.id).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    const edited = posts[10]?.id ?? "";
    const deleted = posts[20]?.id ?? "";
    const inspected = [];
    for (const id of ids) {
      inspected.push(
        await stored(id, (i) =>
          id === edited
            ? i.signal.version === 2
            : id === deleted
              ? i.signal.deletedAt !== undefined
              : true,
        ),
      );
    }
    const creationOrder = inspected.map((i) => i.signal._creationTime);
    expect(creationOrder).toEqual([...creationOrder].sort((a, b) => a - b));
    for (const i of inspected) {
      const changes = i.revisions.map((r) => r.change);
      const id = i.signal.sourceMessageId;
      expect(changes).toEqual(
        id === edited ? ["create", "edit"] : id === deleted ? ["create", "delete"] : ["create"],
      );
    }
    expect(inspected.find((i) => i.signal.sourceMessageId === edited)?.signal.parsed).toMatchObject(
      { targets: [530] },
    );
  }

  test("a burst is committed completely and in posting order, several writes in flight", async () => {
    const collector = startCollector();
    await collector.waitReady();
    await burst(150);
    const health = await queueDrained(collector);
    expect(health.body.writesInFlight).toBe(0);
    expect(health.body.peakWritesInFlight).toBeGreaterThan(1);
    expect(health.body.peakWritesInFlight).toBeLessThanOrEqual(32);
    expect(collector.count((l) => l.event === "ingest.failed")).toBe(0);
  });

  test("a burst whose Convex connection drops mid-way still commits everything in order", async () => {
    const collector = startCollector({ INGEST_WRITE_WINDOW: "8" });
    await collector.waitReady();
    await burst(80, (n) => {
      if (n === 25 || n === 55) world.backend.dropConnections();
    });
    expect((await collector.health()).body.peakWritesInFlight).toBeLessThanOrEqual(8);
    expect(collector.count((l) => l.event === "ingest.failed")).toBe(0);
  });

  test("writes made while Convex is unreachable wait and land once it is back", async () => {
    const collector = startCollector();
    await collector.waitReady();
    const before = await post("before the Convex outage");
    await stored(before.id);
    world.convexLink.cut();
    const during = [];
    for (let n = 0; n < 3; n++)
      during.push(
        await post(
          `during the Convex outage ${n}`,
          n === 0 ? { attachments: [{ filename: "outage.png", data: PNG_1X1 }] } : {},
        ),
      );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await world.inspect(during[0]?.id ?? "")).toBeNull();
    expect((await collector.health()).body).toMatchObject({ convex: "disconnected" });
    expect((await collector.health()).body.queueDepth).toBeGreaterThan(0);
    world.convexLink.heal();
    for (const message of during) {
      const inspected = await stored(message.id);
      expect(inspected.revisions).toHaveLength(1);
    }
    expect((await stored(during[0]?.id ?? "")).attachments).toEqual([
      expect.objectContaining({ status: "stored" }),
    ]);
    expect((await world.inspect(before.id))?.revisions).toHaveLength(1);
    expect((await collector.health()).body).toMatchObject({ ready: true, convex: "connected" });
    // The Convex client's reconnect messages come out as JSON log lines too.
    expect(collector.count((l) => l.event === "convex.client")).toBeGreaterThan(0);
    expect(collector.logs.filter((l) => l.level === undefined)).toEqual([]);
  });

  test("a channel added to the mappings is picked up live; unmapped channels, its own and bot posts are ignored", async () => {
    const collector = startCollector();
    await collector.waitReady();
    const early = await world.emulator.control.postMessage(FREE_CHAT, {
      authorId: ANALYST,
      content: "posted before the mapping existed",
    });
    const byBot = await world.emulator.control.postMessage(VIP, {
      authorId: DEMO_IDS.collectorApp,
      content: "BTC/USDT LONG Entry: 1 SL: 0.5",
    });
    const marker = await post("marker after the bot post");
    await stored(marker.id);
    expect(await world.inspect(byBot.id)).toBeNull(); // same channel, earlier: already skipped
    expect(await world.inspect(early.id)).toBeNull();

    await world.mapChannel(FREE_CHAT, DEMO_IDS.customerWelcome);
    await collector.waitForLog(
      (l) =>
        l.event === "channels.changed" && Array.isArray(l.added) && l.added.includes(FREE_CHAT),
    );
    expect((await stored(early.id)).signal.sourceChannelId).toBe(FREE_CHAT); // backfilled
    const live = await world.emulator.control.postMessage(FREE_CHAT, {
      authorId: ANALYST,
      content: "live in the new channel",
    });
    expect((await stored(live.id)).signal.tierKey).toBe("vip");
    const health = await collector.health();
    expect(
      (health.body.watchedChannels as { channelId: string }[]).map((c) => c.channelId).sort(),
    ).toEqual([VIP, FREE_CHAT].sort());
  });

  test("Discord failing at login (5xx, then back) is waited out, not an exit: messages posted meanwhile arrive", async () => {
    // discord.js tries a 5xx four times at once, then login() throws: before, the collector
    // logged "check the token" and exited 0, which no Restart=on-failure supervisor restarts.
    // Eight 503s: two whole logins fail, the third gets through.
    const outage = await world.emulator.control.injectRestFault({
      kind: "status",
      status: 503,
      method: "GET",
      route: "/gateway/bot",
      count: 8,
    });
    try {
      const collector = startCollector({ LOG_LEVEL: "info" });
      await collector.waitForLog((l) => l.event === "start.retry", 15_000);
      const during = await post(
        "ETH/USDT LONG entry 3400 posted while the collector could not log in",
      );
      await collector.waitReady(30_000);
      await stored(during.id);
      expect(collector.count((l) => l.event === "discord.login_failed")).toBe(0);
    } finally {
      await world.emulator.control.removeFault(outage.id).catch(() => undefined);
    }
  }, 90_000);

  test("a token Discord refuses exits 1 at once, naming the setting", async () => {
    const collector = startCollector({ DISCORD_COLLECTOR_TOKEN: "not-a-token-discord-knows" });
    expect(await collector.exited()).toBe(1);
    expect(collector.logs.find((l) => l.event === "discord.login_failed")?.msg).toContain(
      "DISCORD_COLLECTOR_TOKEN",
    );
    expect(collector.count((l) => l.event === "start.retry")).toBe(0);
  });

  test("exits with a message naming a missing variable", async () => {
    const collector = startCollector({ DISCORD_COLLECTOR_TOKEN: "", CONVEX_URL: "nope" });
    expect(await collector.exited()).toBe(1);
    const stderr = collector.stderr.join("");
    expect(stderr).toContain("DISCORD_COLLECTOR_TOKEN");
    expect(stderr).toContain("CONVEX_URL");
  });

  test("a health port already in use exits 1 and says which setting to change", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const collector = startCollector({ COLLECTOR_HEALTH_PORT: String(port) });
      expect(await collector.exited()).toBe(1);
      expect(collector.logs.find((l) => l.event === "health.listen_failed")?.msg).toContain(
        "COLLECTOR_HEALTH_PORT",
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
