// Integration harness: the real offline Convex backend running ../../convex, the market
// emulator, and the tracker through its composition root with the real ConvexClient and the
// real market adapter.
import { adminClient, type AdminClient, type Backend } from "@g3/convex-offline";
import { startAppBackend } from "@g3/dev-stack";
import { startMarketEmulator, type RunningMarket } from "@g3/market-emulator";
import { waitFor } from "@g3/dev-stack/poll";
import { ConvexHttpClient } from "convex/browser";
import { api, internal } from "../../../../convex/_generated/api.js";
import type { Doc, Id } from "../../../../convex/_generated/dataModel.js";
import { composeTracker, type TrackerApp } from "../../src/compose.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";

export const SECRET = "tracker-integration-secret-0123456789";
const GUILD = "1196425551544451080";
export const CHANNEL = "1196426054860931082";

export type Stack = {
  market: RunningMarket;
  backend: Backend;
  service: ConvexHttpClient;
  admin: AdminClient;
  startTracker: (env?: Record<string, string>) => Promise<TrackerApp>;
  post: (
    content: string,
    options?: { replyTo?: string; sourceAt?: number; messageId?: string; editedAt?: number },
  ) => Promise<{ messageId: string; signalId: Id<"signals"> }>;
  remove: (messageId: string) => Promise<void>;
  outcome: (signalId: Id<"signals">) => Promise<Doc<"signalOutcomes"> | null>;
  events: (signalId: Id<"signals">) => Promise<Doc<"outcomeEvents">[]>;
  claims: (signalId: Id<"signals">) => Promise<Doc<"outcomeClaims">[]>;
  waitForEvents: (
    signalId: Id<"signals">,
    types: string[],
    timeoutMs?: number,
  ) => Promise<Doc<"outcomeEvents">[]>;
  close: () => Promise<void>;
};

let nextMessage = 1_320_000_000_000_000_000n;

export async function startStack(options: { tickMs?: number } = {}): Promise<Stack> {
  const market = await startMarketEmulator({
    tickMs: options.tickMs ?? 50,
    prehistoryMinutes: 120,
  });
  const backend = await startAppBackend({
    env: { CONVEX_SERVICE_SECRET: SECRET, SITE_URL: "http://127.0.0.1:3000" },
  });
  const admin = adminClient(backend.url, backend.adminKey);
  await admin.mutation(internal.seed.configure, {
    tier: { key: "vip", name: "VIP", graceHours: 24 },
    sellappProductId: "demo-vip",
    mappings: [
      {
        label: "VIP signals",
        sourceGuildId: GUILD,
        sourceChannelId: CHANNEL,
        customerGuildId: "1196427313152131087",
        customerChannelId: "1196427564810371088",
      },
    ],
  });
  const service = new ConvexHttpClient(backend.url);
  const apps: TrackerApp[] = [];
  const detail = (signalId: Id<"signals">) => admin.query(internal.outcomes.detail, { signalId });
  const events = async (signalId: Id<"signals">) => (await detail(signalId)).events;
  return {
    market,
    backend,
    service,
    admin,
    startTracker: async (env = {}) => {
      const config = loadConfig({
        CONVEX_URL: backend.url,
        CONVEX_SERVICE_SECRET: SECRET,
        MARKET_WS_URL: market.wsUrl,
        MARKET_REST_URL: market.url,
        TRACKER_INSTANCE_ID: "tracker-test",
        TRACKER_HEALTH_PORT: "0",
        TRACKER_LEASE_MS: "10000",
        LOG_LEVEL: process.env.TRACKER_TEST_LOG ?? "silent",
        ...env,
      });
      const app = await composeTracker(
        config,
        createLogger(config.LOG_LEVEL, config.TRACKER_INSTANCE_ID),
      );
      apps.push(app);
      return app;
    },
    post: async (content, { replyTo, sourceAt = Date.now(), messageId: edit, editedAt } = {}) => {
      nextMessage += 1000n;
      const messageId = edit ?? nextMessage.toString();
      const result = await service.mutation(api.ingest.upsertMessage, {
        secret: SECRET,
        message: {
          messageId,
          channelId: CHANNEL,
          guildId: GUILD,
          authorId: "1196423789936771073",
          authorName: "Analyst",
          content,
          attachments: [],
          sourceAt,
          receivedAt: sourceAt + 5,
          origin: "gateway",
          ...(replyTo === undefined ? {} : { replyToMessageId: replyTo }),
          ...(editedAt === undefined ? {} : { editedAt }),
        },
      });
      if (result.signalId === undefined) throw new Error("signal not stored");
      return { messageId, signalId: result.signalId };
    },
    remove: async (messageId) => {
      await service.mutation(api.ingest.deleteMessages, {
        secret: SECRET,
        channelId: CHANNEL,
        messageIds: [messageId],
      });
    },
    outcome: async (signalId) => (await detail(signalId)).outcome,
    events,
    claims: async (signalId) => (await detail(signalId)).claims,
    waitForEvents: (signalId, types, timeoutMs = 60_000) =>
      waitFor(
        async () => {
          const rows = await events(signalId);
          const seen = rows.map((e) => e.type + (e.index === undefined ? "" : String(e.index)));
          return types.every((t) => seen.includes(t)) ? rows : false;
        },
        timeoutMs,
        `outcome events ${types.join(", ")}`,
        async () => JSON.stringify(await events(signalId)),
      ),
    close: async () => {
      for (const app of apps) await app.kill();
      await backend.close();
      await market.close();
    },
  };
}
