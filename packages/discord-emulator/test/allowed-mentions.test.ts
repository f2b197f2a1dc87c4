import type { Client, TextChannel } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS, type RunningEmulator } from "../src/index.js";
import { loginMirror, startTestEmulator } from "./helpers.js";

/** Discord pings only what `allowed_mentions` allows; the message's mention fields say who. */

const PINGS = `@everyone @here <@&${DEMO_IDS.vipRole}> <@${DEMO_IDS.customerUser}>`;

describe("allowed_mentions (real discord.js)", () => {
  let emu: RunningEmulator;
  let mirror: Client<true>;
  let channel: TextChannel;

  beforeAll(async () => {
    emu = await startTestEmulator();
    mirror = await loginMirror(emu);
    channel = mirror.channels.cache.get(DEMO_IDS.customerVipSignals) as TextChannel;
  });

  afterAll(async () => {
    await mirror.destroy();
    await emu.close();
  });

  async function pingsOf(messageId: string) {
    const [stored] = (await emu.control.messages(DEMO_IDS.customerVipSignals)).filter(
      (m) => m.id === messageId,
    );
    return {
      everyone: stored?.mention_everyone,
      users: stored?.mentions.map((u) => u.id),
      roles: stored?.mention_roles,
    };
  }

  it("without allowed_mentions every mention in the content pings (Discord's default)", async () => {
    const sent = await channel.send({ content: `default ${PINGS}` });
    expect(await pingsOf(sent.id)).toEqual({
      everyone: true,
      users: [DEMO_IDS.customerUser],
      roles: [DEMO_IDS.vipRole],
    });
  });

  it("parse: [] pings nobody, on create and on edit", async () => {
    const sent = await channel.send({ content: `none ${PINGS}`, allowedMentions: { parse: [] } });
    expect(await pingsOf(sent.id)).toEqual({ everyone: false, users: [], roles: [] });
    await sent.edit({ content: `none, edited ${PINGS}`, allowedMentions: { parse: [] } });
    expect(await pingsOf(sent.id)).toEqual({ everyone: false, users: [], roles: [] });
  });

  it("an edit without allowed_mentions parses the new content with the default", async () => {
    const sent = await channel.send({ content: "quiet", allowedMentions: { parse: [] } });
    await sent.edit({ content: `loud ${PINGS}` });
    expect((await pingsOf(sent.id)).roles).toEqual([DEMO_IDS.vipRole]);
  });

  it("parse types and id lists select what pings", async () => {
    const users = await channel.send({ content: PINGS, allowedMentions: { parse: ["users"] } });
    expect(await pingsOf(users.id)).toEqual({
      everyone: false,
      users: [DEMO_IDS.customerUser],
      roles: [],
    });
    const oneRole = await channel.send({
      content: PINGS,
      allowedMentions: { roles: [DEMO_IDS.vipRole] },
    });
    expect(await pingsOf(oneRole.id)).toEqual({
      everyone: false,
      users: [],
      roles: [DEMO_IDS.vipRole],
    });
    const everyone = await channel.send({
      content: PINGS,
      allowedMentions: { parse: ["everyone"] },
    });
    expect((await pingsOf(everyone.id)).everyone).toBe(true);
  });

  it("a reply pings its author only with replied_user", async () => {
    const first = await channel.send({ content: "first", allowedMentions: { parse: [] } });
    const quiet = await channel.send({
      content: "quiet reply",
      reply: { messageReference: first.id },
      allowedMentions: { parse: [], repliedUser: false },
    });
    expect((await pingsOf(quiet.id)).users).toEqual([]);
    const loud = await channel.send({
      content: "loud reply",
      reply: { messageReference: first.id },
      allowedMentions: { parse: [], repliedUser: true },
    });
    expect((await pingsOf(loud.id)).users).toEqual([DEMO_IDS.mirrorApp]);
  });
});
