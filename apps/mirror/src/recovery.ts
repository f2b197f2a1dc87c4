import type { Client, GuildTextBasedChannel, Message } from "discord.js";
import type { MirrorApi } from "./mirror-api.js";
import { contentHash } from "./render.js";

/** Messages per history request (Discord's maximum). */
const PAGE = 100;
/**
 * History requests one recovery may make, paging forward from the send's start: 1,000 messages
 * posted in that channel after the send began. The orphan, if any, was posted right after it.
 */
export const RECOVERY_MAX_PAGES = 10;
/** Clock skew allowance between Convex (sendStartedAt) and Discord (message timestamps). */
const SKEW_MS = 10_000;
/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from it. */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/**
 * Crash recovery for a create whose answer was never recorded (`sendStartedAt` set, no message
 * id): the bot may or may not have posted. Discord's history does not return nonces, and
 * `enforce_nonce` only deduplicates for a few minutes, so the nonce alone cannot settle it after a
 * long outage. We look for the orphan instead, in the channel's history **from the send's start
 * forward** (`after=` the snowflake of sendStartedAt − 10 s, oldest first, up to
 * RECOVERY_MAX_PAGES pages), so it is found however many messages were posted after it and however
 * long ago the crash was: a message by this bot, whose content hash is the one of what that send
 * rendered (the executor renders the version the claim recorded with the send, so an edit made
 * during the outage does not hide it), and not already recorded for another delivery. Found →
 * adopt it (then edit it to the current version). Not found → post with the same nonce.
 *
 * Remaining limits: more than 1,000 messages posted in the channel between the send's start and
 * the orphan (the bot posts one message per channel at a time, so this needs a flood from others);
 * an orphan a moderator deleted (then there is nothing to duplicate); and render options
 * (MIRROR_SUMMARY, MIRROR_UPLOAD_LIMIT_BYTES) changed between the crash and the recovery, which
 * changes the hash.
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
  let after = snowflakeBefore(args.sendStartedAt - SKEW_MS);
  for (let page = 0; page < RECOVERY_MAX_PAGES; page++) {
    const fetched = await args.channel.messages.fetch({ after, limit: PAGE, cache: false });
    const messages = [...fetched.values()].sort((a, b) => compareIds(a.id, b.id));
    const candidates = messages.filter(
      (message) => message.author.id === botId && contentHash(message.content) === args.sendingHash,
    );
    if (candidates.length > 0) {
      const known = new Set(await args.api.knownMessages(candidates.map((message) => message.id)));
      const orphan = candidates.find((message) => !known.has(message.id));
      if (orphan !== undefined) return orphan;
    }
    const last = messages[messages.length - 1];
    if (last === undefined || messages.length < PAGE) return undefined;
    after = last.id;
  }
  return undefined;
}

/** The largest snowflake before `ms` ("0" before Discord's epoch). */
function snowflakeBefore(ms: number): string {
  const offset = BigInt(Math.floor(ms)) - DISCORD_EPOCH_MS;
  return offset <= 0n ? "0" : ((offset << 22n) - 1n).toString();
}

function compareIds(a: string, b: string): number {
  const left = BigInt(a);
  const right = BigInt(b);
  return left === right ? 0 : left < right ? -1 : 1;
}
