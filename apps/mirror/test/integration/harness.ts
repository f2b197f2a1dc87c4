// Integration harness: the real Discord emulator, the real offline Convex backend running
// ../../convex, the real discord.js mirror (in-process through its composition root, or as a
// child process that can be SIGKILLed) and the real Convex clients.
import { waitFor } from "@g3/dev-stack/poll";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { adminClient, type AdminClient, type Backend } from "@g3/convex-offline";
import { startAppBackend } from "@g3/dev-stack";
import {
  DEMO_IDS,
  DEMO_TOKENS,
  startEmulator,
  type ControlMessage,
  type RunningEmulator,
} from "@g3/discord-emulator";
import { ConvexHttpClient } from "convex/browser";
import { afterEach, beforeEach } from "vitest";
import { api, internal } from "../../../../convex/_generated/api.js";
import type { Id } from "../../../../convex/_generated/dataModel.js";
import { composeMirror, type ComposeOverrides, type MirrorApp } from "../../src/compose.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";

const here = dirname(fileURLToPath(import.meta.url));
export const APP_DIR = resolve(here, "../..");

export const SECRET = "mirror-integration-secret-0123456789";
export const SOURCE_CHANNEL = DEMO_IDS.sourceVipSignals;
export const CUSTOMER_CHANNEL = DEMO_IDS.customerVipSignals;
export const CUSTOMER_GUILD = DEMO_IDS.customerGuild;
export const VIP_ROLE = DEMO_IDS.vipRole;
export const MIRROR_BOT = DEMO_IDS.mirrorApp;
export const REDIRECT_URI = "http://127.0.0.1:3000/api/discord/callback";
const ADMIN_EMAIL = "admin@example.test";
const PASSWORD = "integration password 1";

export type Stack = {
  emulator: RunningEmulator;
  backend: Backend;
  service: ConvexHttpClient;
  admin: AdminClient;
  source: SourceChannel;
  customerMessages: () => Promise<ControlMessage[]>;
  mirrorEnv: (instanceId: string) => Record<string, string>;
  startMirror: (options?: {
    instanceId?: string;
    overrides?: ComposeOverrides;
    env?: Record<string, string>;
  }) => Promise<MirrorApp>;
  signUp: (email: string) => Promise<SignedInUser>;
  adminUser: () => Promise<SignedInUser>;
  close: () => Promise<void>;
};

export type SignedInUser = { userId: Id<"users">; client: ConvexHttpClient; email: string };

/**
 * Discord's per-channel limits (5 creates / 5 s) make a 1,000-message run take many minutes; tests
 * that measure convergence rather than rate limiting raise them (429s are then injected as faults).
 */
export const RELAXED_RATE_LIMITS = {
  enabled: true,
  globalPerSecond: 2_000,
  routes: {
    "POST /channels/:channel_id/messages": { limit: 200, windowMs: 1_000 },
    "PATCH /channels/:channel_id/messages/:message_id": { limit: 200, windowMs: 1_000 },
    "DELETE /channels/:channel_id/messages/:message_id": { limit: 200, windowMs: 1_000 },
    "GET /channels/:channel_id/messages": { limit: 50, windowMs: 1_000 },
  },
};

/**
 * A fresh stack for every test of the file, closed after it (a test never sees another's data):
 * `let stack: Stack; stackPerTest((started) => (stack = started));`.
 */
export function stackPerTest(use: (stack: Stack) => void): void {
  let current: Stack | undefined;
  beforeEach(async () => {
    current = await startStack();
    use(current);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
}

export async function startStack(
  options: { nonceWindowMs?: number; relaxedRateLimits?: boolean } = {},
): Promise<Stack> {
  const emulator = await startEmulator({ port: 0 });
  await emulator.control.updateSettings({
    ...(options.nonceWindowMs === undefined ? {} : { nonceWindowMs: options.nonceWindowMs }),
    ...(options.relaxedRateLimits === true ? { rateLimits: RELAXED_RATE_LIMITS } : {}),
  });
  const backend = await startAppBackend({
    env: {
      CONVEX_SERVICE_SECRET: SECRET,
      ADMIN_EMAILS: ADMIN_EMAIL,
      SITE_URL: "http://127.0.0.1:3000",
      DISCORD_API_URL: emulator.apiUrl,
      DISCORD_CLIENT_ID: DEMO_IDS.mirrorApp,
      DISCORD_CLIENT_SECRET: DEMO_TOKENS.mirrorClientSecret,
      DISCORD_REDIRECT_URI: REDIRECT_URI,
      DISCORD_MIRROR_TOKEN: DEMO_TOKENS.mirror,
      DISCORD_CUSTOMER_GUILD_ID: CUSTOMER_GUILD,
    },
  });
  const admin = adminClient(backend.url, backend.adminKey);
  await admin.mutation(internal.seed.configure, {
    tier: { key: "vip", name: "VIP", graceHours: 24, discordRoleId: VIP_ROLE },
    sellappProductId: "demo-vip",
    mappings: [
      {
        label: "VIP signals",
        sourceGuildId: DEMO_IDS.sourceGuild,
        sourceChannelId: SOURCE_CHANNEL,
        customerGuildId: CUSTOMER_GUILD,
        customerChannelId: CUSTOMER_CHANNEL,
      },
    ],
  });
  const service = new ConvexHttpClient(backend.url);
  const mirrors: MirrorApp[] = [];
  const mirrorEnv = (instanceId: string): Record<string, string> => ({
    DISCORD_API_URL: emulator.apiUrl,
    DISCORD_MIRROR_TOKEN: DEMO_TOKENS.mirror,
    DISCORD_CUSTOMER_GUILD_ID: CUSTOMER_GUILD,
    CONVEX_URL: backend.url,
    CONVEX_SERVICE_SECRET: SECRET,
    MIRROR_INSTANCE_ID: instanceId,
    MIRROR_HEALTH_PORT: "0",
    MIRROR_SUMMARY: "off",
    DISCORD_REST_GLOBAL_RPS: "1000",
    LOG_LEVEL: process.env.MIRROR_TEST_LOG ?? "silent",
  });
  let adminUser: SignedInUser | undefined;
  const stack: Stack = {
    emulator,
    backend,
    service,
    admin,
    source: new SourceChannel(service),
    customerMessages: () => emulator.control.messages(CUSTOMER_CHANNEL),
    mirrorEnv,
    startMirror: async ({ instanceId = "mirror-test", overrides = {}, env = {} } = {}) => {
      const config = loadConfig({ ...mirrorEnv(instanceId), ...env });
      const app = await composeMirror(config, createLogger(config.LOG_LEVEL, instanceId), {
        discord: {
          ws: {
            buildIdentifyThrottler: () =>
              Promise.resolve({ waitForIdentify: () => Promise.resolve() }),
          },
        },
        heartbeatMs: 1_000,
        ...overrides,
      });
      mirrors.push(app);
      return app;
    },
    signUp: (email) => signUp(backend, admin, email),
    adminUser: async () => (adminUser ??= await signUp(backend, admin, ADMIN_EMAIL)),
    close: async () => {
      await Promise.allSettled(mirrors.map((mirror) => mirror.stop()));
      await backend.close();
      await emulator.close();
    },
  };
  return stack;
}

async function signUp(backend: Backend, admin: AdminClient, email: string): Promise<SignedInUser> {
  const anonymous = new ConvexHttpClient(backend.url);
  await anonymous.action(api.auth.signIn, {
    provider: "password",
    params: { flow: "signUp", email, password: PASSWORD },
  });
  const code = await admin.query(internal.devMailbox.latestCodeFor, { to: email });
  if (code === null) throw new Error(`no verification code mailed to ${email}`);
  const verified = await anonymous.action(api.auth.signIn, {
    provider: "password",
    params: { flow: "email-verification", email, code },
  });
  const token = verified.tokens?.token;
  if (token === undefined) throw new Error("sign-in returned no token");
  const client = new ConvexHttpClient(backend.url);
  client.setAuth(token);
  const viewer = await client.query(api.users.viewer, {});
  if (viewer === null) throw new Error("token not accepted");
  return { userId: viewer.id, client, email };
}

let snowflakeCounter = 0n;
/** A fresh, valid snowflake (timestamp now). */
export function snowflake(): string {
  snowflakeCounter = (snowflakeCounter + 1n) % 4096n;
  return String(((BigInt(Date.now()) - 1420070400000n) << 22n) | (1n << 17n) | snowflakeCounter);
}

/** The source side, written the way the collector writes it (ingest.* with the service secret). */
export class SourceChannel {
  constructor(private readonly service: ConvexHttpClient) {}

  async post(
    content: string,
    options: {
      replyTo?: string;
      files?: { name: string; bytes: Buffer; contentType: string }[];
    } = {},
  ): Promise<string> {
    const messageId = snowflake();
    const attachments = [];
    for (const file of options.files ?? []) attachments.push(await this.store(file));
    await this.upsert(messageId, content, options.replyTo, undefined, attachments);
    return messageId;
  }

  /** Uploads a file to Convex storage the way the collector does, returning the attachment input. */
  private async store(file: { name: string; bytes: Buffer; contentType: string }) {
    const uploadUrl = await this.service.mutation(api.ingest.generateUploadUrl, { secret: SECRET });
    const response = await fetch(uploadUrl, {
      method: "POST",
      headers: { "Content-Type": file.contentType },
      body: new Uint8Array(file.bytes),
    });
    const { storageId } = (await response.json()) as { storageId: Id<"_storage"> };
    return {
      status: "stored" as const,
      discordAttachmentId: snowflake(),
      storageId,
      filename: file.name,
      contentType: file.contentType,
      size: file.bytes.length,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
    };
  }

  async edit(messageId: string, content: string, replyTo?: string): Promise<void> {
    await this.upsert(messageId, content, replyTo, Date.now());
  }

  async remove(messageIds: string[]): Promise<void> {
    for (let i = 0; i < messageIds.length; i += 100) {
      await this.service.mutation(api.ingest.deleteMessages, {
        secret: SECRET,
        channelId: SOURCE_CHANNEL,
        messageIds: messageIds.slice(i, i + 100),
      });
    }
  }

  private async upsert(
    messageId: string,
    content: string,
    replyTo?: string,
    editedAt?: number,
    attachments: {
      status: "stored";
      discordAttachmentId: string;
      storageId: Id<"_storage">;
      filename: string;
      contentType: string;
      size: number;
      sha256: string;
    }[] = [],
  ) {
    const now = Date.now();
    await this.service.mutation(api.ingest.upsertMessage, {
      secret: SECRET,
      message: {
        messageId,
        channelId: SOURCE_CHANNEL,
        guildId: DEMO_IDS.sourceGuild,
        authorId: DEMO_IDS.analystUser,
        authorName: "analyst",
        content,
        ...(replyTo === undefined ? {} : { replyToMessageId: replyTo }),
        attachments,
        sourceAt: now - 5,
        ...(editedAt === undefined ? {} : { editedAt }),
        receivedAt: now,
        origin: "gateway",
      },
    });
  }
}

/** The mirror as a child process (`node --import tsx src/index.ts`), so it can be SIGKILLed. */
export class MirrorProcess {
  readonly output: string[] = [];
  private readonly exit: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => this.output.push(chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => this.output.push(chunk));
    this.exit = new Promise((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  }

  static start(env: Record<string, string>): MirrorProcess {
    const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
      cwd: APP_DIR,
      env: {
        PATH: process.env.PATH ?? "",
        ...env,
        LOG_LEVEL: env.LOG_LEVEL === "silent" ? "info" : (env.LOG_LEVEL ?? "info"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return new MirrorProcess(child);
  }

  async waitStarted(timeoutMs = 30_000): Promise<void> {
    await waitFor(
      () => this.output.join("").includes('"event":"mirror.started"'),
      timeoutMs,
      "mirror started",
      () => this.output.join("").slice(-3000),
    );
  }

  stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    this.child.kill(signal);
    return this.exit;
  }
}

/** Polls until a probe is truthy (shared with the other harnesses). */
export { waitFor };

/** Customer messages as the drift checker sees them. */
export function asActual(messages: ControlMessage[]) {
  return messages.map((message) => ({
    id: message.id,
    content: message.content,
    files: message.attachments.map((file) => file.filename),
  }));
}
