import {
  AttachmentBuilder,
  ChannelType,
  type Client,
  Events,
  GatewayIntentBits,
  type Message,
  type TextChannel,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS, DEMO_TOKENS, type RunningEmulator } from "../src/index.js";
import {
  collect,
  loginCollector,
  loginMirror,
  makeClient,
  once,
  startTestEmulator,
  waitUntil,
} from "./helpers.js";

const PNG_1x1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

describe("login and messages with real discord.js clients", () => {
  let emu: RunningEmulator;
  let collector: Client<true>;
  let mirror: Client<true>;

  beforeAll(async () => {
    emu = await startTestEmulator();
    [collector, mirror] = await Promise.all([loginCollector(emu), loginMirror(emu)]);
  });

  afterAll(async () => {
    await Promise.all([collector.destroy(), mirror.destroy()]);
    await emu.close();
  });

  it("logs in: guilds, channels and roles are cached on clientReady", () => {
    expect(collector.user.id).toBe(DEMO_IDS.collectorApp);
    expect(collector.application.id).toBe(DEMO_IDS.collectorApp);
    const source = collector.guilds.cache.get(DEMO_IDS.sourceGuild);
    expect(source?.name).toBe("G3 Signals (source)");
    expect(source?.available).toBe(true);
    const vip = source?.channels.cache.get(DEMO_IDS.sourceVipSignals);
    expect(vip?.type).toBe(ChannelType.GuildText);
    expect(source?.channels.cache.get(DEMO_IDS.sourceAnnouncements)?.type).toBe(
      ChannelType.GuildAnnouncement,
    );
    expect(source?.members.me?.roles.cache.has(DEMO_IDS.collectorRole)).toBe(true);
    expect(collector.guilds.cache.has(DEMO_IDS.customerGuild)).toBe(false);
    const customer = mirror.guilds.cache.get(DEMO_IDS.customerGuild);
    expect(customer?.roles.cache.get(DEMO_IDS.vipRole)?.name).toBe("VIP");
    expect(customer?.members.me?.roles.highest.id).toBe(DEMO_IDS.mirrorRole);
  });

  it("reports session starts in /gateway/bot and closes a flooding connection with 4008", async () => {
    const res = await fetch(`${emu.apiUrl}/v10/gateway/bot`, {
      headers: { authorization: `Bot ${DEMO_TOKENS.collector}` },
    });
    const body = (await res.json()) as { url: string; session_start_limit: { remaining: number } };
    expect(body.url).toBe(emu.gatewayUrl);
    expect(body.session_start_limit.remaining).toBe(999); // one IDENTIFY so far

    const { WebSocket } = await import("ws");
    const ws = new WebSocket(`${emu.gatewayUrl}?v=10&encoding=json`);
    await new Promise((resolve) => ws.once("message", resolve)); // HELLO
    const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
    for (let i = 0; i < 121; i += 1) ws.send(JSON.stringify({ op: 1, d: null }));
    expect(await closed).toBe(4008);
  });

  it("rejects a bad token and disallowed intents like Discord", async () => {
    const bad = makeClient(emu, GatewayIntentBits.Guilds);
    await expect(bad.login("not-a-real-token")).rejects.toThrow();
    await bad.destroy();
    // Mirror's application does not have MessageContent enabled → close 4014.
    const greedy = makeClient(emu, GatewayIntentBits.Guilds | GatewayIntentBits.MessageContent);
    await expect(greedy.login(DEMO_TOKENS.mirror)).rejects.toThrow(/disallowed intents/i);
    await greedy.destroy();
  });

  it("delivers a human's post, edit and delete (control API) to the collector", async () => {
    const created = once(collector, Events.MessageCreate, (m) => m.content.startsWith("ETH/USDT"));
    const posted = await emu.control.postMessage(DEMO_IDS.sourceVipSignals, {
      authorId: DEMO_IDS.analystUser,
      content: "ETH/USDT LONG entry 2200",
      attachments: [{ filename: "chart.png", dataBase64: PNG_1x1.toString("base64") }],
    });
    const [message] = await created;
    expect(message.id).toBe(posted.id);
    expect(message.author.id).toBe(DEMO_IDS.analystUser);
    expect(message.guildId).toBe(DEMO_IDS.sourceGuild);
    const attachment = message.attachments.first();
    expect(attachment?.name).toBe("chart.png");
    expect(attachment?.contentType).toBe("image/png");
    expect(attachment?.width).toBe(1);

    const updated = once(collector, Events.MessageUpdate, (_old, m) => m.id === posted.id);
    await emu.control.editMessage(DEMO_IDS.sourceVipSignals, posted.id, {
      content: "ETH/USDT LONG entry 2250",
    });
    const [oldMessage, newMessage] = await updated;
    expect(oldMessage.content).toBe("ETH/USDT LONG entry 2200");
    expect(newMessage.content).toBe("ETH/USDT LONG entry 2250");
    expect(newMessage.editedTimestamp).not.toBeNull();

    const deleted = once(collector, Events.MessageDelete, (m) => m.id === posted.id);
    await emu.control.deleteMessage(DEMO_IDS.sourceVipSignals, posted.id);
    const [gone] = await deleted;
    expect(gone.channelId).toBe(DEMO_IDS.sourceVipSignals);
  });

  it("fires update/delete for uncached messages through Partials.Message", async () => {
    // A seeded message was never received, so it is not in the cache.
    const seededId = "1196428823101571093";
    const channel = collector.channels.cache.get(DEMO_IDS.sourceVipSignals) as TextChannel;
    expect(channel.messages.cache.has(seededId)).toBe(false);
    const updated = once(collector, Events.MessageUpdate, (_old, m) => m.id === seededId);
    await emu.control.editMessage(DEMO_IDS.sourceVipSignals, seededId, {
      content: "BTC/USDT LONG (updated stop)",
    });
    const [oldMessage, newMessage] = await updated;
    expect(oldMessage.partial).toBe(true);
    expect(newMessage.content).toBe("BTC/USDT LONG (updated stop)");

    channel.messages.cache.delete(seededId);
    const deleted = once(collector, Events.MessageDelete, (m) => m.id === seededId);
    await emu.control.deleteMessage(DEMO_IDS.sourceVipSignals, seededId);
    const [gone] = await deleted;
    expect(gone.partial).toBe(true);
    expect(gone.guildId).toBe(DEMO_IDS.sourceGuild);
  });

  it("delivers replies with message_reference and bulk deletes", async () => {
    const first = await emu.control.postMessage(DEMO_IDS.sourceFreeChat, {
      authorId: DEMO_IDS.analystUser,
      content: "first",
    });
    const reply = once(collector, Events.MessageCreate, (m) => m.content === "reply");
    await emu.control.postMessage(DEMO_IDS.sourceFreeChat, {
      authorId: DEMO_IDS.moderatorUser,
      content: "reply",
      replyTo: first.id,
    });
    const [message] = await reply;
    expect(message.reference?.messageId).toBe(first.id);
    expect(message.mentions.repliedUser?.id).toBe(DEMO_IDS.analystUser);

    const bulk = once(collector, Events.MessageBulkDelete, (messages) => messages.has(first.id));
    await emu.control.bulkDeleteMessages(DEMO_IDS.sourceFreeChat, [first.id, message.id]);
    const [messages] = await bulk;
    expect([...messages.keys()].sort()).toEqual([first.id, message.id].sort());
  });

  it("round-trips a bot's channel.send (JSON and files); the sender gets its own dispatch", async () => {
    const channel = mirror.channels.cache.get(DEMO_IDS.customerVipSignals) as TextChannel;
    const own = once(mirror, Events.MessageCreate, (m) => m.content === "mirrored signal");
    const sent = await channel.send({ content: "mirrored signal" });
    expect(sent.author.id).toBe(DEMO_IDS.mirrorApp);
    const [dispatched] = await own;
    expect(dispatched.id).toBe(sent.id);

    const withFile = await channel.send({
      content: "with chart",
      files: [
        new AttachmentBuilder(PNG_1x1, { name: "chart.png", description: "1x1" }),
        { attachment: Buffer.from("hello"), name: "note.txt" },
      ],
    });
    const files = [...withFile.attachments.values()];
    expect(files.map((a) => a.name)).toEqual(["chart.png", "note.txt"]);
    expect(files.map((a) => a.contentType)).toEqual(["image/png", "text/plain; charset=utf-8"]);
    expect(files[0]?.description).toBe("1x1");
    const stored = await emu.control.messages(DEMO_IDS.customerVipSignals);
    expect(stored.at(-1)?.attachments).toHaveLength(2);
  });

  it("delivers a bot's post to the other bot in the same guild", async () => {
    // Both bots in the source guild for this test: add the mirror bot as a member.
    const joined = once(mirror, Events.GuildCreate, (g) => g.id === DEMO_IDS.sourceGuild);
    await emu.control.addMember(DEMO_IDS.sourceGuild, { userId: DEMO_IDS.mirrorApp });
    await joined;
    const channel = mirror.channels.cache.get(DEMO_IDS.sourceFreeChat) as TextChannel;
    const seen = once(collector, Events.MessageCreate, (m) => m.content === "from mirror");
    const sent = await channel.send("from mirror");
    const [received] = await seen;
    expect(received.id).toBe(sent.id);
    expect(received.author.bot).toBe(true);
    await emu.control.removeMember(DEMO_IDS.sourceGuild, DEMO_IDS.mirrorApp);
    await waitUntil(() => !mirror.guilds.cache.has(DEMO_IDS.sourceGuild), 2_000, "GUILD_DELETE");
  });

  it("returns the same message for a repeated nonce with enforceNonce", async () => {
    const channel = mirror.channels.cache.get(DEMO_IDS.customerVipSignals) as TextChannel;
    const dispatches = collect(mirror, Events.MessageCreate);
    const a = await channel.send({ content: "idempotent", nonce: "job-42", enforceNonce: true });
    const b = await channel.send({ content: "idempotent", nonce: "job-42", enforceNonce: true });
    expect(b.id).toBe(a.id);
    const c = await channel.send({ content: "idempotent", nonce: "job-43", enforceNonce: true });
    expect(c.id).not.toBe(a.id);
    await waitUntil(() => dispatches.items.some(([m]) => m.id === c.id), 2_000, "dispatch of c");
    dispatches.stop();
    expect(dispatches.items.filter(([m]) => m.id === a.id)).toHaveLength(1);
    const stored = await emu.control.messages(DEMO_IDS.customerVipSignals);
    expect(stored.filter((m) => m.content === "idempotent")).toHaveLength(2);
  });

  it("edits and deletes by id without cache; editing a deleted message is 10008", async () => {
    const channel = mirror.channels.cache.get(DEMO_IDS.customerVipSignals) as TextChannel;
    const sent = await channel.send({
      content: "v1",
      files: [
        { attachment: PNG_1x1, name: "a.png" },
        { attachment: PNG_1x1, name: "b.png" },
      ],
    });
    channel.messages.cache.clear();
    const keep = sent.attachments.find((a) => a.name === "b.png");
    const edited = await channel.messages.edit(sent.id, {
      content: "v2",
      attachments: keep ? [keep] : [],
    });
    expect(edited.content).toBe("v2");
    expect(edited.attachments.map((a) => a.name)).toEqual(["b.png"]);
    channel.messages.cache.clear();
    await channel.messages.delete(sent.id);
    await expect(channel.messages.edit(sent.id, { content: "v3" })).rejects.toMatchObject({
      code: 10008,
      status: 404,
    });
  });

  it("pages history with before/after/around (newest first)", async () => {
    const channel = collector.channels.cache.get(DEMO_IDS.sourceAnnouncements);
    if (!channel?.isTextBased()) throw new Error("announcements not cached");
    const ids: string[] = [];
    for (let i = 0; i < 25; i += 1)
      ids.push(
        (
          await emu.control.postMessage(DEMO_IDS.sourceAnnouncements, {
            authorId: DEMO_IDS.analystUser,
            content: `m${i}`,
          })
        ).id,
      );
    const latest = await channel.messages.fetch({ limit: 10, cache: false });
    expect([...latest.keys()]).toEqual(ids.slice(15).reverse());
    const older = await channel.messages.fetch({ limit: 10, before: ids[15], cache: false });
    expect([...older.keys()]).toEqual(ids.slice(5, 15).reverse());
    const after = await channel.messages.fetch({ limit: 3, after: ids[4], cache: false });
    expect([...after.keys()]).toEqual(ids.slice(5, 8).reverse());
    const around = await channel.messages.fetch({ limit: 5, around: ids[10], cache: false });
    expect([...around.keys()]).toEqual(ids.slice(8, 13).reverse());
    const single: Message = await channel.messages.fetch({ message: ids[3] ?? "", cache: false });
    expect(single.content).toBe("m3");
  });
});
