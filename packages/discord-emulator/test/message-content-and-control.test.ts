import { Events, type Client, type TextChannel } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ControlApiError,
  ControlClient,
  DEMO_IDS,
  startEmulator,
  type RunningEmulator,
} from "../src/index.js";
import { loginMirror, once, testWorld } from "./helpers.js";

const CONTROL_TOKEN = "control-token-for-tests-0123456789";

describe("MessageContent semantics, control API auth, HTML view", () => {
  let emu: RunningEmulator;
  let mirror: Client<true>;

  beforeAll(async () => {
    emu = await startEmulator({ world: testWorld(), controlToken: CONTROL_TOKEN });
    mirror = await loginMirror(emu);
  });
  afterAll(async () => {
    await mirror.destroy();
    await emu.close();
  });

  it("empties content/attachments for a bot without the MessageContent intent, except mentions and its own messages", async () => {
    const plain = once(mirror, Events.MessageCreate, (m) => m.author.id === DEMO_IDS.moderatorUser);
    const posted = await emu.control.postMessage(DEMO_IDS.customerWelcome, {
      authorId: DEMO_IDS.moderatorUser,
      content: "secret text",
      attachments: [{ filename: "a.txt", dataBase64: Buffer.from("a").toString("base64") }],
    });
    const [hidden] = await plain;
    expect(hidden.id).toBe(posted.id);
    expect(hidden.content).toBe("");
    expect(hidden.attachments.size).toBe(0);

    const mention = once(mirror, Events.MessageCreate, (m) => m.content.includes("hello"));
    await emu.control.postMessage(DEMO_IDS.customerWelcome, {
      authorId: DEMO_IDS.moderatorUser,
      content: `<@${DEMO_IDS.mirrorApp}> hello`,
    });
    const [visible] = await mention;
    expect(visible.mentions.users.has(DEMO_IDS.mirrorApp)).toBe(true);

    const channel = mirror.channels.cache.get(DEMO_IDS.customerWelcome) as TextChannel;
    const fetched = await channel.messages.fetch({ message: posted.id, force: true });
    expect(fetched.content).toBe("");
    const own = await channel.send("mine");
    expect((await channel.messages.fetch({ message: own.id, force: true })).content).toBe("mine");
  });

  it("protects /_control with the control token (constant-time compared)", async () => {
    const anonymous = new ControlClient(emu.url);
    await expect(anonymous.world()).rejects.toBeInstanceOf(ControlApiError);
    const wrong = new ControlClient(emu.url, "x".repeat(CONTROL_TOKEN.length));
    await expect(wrong.world()).rejects.toMatchObject({ status: 401 });
    const summary = await emu.control.world();
    expect(summary.guilds.map((g) => g.name)).toEqual(["G3 Signals (source)", "G3 Customers"]);
    expect(JSON.stringify(summary)).not.toContain("demo-token");
    expect((await fetch(`${emu.url}/_health`)).status).toBe(200);
  });

  it("rejects invalid control bodies with the zod issues and keeps the world", async () => {
    await expect(
      emu.control.postMessage(DEMO_IDS.customerWelcome, { authorId: "nope", content: "x" }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      emu.control.loadWorld({
        guilds: [{ id: "1196425551544451080", name: "G", ownerId: "1196425551544451081" }],
      }),
    ).rejects.toMatchObject({
      status: 400,
    });
    expect((await emu.control.world()).guilds).toHaveLength(2);
    await expect(
      emu.control.deleteMessage(DEMO_IDS.customerWelcome, "1196425551544451999"),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("renders an escaped, read-only HTML view", async () => {
    await emu.control.postMessage(DEMO_IDS.customerWelcome, {
      authorId: DEMO_IDS.moderatorUser,
      content: "<script>alert(1)</script>",
    });
    const html = await (await fetch(`${emu.url}/?channel=${DEMO_IDS.customerWelcome}`)).text();
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
  });
});
