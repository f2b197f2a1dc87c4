import { DiscordAPIError, HTTPError, RESTEvents } from "discord.js";
import { type Client, type TextChannel } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS, type RunningEmulator } from "../src/index.js";
import { loginMirror, startTestEmulator } from "./helpers.js";

const SEND_ROUTE = "POST /channels/:channel_id/messages";

describe("rate limits and REST fault injection", () => {
  let emu: RunningEmulator;
  let mirror: Client<true>;
  let channel: TextChannel;

  beforeAll(async () => {
    emu = await startTestEmulator();
    mirror = await loginMirror(emu, { rest: { timeout: 1_000 } });
    channel = mirror.channels.cache.get(DEMO_IDS.customerVipSignals) as TextChannel;
  });
  afterEach(async () => {
    await emu.control.clearFaults();
    await emu.control.updateSettings({ rateLimits: { enabled: false } });
    await emu.control.clearRequests();
  });
  afterAll(async () => {
    await mirror.destroy();
    await emu.close();
  });

  it("sends bucket headers and discord.js throttles a burst with zero 429s", async () => {
    await emu.control.updateSettings({
      rateLimits: {
        enabled: true,
        globalPerSecond: 50,
        routes: { [SEND_ROUTE]: { limit: 3, windowMs: 500 } },
      },
    });
    const raw = await fetch(`${emu.apiUrl}/v10/users/@me`, {
      headers: { authorization: `Bot ${mirror.token}` },
    });
    expect(raw.headers.get("x-ratelimit-limit")).toBe("50");
    expect(raw.headers.get("x-ratelimit-bucket")).toMatch(/^[0-9a-f]{32}$/);
    expect(Number(raw.headers.get("x-ratelimit-reset-after"))).toBeGreaterThan(0);

    let rateLimitedEvents = 0;
    const onLimited = () => (rateLimitedEvents += 1);
    mirror.rest.on(RESTEvents.RateLimited, onLimited);
    const started = Date.now();
    const sent = await Promise.all(Array.from({ length: 7 }, (_, i) => channel.send(`burst ${i}`)));
    const elapsed = Date.now() - started;
    mirror.rest.off(RESTEvents.RateLimited, onLimited);
    expect(new Set(sent.map((m) => m.id)).size).toBe(7);
    const log = (await emu.control.requests()).filter((r) => r.route === SEND_ROUTE);
    expect(log.filter((r) => r.status === 429)).toHaveLength(0);
    expect(log.filter((r) => r.status === 200)).toHaveLength(7);
    expect(elapsed).toBeGreaterThanOrEqual(1_000); // 3 + 3 + 1 across three 500 ms windows
    expect(rateLimitedEvents).toBeGreaterThan(0);
  });

  it("returns Discord's 429 shape when a client ignores the headers", async () => {
    await emu.control.updateSettings({
      rateLimits: {
        enabled: true,
        globalPerSecond: 50,
        routes: { [SEND_ROUTE]: { limit: 1, windowMs: 2_000 } },
      },
    });
    const post = () =>
      fetch(`${emu.apiUrl}/v10/channels/${DEMO_IDS.customerVipSignals}/messages`, {
        method: "POST",
        headers: { authorization: `Bot ${mirror.token}`, "content-type": "application/json" },
        body: JSON.stringify({ content: "raw" }),
      });
    expect((await post()).status).toBe(200);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-ratelimit-scope")).toBe("user");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(1);
    expect(await limited.json()).toMatchObject({
      message: "You are being rate limited.",
      global: false,
    });

    await emu.control.updateSettings({
      rateLimits: { enabled: true, globalPerSecond: 2, routes: {} },
    });
    const get = () =>
      fetch(`${emu.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${mirror.token}` } });
    await get();
    await get();
    const global = await get();
    expect(global.status).toBe(429);
    expect(global.headers.get("x-ratelimit-global")).toBe("true");
    expect(global.headers.get("x-ratelimit-scope")).toBe("global");
    expect(await global.json()).toMatchObject({ global: true });
  });

  it("injected 429s (route and global) are waited out by discord.js and the send succeeds", async () => {
    await emu.control.injectRestFault({
      kind: "ratelimit",
      method: "POST",
      route: "/channels/:id/messages",
      retryAfterMs: 200,
      count: 2,
    });
    const started = Date.now();
    const sent = await channel.send("after 429s");
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    await emu.control.injectRestFault({
      kind: "ratelimit",
      global: true,
      retryAfterMs: 300,
      count: 1,
      botId: DEMO_IDS.mirrorApp,
    });
    await channel.messages.edit(sent.id, "edited after global 429");
    const statuses = (await emu.control.requests()).map((r) => `${r.route} ${r.status}`);
    expect(statuses).toEqual([
      `${SEND_ROUTE} 429`,
      `${SEND_ROUTE} 429`,
      `${SEND_ROUTE} 200`,
      "PATCH /channels/:channel_id/messages/:message_id 429",
      "PATCH /channels/:channel_id/messages/:message_id 200",
    ]);
  });

  it("injected 5xx are retried; more than `retries` surface as HTTPError", async () => {
    await emu.control.injectRestFault({ kind: "status", status: 502, method: "POST", count: 2 });
    const ok = await channel.send("after two 502s");
    expect(ok.content).toBe("after two 502s");
    await emu.control.injectRestFault({ kind: "status", status: 503, method: "POST", count: 4 });
    await expect(channel.send("never")).rejects.toBeInstanceOf(HTTPError);
    await emu.control.injectRestFault({
      kind: "status",
      status: 400,
      count: 1,
      body: { message: "Bad", code: 50035, errors: {} },
    });
    await expect(channel.send("bad")).rejects.toBeInstanceOf(DiscordAPIError);
  });

  it("a timed fault (durationMs) is an outage of that length, then requests succeed", async () => {
    const outage = await emu.control.injectRestFault({
      kind: "status",
      status: 503,
      method: "POST",
      route: "/channels/*/messages",
      durationMs: 400,
    });
    expect(outage.expiresAt).toBeGreaterThan(Date.now());
    const during = await fetch(
      `${emu.apiUrl}/v10/channels/${DEMO_IDS.customerVipSignals}/messages`,
      {
        method: "POST",
        headers: { authorization: `Bot ${mirror.token}`, "content-type": "application/json" },
        body: JSON.stringify({ content: "during the outage" }),
      },
    );
    expect(during.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await emu.control.faults()).rest).toEqual([]);
    const after = await channel.send("after the outage");
    expect(after.content).toBe("after the outage");
  });

  it("delays and hangs: discord.js times out a hung request and retries", async () => {
    await emu.control.injectRestFault({ kind: "delay", delayMs: 200, count: 1 });
    const started = Date.now();
    await channel.send("delayed");
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    await emu.control.injectRestFault({
      kind: "hang",
      method: "POST",
      route: "/channels/*/messages",
      count: 1,
    });
    const sent = await channel.send({ content: "after hang", nonce: "hang-1", enforceNonce: true });
    expect(sent.content).toBe("after hang");
    const log = (await emu.control.requests()).filter((r) => r.route === SEND_ROUTE);
    // The hung request is logged with status 0 when discord.js aborts it.
    expect(log.map((r) => r.status).sort()).toEqual([0, 200, 200]);
  });

  it("validates bodies and sizes with Discord's codes", async () => {
    await expect(channel.send({ content: "x".repeat(2001) })).rejects.toMatchObject({
      code: 50035,
      rawError: { errors: { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } },
    });
    await expect(
      mirror.rest.post(`/channels/${DEMO_IDS.customerVipSignals}/messages`, { body: {} }),
    ).rejects.toMatchObject({ code: 50006 });
    await expect(
      channel.send({ content: "n", nonce: "x".repeat(26), enforceNonce: true }),
    ).rejects.toThrow();
    await emu.control.updateSettings({ maxFileBytes: 1024, maxRequestBytes: 4096 });
    await expect(
      channel.send({ files: [{ attachment: Buffer.alloc(2048), name: "big.bin" }] }),
    ).rejects.toMatchObject({ code: 40005, status: 413 });
    await expect(
      channel.send({
        files: [1, 2, 3, 4, 5].map((i) => ({ attachment: Buffer.alloc(1000), name: `f${i}.bin` })),
      }),
    ).rejects.toMatchObject({ code: 40005, status: 413 });
    await emu.control.updateSettings({
      maxFileBytes: 10 * 1024 * 1024,
      maxRequestBytes: 25 * 1024 * 1024,
    });
    const unauthorized = await fetch(`${emu.apiUrl}/v10/channels/${DEMO_IDS.customerVipSignals}`, {
      headers: { authorization: "Bot nope" },
    });
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toEqual({ message: "401: Unauthorized", code: 0 });
    await expect(mirror.rest.get(`/channels/1196426054860939999`)).rejects.toMatchObject({
      code: 10003,
    });
    await expect(mirror.rest.get(`/guilds/1196426054860939999`)).rejects.toMatchObject({
      code: 10004,
    });
    await expect(mirror.rest.get(`/guilds/${DEMO_IDS.sourceGuild}`)).rejects.toMatchObject({
      code: 50001,
    });
  });
});
