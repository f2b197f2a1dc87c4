import { createHmac } from "node:crypto";
import { Events, type Client, type TextChannel } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS, startEmulator, type RunningEmulator } from "../src/index.js";
import { loginCollector, once, testWorld } from "./helpers.js";

const SECRET = "test-cdn-secret";
const bytes = Buffer.from("%PDF-1.4 fake signal report");

describe("signed, expiring CDN URLs", () => {
  let emu: RunningEmulator;
  let collector: Client<true>;

  beforeAll(async () => {
    emu = await startEmulator({ world: testWorld(), cdnSecret: SECRET });
    collector = await loginCollector(emu);
  });
  afterAll(async () => {
    await collector.destroy();
    await emu.close();
  });

  it("downloads attachment bytes from the URL discord.js received", async () => {
    const created = once(collector, Events.MessageCreate, (m) => m.content === "report");
    await emu.control.postMessage(DEMO_IDS.sourceVipSignals, {
      authorId: DEMO_IDS.analystUser,
      content: "report",
      attachments: [{ filename: "weekly report.pdf", dataBase64: bytes.toString("base64") }],
    });
    const [message] = await created;
    const attachment = message.attachments.first();
    if (!attachment) throw new Error("no attachment");
    expect(attachment.name).toBe("weekly_report.pdf");
    const url = new URL(attachment.url);
    expect(url.pathname).toBe(
      `/attachments/${DEMO_IDS.sourceVipSignals}/${attachment.id}/weekly_report.pdf`,
    );
    const ex = parseInt(url.searchParams.get("ex") ?? "0", 16);
    const is = parseInt(url.searchParams.get("is") ?? "0", 16);
    expect(ex - is).toBeGreaterThanOrEqual(86_400);
    expect(ex - is).toBeLessThanOrEqual(86_401);

    const res = await fetch(attachment.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
  });

  it("answers 404 for tampered, expired and deleted attachments; GET on the message re-signs", async () => {
    const posted = await emu.control.postMessage(DEMO_IDS.sourceVipSignals, {
      authorId: DEMO_IDS.analystUser,
      content: "chart",
      attachments: [{ filename: "c.txt", dataBase64: Buffer.from("abc").toString("base64") }],
    });
    const attachment = posted.attachments[0];
    if (!attachment) throw new Error("no attachment");
    const url = new URL(attachment.url);

    const tamperedSig = new URL(url);
    tamperedSig.searchParams.set("hm", "0".repeat(64));
    const tamperedExpiry = new URL(url);
    tamperedExpiry.searchParams.set(
      "ex",
      (parseInt(url.searchParams.get("ex") ?? "0", 16) + 1000).toString(16),
    );
    const tamperedPath = new URL(url.toString().replace("/c.txt", "/d.txt"));
    for (const bad of [tamperedSig, tamperedExpiry, tamperedPath]) {
      const res = await fetch(bad);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe("This content is no longer available.");
    }

    // Correctly signed but expired (we know the HMAC key in this test).
    const now = Math.floor(Date.now() / 1000);
    const sign = (ex: number, issued: number) => {
      const exHex = ex.toString(16);
      const isHex = issued.toString(16);
      const hm = createHmac("sha256", SECRET)
        .update(`${url.pathname}\n${exHex}\n${isHex}`)
        .digest("hex");
      return `${emu.url}${url.pathname}?ex=${exHex}&is=${isHex}&hm=${hm}`;
    };
    expect((await fetch(sign(now + 60, now))).status).toBe(200);
    expect((await fetch(sign(now - 1, now - 100))).status).toBe(404);

    // GET on the message yields a freshly signed URL that works.
    const channel = collector.channels.cache.get(DEMO_IDS.sourceVipSignals) as TextChannel;
    await new Promise((r) => setTimeout(r, 1_050));
    const refetched = await channel.messages.fetch({ message: posted.id, force: true });
    const fresh = refetched.attachments.first()?.url ?? "";
    expect(new URL(fresh).searchParams.get("is")).not.toBe(url.searchParams.get("is"));
    expect((await fetch(fresh)).status).toBe(200);

    await emu.control.deleteMessage(DEMO_IDS.sourceVipSignals, posted.id);
    expect((await fetch(fresh)).status).toBe(404);
  });

  it("signs new URLs with the configured TTL", async () => {
    await emu.control.updateSettings({ cdnTtlSeconds: 120 });
    const posted = await emu.control.postMessage(DEMO_IDS.sourceVipSignals, {
      authorId: DEMO_IDS.analystUser,
      content: "short",
      attachments: [{ filename: "s.txt", dataBase64: Buffer.from("short").toString("base64") }],
    });
    const url = new URL(posted.attachments[0]?.url ?? "");
    const ex = parseInt(url.searchParams.get("ex") ?? "0", 16);
    const is = parseInt(url.searchParams.get("is") ?? "0", 16);
    expect(ex - is).toBeGreaterThanOrEqual(120);
    expect(ex - is).toBeLessThanOrEqual(121);
    expect((await fetch(url)).status).toBe(200);
    await emu.control.updateSettings({ cdnTtlSeconds: 86_400 });
  });
});
