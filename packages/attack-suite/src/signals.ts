// Signals posted the way the collector posts them: the public ingest functions with the service
// secret, into the demo world's mapped VIP channel (or any channel a test maps).
import { DEMO_IDS } from "@g3/discord-emulator";
import type { SuiteStack } from "./context.js";
import { api, httpClient, type Id } from "./convex.js";
import { SERVICE_SECRET, SIGNAL_MARKER } from "./world.js";

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A Discord snowflake for now: unique within this process, increasing. */
export function snowflake(): string {
  increment = (increment + 1n) % 4096n;
  const worker = BigInt(process.pid % 1024);
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (worker << 12n) | increment).toString();
}

export type StoredAttachment = {
  discordAttachmentId: string;
  storageId: Id<"_storage">;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
};

export type PostOptions = {
  channelId?: string;
  guildId?: string;
  attachments?: StoredAttachment[];
};

/** Posts a signal whose text carries the marker (plus `text`); returns its id. */
export async function postMarkedSignal(
  stack: SuiteStack,
  text: string,
  options: PostOptions = {},
): Promise<Id<"signals">> {
  const now = Date.now();
  const result = await httpClient(stack).mutation(api.ingest.upsertMessage, {
    secret: SERVICE_SECRET,
    message: {
      messageId: snowflake(),
      channelId: options.channelId ?? DEMO_IDS.sourceVipSignals,
      guildId: options.guildId ?? DEMO_IDS.sourceGuild,
      authorId: "100000000000000001",
      authorName: "Analyst",
      content: `BTC/USDT LONG entry 64000 targets 66000 stop 62500 ${SIGNAL_MARKER} ${text}`,
      attachments: (options.attachments ?? []).map((a) => ({ status: "stored" as const, ...a })),
      sourceAt: now,
      receivedAt: now,
      origin: "gateway",
    },
  });
  return result.signalId;
}

/** Uploads bytes through the collector's upload path; returns the attachment input for a post. */
export async function uploadAttachment(
  stack: SuiteStack,
  filename: string,
  contentType: string,
  body: string,
): Promise<StoredAttachment> {
  const uploadUrl = await httpClient(stack).mutation(api.ingest.generateUploadUrl, {
    secret: SERVICE_SECRET,
  });
  const bytes = new TextEncoder().encode(body);
  const response = await fetch(uploadUrl, {
    method: "POST",
    headers: { "Content-Type": contentType },
    body: bytes,
  });
  if (!response.ok) throw new Error(`upload of ${filename} answered ${response.status}`);
  const { storageId } = (await response.json()) as { storageId: Id<"_storage"> };
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return {
    discordAttachmentId: snowflake(),
    storageId,
    filename,
    contentType,
    size: bytes.byteLength,
    sha256: Buffer.from(digest).toString("hex"),
  };
}
