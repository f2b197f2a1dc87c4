import { createHash } from "node:crypto";
import { compareIds, snowflakeAt, timeOfId, type DiscordMessages } from "./discord-messages.js";
import type { IngestApi } from "./ingest-api.js";
import type { Ingestor } from "./ingestor.js";
import type { SourceMessage } from "./source-message.js";

/** Rows per Convex page and messages per Discord page (Discord's maximum). */
const PAGE = 100;

export type RecheckLimits = {
  /** How far back stored messages are compared with Discord, whatever the outage's length. */
  windowMs: number;
  /** Upper bound on messages read from each side in one run (Convex rows, Discord messages). */
  maxMessages: number;
};

export type RecheckResult = {
  since: number;
  compared: number;
  tombstoned: number;
  upserted: number;
  /** Set when a side hit `maxMessages`: nothing posted at or after this time was judged. */
  truncatedAt?: number;
};

/** What the comparison keeps of a stored message: enough to see an edit, not the text itself. */
type Known = { editedAt: number | undefined; contentHash: string; sourceAt: number };

/**
 * The catch-up's second half: every message stored for the channel and posted since `since`
 * (the older of the recheck window's start and the time the outage began) compared with what
 * Discord has for the same span. Discord's history is paged forward with `after=` from the
 * snowflake of `since`, Convex's copies are read in pages of an indexed query, so both reads are
 * bounded by pages and by `maxMessages`. Then:
 * - a stored live message Discord no longer has → tombstoned (deleted while we were away);
 * - a message Discord shows with a newer `edited_timestamp` or other content → upserted;
 * - a message Discord has and we never stored, newer than the oldest we did store in the span
 *   (a gap, e.g. a write that gave up) → ingested. Older ones were never part of our history.
 * The caller holds the channel's exclusive turn, so live events wait and nothing races the reads.
 */
export async function recheckSince(args: {
  channelId: string;
  since: number;
  /** Compare only messages posted before this time (the older-history pass's slices). */
  until?: number;
  limits: RecheckLimits;
  api: IngestApi;
  ingestor: Ingestor;
  discord: DiscordMessages;
  isStopping: () => boolean;
}): Promise<RecheckResult> {
  const { channelId, since, api } = args;
  const known = new Map<string, Known>();
  const tombstones = new Set<string>();
  let oldestStored: string | undefined;
  const until = args.until ?? Number.POSITIVE_INFINITY;
  let storedCut: number | undefined; // set when maxMessages stopped the read of stored rows
  let cursor: string | null = null;
  let read = 0;
  reading: for (;;) {
    const page = await api.storedMessagesSince(channelId, since, cursor, PAGE);
    for (const row of page.page) {
      if (row.sourceAt >= until) break reading; // rows come in post-time order
      read++;
      if (oldestStored === undefined || compareIds(row.messageId, oldestStored) < 0) {
        oldestStored = row.messageId;
      }
      if (row.deleted) tombstones.add(row.messageId);
      else
        known.set(row.messageId, {
          editedAt: row.editedAt,
          contentHash: hashOf(row.content),
          sourceAt: row.sourceAt,
        });
    }
    if (page.isDone) break;
    if (read >= args.limits.maxMessages) {
      // Rows are ordered by post time: what follows (at or after the last row's time) is unread.
      storedCut = page.page[page.page.length - 1]?.sourceAt ?? since;
      break;
    }
    cursor = page.continueCursor;
  }
  const storedLimit = Math.min(until, storedCut ?? Number.POSITIVE_INFINITY); // judged: before it
  // Nothing stored in the span: there is nothing to tombstone or upsert, and no gap to fill.
  if (oldestStored === undefined) return { since, compared: 0, tombstoned: 0, upserted: 0 };

  const seen = new Set<string>();
  let discordLimit: string | undefined; // judged: ids up to this one (when Discord was truncated)
  // Discord's messages older than the oldest stored one are never judged: start just before it.
  let after = laterId(snowflakeAt(since), predecessorId(oldestStored));
  let scanned = 0;
  let upserted = 0;
  scan: for (;;) {
    const page = await args.discord.pageAfter(channelId, after);
    for (const message of page) {
      if (timeOfId(message.id) >= storedLimit) break scan;
      if (args.isStopping()) break scan;
      seen.add(message.id);
      const source = args.discord.toSource(message);
      if (source === null) continue;
      if (!needsUpsert(source, known.get(source.id), tombstones, oldestStored)) continue;
      if ((await args.ingestor.ingestNow(source, "backfill", Date.now())) !== null) upserted++;
    }
    scanned += page.length;
    const last = page[page.length - 1];
    if (page.length < PAGE || last === undefined) break;
    after = last.id;
    if (scanned >= args.limits.maxMessages) {
      discordLimit = last.id;
      break;
    }
  }
  if (args.isStopping()) return { since, compared: known.size, tombstoned: 0, upserted };

  const gone = [...known.entries()]
    .filter(
      ([id, row]) =>
        !seen.has(id) &&
        row.sourceAt < storedLimit &&
        (discordLimit === undefined || compareIds(id, discordLimit) <= 0),
    )
    .map(([id]) => id);
  if (gone.length > 0) await args.ingestor.deleteNow(channelId, gone);
  const truncatedAt =
    discordLimit !== undefined ? Math.min(timeOfId(discordLimit), storedLimit) : storedCut;
  return {
    since,
    compared: known.size,
    tombstoned: gone.length,
    upserted,
    ...(truncatedAt === undefined ? {} : { truncatedAt }),
  };
}

function needsUpsert(
  message: SourceMessage,
  stored: Known | undefined,
  tombstones: ReadonlySet<string>,
  oldestStored: string | undefined,
): boolean {
  if (tombstones.has(message.id)) return false; // tombstones are final
  if (stored === undefined) {
    return oldestStored !== undefined && compareIds(message.id, oldestStored) > 0;
  }
  if (hashOf(message.content) !== stored.contentHash) return true;
  // Same text: an edit of the files only still moves edited_timestamp forward.
  return (
    message.editedAt !== undefined &&
    (stored.editedAt === undefined || message.editedAt > stored.editedAt)
  );
}

function predecessorId(id: string): string {
  return (BigInt(id) - 1n).toString();
}

function laterId(a: string, b: string): string {
  return compareIds(a, b) >= 0 ? a : b;
}

function hashOf(content: string): string {
  return createHash("sha1").update(content).digest("base64");
}
