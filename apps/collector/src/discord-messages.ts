import { DiscordAPIError, RESTJSONErrorCodes, type Client, type Message } from "discord.js";
import type { Logger } from "./logger.js";
import { toSourceMessage, type SourceMessage } from "./source-message.js";

/** The REST reads the collector needs, over discord.js (which handles REST 429/5xx retries). */
export class DiscordMessages {
  constructor(
    private readonly client: Client,
    private readonly logger: Logger,
  ) {}

  /** One message, fresh from Discord (new signed attachment URLs); null if it no longer exists. */
  async fetchOne(channelId: string, messageId: string): Promise<SourceMessage | null> {
    const channel = await this.textChannel(channelId);
    try {
      const message = await channel.messages.fetch({
        message: messageId,
        force: true,
        cache: false,
      });
      return toSourceMessage(message);
    } catch (error) {
      if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage) {
        return null;
      }
      throw error;
    }
  }

  /** Up to 100 messages newer than `after`, oldest first. */
  async pageAfter(channelId: string, after: string): Promise<Message[]> {
    const channel = await this.textChannel(channelId);
    const page = await channel.messages.fetch({ after, limit: 100, cache: false });
    return sortOldestFirst([...page.values()]);
  }

  /** Up to `limit` (≤ 100) messages older than `before` (or the newest), oldest first. */
  async pageBefore(channelId: string, limit: number, before?: string): Promise<Message[]> {
    const channel = await this.textChannel(channelId);
    const page = await channel.messages.fetch({
      limit: Math.min(100, limit),
      cache: false,
      ...(before === undefined ? {} : { before }),
    });
    return sortOldestFirst([...page.values()]);
  }

  /** Validates a fetched message; logs and drops one that does not fit the adapter. */
  toSource(message: Message): SourceMessage | null {
    try {
      return toSourceMessage(message);
    } catch (error) {
      this.logger.error(
        {
          event: "discord.bad_message",
          channelId: message.channelId,
          messageId: message.id,
          err: String(error),
        },
        "message failed validation; skipped",
      );
      return null;
    }
  }

  private async textChannel(channelId: string) {
    const channel = await this.client.channels.fetch(channelId);
    if (channel === null || !channel.isTextBased() || channel.isDMBased()) {
      throw new Error(`Channel ${channelId} is not a guild text channel the collector can read.`);
    }
    return channel;
  }
}

export function sortOldestFirst(messages: Message[]): Message[] {
  return messages.sort((a, b) => compareIds(a.id, b.id));
}

export function compareIds(a: string, b: string): number {
  const left = BigInt(a);
  const right = BigInt(b);
  return left === right ? 0 : left < right ? -1 : 1;
}

/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from it. */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/**
 * The largest snowflake before `ms`, for `after=` reads that must include every message posted at
 * or after `ms` ("0" before Discord's epoch).
 */
export function snowflakeAt(ms: number): string {
  const offset = BigInt(Math.floor(ms)) - DISCORD_EPOCH_MS;
  return offset <= 0n ? "0" : ((offset << 22n) - 1n).toString();
}

/** When a snowflake was minted (ms since the Unix epoch). */
export function timeOfId(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH_MS);
}
