import type { ChannelPipeline } from "./channel-pipeline.js";
import { compareIds, type DiscordMessages } from "./discord-messages.js";
import { describeError, type IngestApi } from "./ingest-api.js";
import type { Ingestor } from "./ingestor.js";
import type { Logger } from "./logger.js";
import type { SourceMessage } from "./source-message.js";

export type BackfillLimits = {
  /** Messages read from a channel never ingested before (no cursor). */
  initialMessages: number;
  /** Upper bound on messages read after the cursor in one run. */
  maxMessages: number;
  /** Stored messages re-checked against Discord for deletes and edits missed while down. */
  deleteWindow: number;
};

const PAGE = 100;
/** Pages read when re-checking the recent window (it may hold messages we skipped, e.g. bots). */
const WINDOW_PAGES = 5;

/**
 * Catches up a channel after downtime, as one exclusive task of the channel's pipeline (it starts
 * once the channel's earlier writes are confirmed and live events wait behind it, so ordering holds
 * and the cursor never skips a message); its own writes go one at a time:
 * 1. every message after the ingest cursor, oldest first, in pages (creates and edits);
 * 2. the last N stored messages compared with what Discord still has: missing ones are
 *    tombstoned, edited ones (edited_timestamp) upserted, unstored ones ingested.
 */
export class Backfiller {
  private readonly pending = new Set<string>();
  private stopping = false;
  runs = 0;

  constructor(
    private readonly deps: {
      api: IngestApi;
      ingestor: Ingestor;
      discord: DiscordMessages;
      queue: ChannelPipeline;
      logger: Logger;
      limits: BackfillLimits;
      isWatched: (channelId: string) => boolean;
    },
  ) {}

  /** Shutdown: running backfills stop after the message in hand (the cursor stays consistent). */
  stop(): void {
    this.stopping = true;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Queues a backfill of the channel unless one is already waiting. */
  schedule(channelId: string, reason: string): void {
    if (this.pending.has(channelId) || this.deps.queue.isClosed) return;
    this.pending.add(channelId);
    this.deps.queue
      .exclusive(channelId, async () => {
        this.pending.delete(channelId);
        await this.run(channelId, reason);
      })
      .catch((error: unknown) => {
        this.pending.delete(channelId);
        this.deps.logger.error(
          { event: "backfill.failed", channelId, reason, err: describeError(error) },
          "backfill failed; it runs again on the next reconnect or mapping change",
        );
      });
  }

  private async run(channelId: string, reason: string): Promise<void> {
    if (this.stopping || !this.deps.isWatched(channelId)) return;
    const started = Date.now();
    const log = this.deps.logger.child({ channelId });
    const cursor = await this.deps.api.getCursor(channelId);
    const ingested =
      cursor === undefined
        ? await this.initial(channelId)
        : await this.afterCursor(channelId, cursor);
    const window = this.stopping
      ? { tombstoned: 0, rechecked: 0 }
      : await this.recheckWindow(channelId);
    this.runs++;
    log.info(
      { event: "backfill.done", reason, cursor, ingested, ...window, ms: Date.now() - started },
      "backfill finished",
    );
  }

  private async initial(channelId: string): Promise<number> {
    const messages: SourceMessage[] = [];
    let before: string | undefined;
    let maxId: string | undefined;
    while (messages.length < this.deps.limits.initialMessages) {
      const page = await this.deps.discord.pageBefore(
        channelId,
        this.deps.limits.initialMessages - messages.length,
        before,
      );
      if (page.length === 0) break;
      maxId ??= page[page.length - 1]?.id;
      before = page[0]?.id;
      for (const message of page.reverse()) {
        const source = this.deps.discord.toSource(message);
        if (source !== null) messages.push(source);
      }
      if (page.length < PAGE) break;
    }
    messages.reverse();
    let count = 0;
    for (const message of messages) {
      if (this.stopping) return count; // the cursor only covers what was written
      if ((await this.deps.ingestor.ingestNow(message, "backfill", Date.now())) !== null) count++;
    }
    if (maxId !== undefined) await this.deps.api.advanceCursor(channelId, maxId);
    return count;
  }

  private async afterCursor(channelId: string, cursor: string): Promise<number> {
    let after = cursor;
    let count = 0;
    let read = 0;
    while (read < this.deps.limits.maxMessages) {
      const page = await this.deps.discord.pageAfter(channelId, after);
      if (page.length === 0) break;
      read += page.length;
      for (const message of page) {
        if (this.stopping) return count;
        const source = this.deps.discord.toSource(message);
        if (source === null) continue;
        if ((await this.deps.ingestor.ingestNow(source, "backfill", Date.now())) !== null) count++;
      }
      const last = page[page.length - 1];
      if (last === undefined) break;
      after = last.id;
      // Pages of skipped messages (bots, system) still move the cursor.
      await this.deps.api.advanceCursor(channelId, after);
      if (page.length < PAGE) break;
    }
    if (read >= this.deps.limits.maxMessages) {
      this.deps.logger.warn(
        { event: "backfill.truncated", channelId, read },
        "backfill hit BACKFILL_MAX_MESSAGES; the rest follows on the next run",
      );
    }
    return count;
  }

  private async recheckWindow(
    channelId: string,
  ): Promise<{ tombstoned: number; rechecked: number }> {
    if (this.deps.limits.deleteWindow === 0) return { tombstoned: 0, rechecked: 0 };
    const recent = await this.deps.api.recentMessages(channelId, this.deps.limits.deleteWindow);
    const live = recent.filter((message) => !message.deleted);
    if (live.length === 0) return { tombstoned: 0, rechecked: 0 };
    const stored = new Map(recent.map((message) => [message.messageId, message]));
    const oldest = live.map((m) => m.messageId).sort(compareIds)[0] ?? "0";

    const onDiscord = new Map<string, SourceMessage>();
    let after = (BigInt(oldest) - 1n).toString();
    let exhausted = false;
    for (let pageNo = 0; pageNo < WINDOW_PAGES; pageNo++) {
      const page = await this.deps.discord.pageAfter(channelId, after);
      for (const message of page) {
        const source = this.deps.discord.toSource(message);
        if (source !== null) onDiscord.set(source.id, source);
      }
      const last = page[page.length - 1];
      if (page.length < PAGE || last === undefined) {
        exhausted = true;
        break;
      }
      after = last.id;
    }
    const coveredUpTo = exhausted ? undefined : after;

    const gone = live
      .map((message) => message.messageId)
      .filter(
        (id) =>
          !onDiscord.has(id) && (coveredUpTo === undefined || compareIds(id, coveredUpTo) <= 0),
      );
    if (gone.length > 0) await this.deps.ingestor.deleteNow(channelId, gone);

    let rechecked = 0;
    for (const message of [...onDiscord.values()].sort((a, b) => compareIds(a.id, b.id))) {
      if (this.stopping) break;
      const known = stored.get(message.id);
      const missed = known === undefined;
      const editedSince =
        known !== undefined &&
        !known.deleted &&
        message.editedAt !== undefined &&
        message.editedAt !== known.editedAt;
      if (!missed && !editedSince) continue;
      if ((await this.deps.ingestor.ingestNow(message, "backfill", Date.now())) !== null)
        rechecked++;
    }
    return { tombstoned: gone.length, rechecked };
  }
}
