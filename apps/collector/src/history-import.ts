import { setTimeout as sleep } from "node:timers/promises";
import type { DiscordMessages } from "./discord-messages.js";
import type { ClaimedImport, HistoryImportApi, ImportState } from "./history-import-api.js";
import { describeError, isPermanentConvexError, type IngestApi } from "./ingest-api.js";
import type { Ingestor } from "./ingestor.js";
import type { Logger } from "./logger.js";
import { retry } from "./retry.js";
import type { WatchedChannels } from "./watched-channels.js";

export type HistoryImportSettings = {
  /** Pause between two pages, on top of discord.js's own rate limiting (be a quiet neighbour). */
  pageDelayMs: number;
  /** How often an idle collector asks Convex for an import to run. */
  pollMs: number;
};

const PAGE = 100;
/** Writes failing for good in a row before the import gives up (the channel was unmapped, say). */
const MAX_FAILURES_IN_A_ROW = 20;
const DISCORD_RETRY = { attempts: 5, baseDelayMs: 1_000, maxDelayMs: 30_000 };

export type HistoryImportStatus = {
  importId: string | null;
  channelId: string | null;
  pages: number;
  imported: number;
  skipped: number;
  failed: number;
};

/**
 * Runs the admin-requested imports of a channel's whole history (convex/historyImportJobs.ts):
 * claims one under a lease, pages the channel backwards with `before=` from the job's cursor
 * (first time: from the oldest message already stored, else the newest), 100 at a time, writes
 * each message through the same idempotent mutation as live ones (origin "history"), commits the
 * cursor and counts after each page, and finishes at the channel's first message. A crash loses at
 * most the page in hand: the next holder re-reads it (already stored → skipped). It runs beside the
 * live pipeline, not in it, so live events never wait for an import; both write by message id, so
 * order between them does not matter (newest edit wins, tombstones stay).
 */
export class HistoryImporter {
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: AbortController = new AbortController();
  readonly status: HistoryImportStatus = {
    importId: null,
    channelId: null,
    pages: 0,
    imported: 0,
    skipped: 0,
    failed: 0,
  };

  constructor(
    private readonly deps: {
      jobs: HistoryImportApi;
      ingest: IngestApi;
      ingestor: Ingestor;
      watched: WatchedChannels;
      discord: DiscordMessages;
      logger: Logger;
      settings: HistoryImportSettings;
    },
  ) {}

  /** Starts polling for imports (call once the gateway is ready and the watch list loaded). */
  start(): void {
    this.loop ??= this.run();
  }

  /**
   * Stops after the message in hand and hands the import back (queued for any instance); the page
   * is not committed, so the next holder re-reads it.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let job: ClaimedImport | null = null;
      try {
        job = await this.deps.jobs.claim();
        if (job !== null) await this.runJob(job);
      } catch (error) {
        this.deps.logger.error(
          { event: "history.error", importId: job?.importId, err: describeError(error) },
          "history import step failed; trying again at the next poll",
        );
      } finally {
        this.status.importId = null;
        this.status.channelId = null;
      }
      // Stopped mid-import: hand it back so another instance resumes it now, not when the lease
      // runs out (a job that ended meanwhile is left as it is).
      if (this.stopping && job !== null) await this.release(job);
      if (job === null) await this.pause(this.deps.settings.pollMs);
    }
  }

  private async runJob(job: ClaimedImport): Promise<void> {
    const { importId, sourceChannelId: channelId } = job;
    const log = this.deps.logger.child({ importId, channelId });
    Object.assign(this.status, {
      importId,
      channelId,
      pages: 0,
      imported: 0,
      skipped: 0,
      failed: 0,
    });
    let before = job.cursor ?? (await this.oldestStored(channelId));
    log.info({ event: "history.claimed", from: before ?? "newest" }, "importing channel history");
    let newest = before;
    let failuresInARow = 0;
    for (;;) {
      // The ingestor skips messages of channels it does not watch: never let that pass for "done".
      while (!this.deps.watched.loaded && !this.stopping) await this.pause(200);
      if (this.stopping) return;
      if (!this.deps.watched.has(channelId)) {
        await this.deps.jobs.finish(importId, "The channel is not mapped (or its mapping is off).");
        log.error({ event: "history.failed" }, "channel not watched; import failed");
        return;
      }
      const page = await retry(() => this.deps.discord.pageBefore(channelId, PAGE, before), {
        ...DISCORD_RETRY,
        isRetryable: () => !this.stopping,
        onRetry: ({ attempt, error }) =>
          log.warn({ event: "history.read_retry", attempt, err: describeError(error) }, "retrying"),
      }).catch(async (error: unknown) => {
        if (this.stopping) return null;
        await this.deps.jobs.finish(importId, `Reading Discord failed: ${describeError(error)}`);
        log.error({ event: "history.failed", err: describeError(error) }, "import failed");
        return null;
      });
      if (page === null) return;
      if (page.length === 0) return this.done(importId, log);
      const counts = { imported: 0, skipped: 0, failed: 0 };
      for (const message of page) {
        if (this.stopping) return; // the page is re-read by whoever resumes
        const outcome = await this.write(message, log);
        counts[outcome]++;
        failuresInARow = outcome === "failed" ? failuresInARow + 1 : 0;
      }
      const oldest = page[0];
      const newestOfPage = page[page.length - 1];
      if (oldest === undefined || newestOfPage === undefined) return;
      newest ??= newestOfPage.id;
      const state = await this.commit(importId, {
        oldestMessageId: oldest.id,
        newestMessageId: newest,
        ...counts,
      });
      this.status.pages++;
      this.status.imported += counts.imported;
      this.status.skipped += counts.skipped;
      this.status.failed += counts.failed;
      log.info({ event: "history.page", before: oldest.id, ...counts, state }, "history page");
      if (state !== "running") {
        log.info({ event: "history.stopped", state }, `import ${state}; stopping`);
        return;
      }
      if (failuresInARow >= MAX_FAILURES_IN_A_ROW) {
        await this.deps.jobs.finish(importId, `${failuresInARow} writes in a row failed`);
        log.error({ event: "history.failed", failuresInARow }, "import failed");
        return;
      }
      if (page.length < PAGE) return this.done(importId, log);
      before = oldest.id;
      await this.pause(this.deps.settings.pageDelayMs);
    }
  }

  private async write(
    message: Parameters<DiscordMessages["toSource"]>[0],
    log: Logger,
  ): Promise<"imported" | "skipped" | "failed"> {
    const source = this.deps.discord.toSource(message);
    if (source === null) return "failed";
    try {
      const result = await this.deps.ingestor.ingestNow(source, "history", Date.now());
      return result?.outcome === "created" ? "imported" : "skipped";
    } catch (error) {
      log.error(
        { event: "history.write_failed", messageId: message.id, err: describeError(error) },
        "history message not written",
      );
      return "failed";
    }
  }

  /** Commits a page; a LEASE_LOST answer means another collector took over: stop quietly. */
  private async commit(
    importId: ClaimedImport["importId"],
    progress: Parameters<HistoryImportApi["commitPage"]>[1],
  ): Promise<ImportState | "lost"> {
    try {
      return await this.deps.jobs.commitPage(importId, progress);
    } catch (error) {
      if (!isPermanentConvexError(error)) throw error;
      this.deps.logger.warn(
        { event: "history.lease_lost", importId, err: describeError(error) },
        "another collector holds this import now",
      );
      return "lost";
    }
  }

  private async release(job: ClaimedImport): Promise<void> {
    try {
      const state = await this.deps.jobs.release(job.importId);
      this.deps.logger.info(
        { event: "history.released", importId: job.importId, state },
        "import handed back for another collector",
      );
    } catch (error) {
      this.deps.logger.warn(
        { event: "history.release_failed", importId: job.importId, err: describeError(error) },
        "could not hand the import back; another collector takes it when the lease runs out",
      );
    }
  }

  private async done(importId: ClaimedImport["importId"], log: Logger): Promise<void> {
    const state = await this.deps.jobs.finish(importId);
    log.info({ event: "history.done", state, ...this.status }, "channel history imported");
  }

  /** The oldest message already stored for the channel: older history is what is missing. */
  private async oldestStored(channelId: string): Promise<string | undefined> {
    const page = await this.deps.ingest.storedMessagesSince(channelId, 0, null, 1);
    return page.page[0]?.messageId;
  }

  private async pause(ms: number): Promise<void> {
    if (ms <= 0 || this.stopping) return;
    try {
      await sleep(ms, undefined, { signal: this.wake.signal });
    } catch {
      // woken by stop()
    }
  }
}
