import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_TOKENS } from "@g3/discord-emulator";
import { ConvexClient } from "convex/browser";
import type { Client } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AttachmentStore } from "../src/attachment-store.js";
import { ChannelPipeline } from "../src/channel-pipeline.js";
import { createDiscordClient } from "../src/discord-client.js";
import { DiscordMessages } from "../src/discord-messages.js";
import { IngestApi } from "../src/ingest-api.js";
import { Ingestor } from "../src/ingestor.js";
import { createLogger } from "../src/logger.js";
import type { SourceMessage } from "../src/source-message.js";
import { WatchedChannels } from "../src/watched-channels.js";
import {
  ANALYST,
  FREE_CHAT,
  PNG_1X1,
  SECRET,
  startWorld,
  VIP,
  type LogLine,
  type World,
} from "./harness.js";

// The CDN download path with real HTTP: a scripted CDN for 429/5xx, the emulator's signed,
// expiring URLs for the refresh path, and the offline Convex backend for uploads.

type Scripted = { status: number; headers?: Record<string, string>; body?: Buffer };

let world: World;
let convex: ConvexClient;
let discord: Client;
let cdn: Server;
let cdnUrl: string;
const scripts = new Map<string, Scripted[]>();
const hits = new Map<string, number>();

beforeAll(async () => {
  world = await startWorld();
  convex = new ConvexClient(world.backend.url, { unsavedChangesWarning: false });
  discord = createDiscordClient({ apiUrl: world.emulator.apiUrl });
  await discord.login(DEMO_TOKENS.collector);
  cdn = createServer((request, response) => {
    const name = request.url?.split("?")[0] ?? "";
    hits.set(name, (hits.get(name) ?? 0) + 1);
    const next = scripts.get(name)?.shift() ?? { status: 404 };
    response.writeHead(next.status, next.headers);
    response.end(next.body);
  });
  await new Promise<void>((resolve) => cdn.listen(0, "127.0.0.1", resolve));
  cdnUrl = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await discord.destroy();
  await convex.close();
  await new Promise<void>((resolve) => cdn.close(() => resolve()));
  await world.close();
});

function storeWith(lines: LogLine[], maxBytes = 1024 * 1024) {
  const logger = createLogger("debug", {
    write: (line: string) => void lines.push(JSON.parse(line) as LogLine),
  });
  const api = new IngestApi(convex, SECRET, logger);
  const store = new AttachmentStore(
    api,
    { allowedTypes: new Set(["image/png"]), maxBytes, downloadTimeoutMs: 5_000 },
    logger,
    { attempts: 4, baseDelayMs: 10, maxDelayMs: 50 },
  );
  return { api, store };
}

let seq = 0;
function sourceMessage(url: string, size = PNG_1X1.length): SourceMessage {
  seq++;
  return {
    id: `14000000000000${String(seq).padStart(5, "0")}`,
    channelId: VIP,
    guildId: "1196425551544451080",
    type: 0,
    author: { id: ANALYST, name: "Analyst", bot: false },
    content: "chart",
    createdAt: Date.now(),
    attachments: [
      {
        id: `15000000000000${String(seq).padStart(5, "0")}`,
        filename: "chart.png",
        url,
        size,
        contentType: "image/png",
        width: 1,
        height: 1,
      },
    ],
  };
}

const noRefetch = () => Promise.resolve(null);
const png = (): Scripted => ({
  status: 200,
  headers: { "content-type": "image/png" },
  body: PNG_1X1,
});

describe("AttachmentStore", () => {
  test("retries 429 (honouring Retry-After) and 5xx, then stores the bytes in Convex storage", async () => {
    const lines: LogLine[] = [];
    const { api, store } = storeWith(lines);
    scripts.set("/flaky.png", [
      { status: 429, headers: { "retry-after": "0.05" } },
      { status: 503 },
      png(),
    ]);
    const message = sourceMessage(`${cdnUrl}/flaky.png`);
    const {
      inputs: [input],
      uploaded,
    } = await store.resolve(message, noRefetch);
    expect(input).toMatchObject({
      status: "stored",
      size: PNG_1X1.length,
      sha256: createHash("sha256").update(PNG_1X1).digest("hex"),
    });
    expect(hits.get("/flaky.png")).toBe(3);
    expect(uploaded).toEqual([input?.status === "stored" ? input.storageId : "none"]);
    expect(lines.filter((l) => l.event === "attachment.retry").map((l) => l.problem)).toEqual([
      "CDN answered 429",
      "CDN answered 503",
    ]);
    // The stored file is what Convex serves back.
    if (input?.status !== "stored") throw new Error("not stored");
    const result = await api.upsertMessage({
      messageId: message.id,
      channelId: message.channelId,
      guildId: message.guildId,
      authorId: ANALYST,
      authorName: "Analyst",
      content: message.content,
      attachments: [input],
      sourceAt: message.createdAt,
      receivedAt: Date.now(),
      origin: "gateway",
    });
    expect(result.outcome).toBe("created");
    expect((await world.inspect(message.id))?.attachments[0]).toMatchObject({
      status: "stored",
      storageId: input.storageId,
    });
    // Already stored: a replay does not download (nor upload) again.
    expect((await store.resolve(message, noRefetch)).uploaded).toEqual([]);
    expect(hits.get("/flaky.png")).toBe(3);
  });

  test("a download that keeps failing is recorded as rejected with the reason", async () => {
    const { store } = storeWith([]);
    scripts.set("/down.png", [{ status: 502 }, { status: 502 }, { status: 502 }, { status: 502 }]);
    const {
      inputs: [input],
    } = await store.resolve(sourceMessage(`${cdnUrl}/down.png`), noRefetch);
    expect(input).toMatchObject({
      status: "rejected",
      reason: "download failed: CDN answered 502",
    });
    expect(hits.get("/down.png")).toBe(4);
  });

  test("a file larger than the cap is rejected, by Discord's size or by the bytes served", async () => {
    const { store } = storeWith([], 10);
    const {
      inputs: [declared],
    } = await store.resolve(sourceMessage(`${cdnUrl}/never.png`, 11), noRefetch);
    expect(declared).toMatchObject({
      status: "rejected",
      reason: "too large: 11 bytes exceeds the 10-byte cap",
    });
    expect(hits.get("/never.png")).toBeUndefined();
    scripts.set("/liar.png", [png()]);
    const {
      inputs: [served],
    } = await store.resolve(sourceMessage(`${cdnUrl}/liar.png`, 5), noRefetch);
    expect(served).toMatchObject({ status: "rejected" });
    expect(served?.status === "rejected" && served.reason).toMatch(
      /too large: \d+ bytes exceeds the 10-byte cap/,
    );
  });

  test("an expired signed URL (404) is refreshed by fetching the message again from Discord", async () => {
    const lines: LogLine[] = [];
    const { store } = storeWith(lines);
    await world.emulator.control.updateSettings({ cdnTtlSeconds: 1 });
    try {
      const posted = await world.emulator.control.postMessage(VIP, {
        authorId: ANALYST,
        content: "chart with a short-lived link",
        attachments: [{ filename: "chart.png", dataBase64: PNG_1X1.toString("base64") }],
      });
      const staleUrl = posted.attachments[0]?.url ?? "";
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect((await fetch(staleUrl)).status).toBe(404);

      const messages = new DiscordMessages(discord, createLogger("silent"));
      await world.emulator.control.updateSettings({ cdnTtlSeconds: 3600 });
      const message: SourceMessage = {
        ...sourceMessage(staleUrl),
        id: posted.id,
        attachments: [
          {
            id: posted.attachments[0]?.id ?? "",
            filename: "chart.png",
            url: staleUrl,
            size: PNG_1X1.length,
            contentType: "image/png",
          },
        ],
      };
      const {
        inputs: [input],
      } = await store.resolve(message, () => messages.fetchOne(VIP, posted.id));
      expect(input).toMatchObject({
        status: "stored",
        sha256: createHash("sha256").update(PNG_1X1).digest("hex"),
      });
      expect(lines.some((l) => l.event === "attachment.url_refreshed" && l.status === 404)).toBe(
        true,
      );
    } finally {
      await world.emulator.control.updateSettings({ cdnTtlSeconds: 86_400 });
    }
  });

  test("a write refused for good discards the files uploaded for it", async () => {
    const lines: LogLine[] = [];
    const { api, store } = storeWith(lines);
    const logger = createLogger("debug", {
      write: (line: string) => void lines.push(JSON.parse(line) as LogLine),
    });
    const watched = new WatchedChannels();
    // The collector still believes FREE_CHAT is mapped; Convex refuses it (UNMAPPED_CHANNEL).
    watched.replace([
      { channelId: FREE_CHAT, guildId: "1196425551544451080", tierKey: "vip", label: "stale" },
    ]);
    const ingestor = new Ingestor({
      api,
      attachments: store,
      watched,
      queue: new ChannelPipeline(),
      logger,
      allowedBotIds: new Set(),
      selfId: () => undefined,
      fetchMessage: noRefetch,
      onWriteFailed: () => undefined,
    });
    scripts.set("/orphan.png", [png()]);
    const message = { ...sourceMessage(`${cdnUrl}/orphan.png`), channelId: FREE_CHAT };
    await expect(ingestor.ingestNow(message, "gateway", Date.now())).rejects.toThrow(
      /no enabled channel mapping/,
    );
    expect(lines.find((l) => l.event === "attachment.discarded")).toMatchObject({ deleted: 1 });
  });
});
