import { Events, type Client, type TextChannel } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControlApiError, DEMO_IDS, startEmulator, type RunningEmulator } from "../src/index.js";
import { snowflakeTimestampMs } from "../src/snowflake.js";
import { loginCollector, testWorld } from "./helpers.js";

describe("control API: seeding a channel's history in bulk", () => {
  let emu: RunningEmulator;
  let collector: Client<true>;

  beforeAll(async () => {
    emu = await startEmulator({ world: testWorld() });
    collector = await loginCollector(emu);
  });
  afterAll(async () => {
    await collector.destroy();
    await emu.close();
  });

  it("inserts 5,000 messages older than the channel's own, without dispatching them, readable page by page with before=", async () => {
    const channelId = DEMO_IDS.sourceVipSignals;
    const before = await emu.control.messages(channelId);
    const dispatched: string[] = [];
    const onCreate = (message: { id: string }) => dispatched.push(message.id);
    collector.on(Events.MessageCreate, onCreate);

    const count = 5000;
    const seeded = await emu.control.seedHistory(channelId, {
      authorId: DEMO_IDS.analystUser,
      spacingMs: 1000,
      messages: Array.from({ length: count }, (_, i) => ({
        content: `history #${i}`,
        ...(i === 10 ? { replyToIndex: 3 } : {}),
      })),
    });
    expect(seeded.count).toBe(count);
    const oldestBefore = before[0];
    if (oldestBefore !== undefined && seeded.lastId !== null) {
      expect(BigInt(seeded.lastId) < BigInt(oldestBefore.id)).toBe(true);
    }
    const first = seeded.firstId ?? "";
    const last = seeded.lastId ?? "";
    expect(snowflakeTimestampMs(last) - snowflakeTimestampMs(first)).toBe((count - 1) * 1000);

    // Through discord.js, as the collector's import reads it: newest first, 100 at a time.
    const channel = (await collector.channels.fetch(channelId)) as TextChannel;
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (;;) {
      const page = await channel.messages.fetch({
        limit: 100,
        cache: false,
        ...(cursor === undefined ? {} : { before: cursor }),
      });
      if (page.size === 0) break;
      for (const message of page.values()) seen.add(message.id);
      cursor = [...page.keys()].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))[0];
    }
    expect(seen.size).toBe(count + before.length);
    const all = await emu.control.messages(channelId);
    const reply = all.find((m) => m.content === "history #10");
    const parent = all.find((m) => m.content === "history #3");
    expect(reply?.message_reference?.message_id).toBe(parent?.id);
    expect(all[0]?.timestamp).toBe(new Date(snowflakeTimestampMs(first)).toISOString());

    // A live post still dispatches, so the listener was working; the seeded ones never did.
    const live = await emu.control.postMessage(channelId, {
      authorId: DEMO_IDS.analystUser,
      content: "live",
    });
    await expect.poll(() => dispatched.includes(live.id)).toBe(true);
    expect(dispatched).toEqual([live.id]);
    collector.off(Events.MessageCreate, onCreate);
  });

  it("refuses a reply to a later message and an empty batch", async () => {
    const bad = emu.control.seedHistory(DEMO_IDS.sourceVipSignals, {
      authorId: DEMO_IDS.analystUser,
      messages: [{ content: "a", replyToIndex: 0 }],
    });
    await expect(bad).rejects.toBeInstanceOf(ControlApiError);
    await expect(
      emu.control.seedHistory(DEMO_IDS.sourceVipSignals, {
        authorId: DEMO_IDS.analystUser,
        messages: [],
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
