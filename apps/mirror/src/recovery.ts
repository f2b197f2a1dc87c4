import type { Client, GuildTextBasedChannel, Message } from "discord.js";
import type { MirrorApi } from "./mirror-api.js";
import { contentHash } from "./render.js";

/** How many recent messages the crash recovery inspects (one history request). */
export const RECOVERY_HISTORY_LIMIT = 100;
/** Clock skew allowance between Convex (sendStartedAt) and Discord (message timestamps). */
const SKEW_MS = 10_000;

/**
 * Crash recovery for a create whose answer was never recorded (`sendStartedAt` set, no message
 * id): the bot may or may not have posted. Discord's history does not return nonces, and
 * `enforce_nonce` only deduplicates for a few minutes, so the nonce alone cannot settle it after a
 * long outage. We look for the orphan instead: a message by this bot in the channel's latest
 * 100 messages, posted no earlier than the send started, whose content hash is the one of what
 * that send rendered (the executor renders the version the claim recorded with the send, so an
 * edit made during the outage does not hide it), and not already recorded for another delivery. Found → adopt it (then edit it to the current
 * version). Not found → post with the same nonce (inside the dedupe window Discord still returns
 * the orphan if it exists but was not visible yet).
 *
 * Honest limits: an orphan pushed out of the last 100 messages before recovery runs (a busy
 * channel and a long outage) is not found; past Discord's nonce window the re-post is then a
 * duplicate, which the drift checker reports.
 */
export async function findOrphan(args: {
  client: Client;
  api: MirrorApi;
  channel: GuildTextBasedChannel;
  sendStartedAt: number;
  sendingHash: string;
}): Promise<Message | undefined> {
  const botId = args.client.user?.id;
  if (botId === undefined) return undefined;
  const recent = await args.channel.messages.fetch({ limit: RECOVERY_HISTORY_LIMIT, cache: false });
  const candidates = [...recent.values()]
    .filter(
      (message) =>
        message.author.id === botId &&
        message.createdTimestamp >= args.sendStartedAt - SKEW_MS &&
        contentHash(message.content) === args.sendingHash,
    )
    .sort((a, b) => a.createdTimestamp - b.createdTimestamp);
  if (candidates.length === 0) return undefined;
  const known = new Set(await args.api.knownMessages(candidates.map((message) => message.id)));
  return candidates.find((message) => !known.has(message.id));
}
