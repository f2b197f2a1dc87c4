import type { ChannelPipeline } from "./channel-pipeline.js";
import { timeOfId, type DiscordMessages } from "./discord-messages.js";
import { describeError, type Cursor, type IngestApi } from "./ingest-api.js";
import type { Ingestor } from "./ingestor.js";
import type { Logger } from "./logger.js";
import { logOlderHistoryRecheck, recheckOlderHistory } from "./older-history-recheck.js";
import { recheckSince, type RecheckLimits, type RecheckResult } from "./recheck.js";
import type { SourceMessage } from "./source-message.js";

export type BackfillLimits = {
  /** Messages read from a channel never ingested before (no cursor). */
  initialMessages: number;
  /** Upper bound on messages read after the cursor in one run. */
  maxMessages: number;
  /** The recheck of stored messages against Discord (missed edits and deletes). */
  recheck: RecheckLimits;
  /** After the catch-up, recheck the stored history older than the recheck's span too. */
  olderHistory: boolean;
};

const PAGE = 100;
/**
 * Taken off the time the outage began before rechecking from it: `liveAt` is Convex's clock and
 * snowflakes are Discord's, and a write in flight at the last mark may have been lost with the
 * process.
 */
const OUTAGE_SLACK_MS = 5 * 60_000;

/**
 * Where a recheck starts: the older of the window's start and the time the outage began — the
 * last time Convex saw the collector live on the channel (`liveAt`), else the time of the last
 * message it ingested there — less a slack for clock skew and writes lost with the process.
 */
export function recheckStart(
  cursor: Pick<Cursor, "lastMessageId" | "liveAt">,
  windowMs: number,
  now: number,
): number {
  const outageBegan = cursor.liveAt ?? timeOfId(cursor.lastMessageId);
  return Math.min(now - windowMs, outageBegan - OUTAGE_SLACK_MS);
}

/**
 * Catches up a channel after downtime, as one exclusive task of the channel's pipeline (it starts
 * once the channel's earlier writes are confirmed and live events wait behind it, so ordering holds
 * and the cursor never skips a message); its own writes go one at a time:
 * 1. every message after the ingest cursor, oldest first, in pages (creates and edits);
 * 2. every stored message posted since the older of (now − recheck window) and the time the outage
 *    began (the cursor's `liveAt`, else its message's time) compared with Discord's history of the
 *    same span (`recheck.ts`): deleted ones tombstoned, edited ones upserted, gaps ingested.
 * A channel whose run finished is "caught up" until the gateway drops; the collector stamps those
 * channels live in Convex (`liveAt`) so the next start knows when its outage began.
 */
export class Backfiller {
  private readonly pending = new Set<string>();
  private readonly caughtUp = new Set<string>();
  /** Channels whose older-history pass is running (one at a time per channel). */
  private readonly olderHistoryRunning = new Set<string>();
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

  /** The gateway dropped: events may be missed until the next run, so nothing is caught up. */
  invalidate(): void {
    this.caughtUp.clear();
  }

  /** Watched channels whose last catch-up finished and that have none waiting. */
  caughtUpChannels(): string[] {
    return [...this.caughtUp].filter((id) => this.deps.isWatched(id) && !this.pending.has(id));
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
        : await this.afterCursor(channelId, cursor.lastMessageId);
    // A channel seen for the first time has nothing stored before what was just read.
    const recheck =
      this.stopping || cursor === undefined ? undefined : await this.recheck(channelId, cursor);
    if (this.stopping) return;
    this.runs++;
    this.caughtUp.add(channelId);
    if (recheck?.truncatedAt !== undefined) {
      log.warn(
        { event: "backfill.recheck_truncated", ...recheck },
        "recheck hit BACKFILL_RECHECK_MAX_MESSAGES; messages from truncatedAt on were not compared",
      );
    }
    log.info(
      {
        event: "backfill.done",
        reason,
        cursor: cursor?.lastMessageId,
        ingested,
        ...(recheck === undefined
          ? {}
          : {
              recheckSince: new Date(recheck.since).toISOString(),
              compared: recheck.compared,
              tombstoned: recheck.tombstoned,
              rechecked: recheck.upserted,
            }),
        ms: Date.now() - started,
      },
      "backfill finished",
    );
    if (recheck !== undefined && this.deps.limits.olderHistory) {
      this.startOlderHistory(channelId, recheck.since);
    }
  }

  /**
   * Starts the older-history pass in the background: it queues its slices behind this catch-up
   * (which holds the channel's turn now), so it must not be awaited here.
   */
  private startOlderHistory(channelId: string, until: number): void {
    if (this.olderHistoryRunning.has(channelId)) return;
    this.olderHistoryRunning.add(channelId);
    const started = Date.now();
    recheckOlderHistory({
      channelId,
      until,
      limits: this.deps.limits.recheck,
      api: this.deps.api,
      ingestor: this.deps.ingestor,
      discord: this.deps.discord,
      runExclusive: (task) => this.deps.queue.exclusive(channelId, task),
      isStopping: () => this.stopping || !this.deps.isWatched(channelId),
    })
      .then((result) => {
        logOlderHistoryRecheck(this.deps.logger, channelId, result, Date.now() - started);
      })
      .catch((error: unknown) => {
        // Shutting down: the queue refuses the next slice; the next start runs the pass again.
        if (this.stopping || this.deps.queue.isClosed) return;
        this.deps.logger.error(
          { event: "backfill.older_history_failed", channelId, err: describeError(error) },
          "older-history recheck failed; it runs again after the next catch-up",
        );
      })
      .finally(() => this.olderHistoryRunning.delete(channelId));
  }

  private recheck(channelId: string, cursor: Cursor): Promise<RecheckResult> {
    return recheckSince({
      channelId,
      since: recheckStart(cursor, this.deps.limits.recheck.windowMs, Date.now()),
      limits: this.deps.limits.recheck,
      api: this.deps.api,
      ingestor: this.deps.ingestor,
      discord: this.deps.discord,
      isStopping: () => this.stopping,
    });
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
}
