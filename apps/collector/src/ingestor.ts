import type { Message, PartialMessage } from "discord.js";
import type { AttachmentStore, ResolvedAttachments, StorageId } from "./attachment-store.js";
import type { ChannelPipeline, Sent, WriteHandle } from "./channel-pipeline.js";
import {
  describeError,
  type IngestApi,
  type IncomingMessage,
  type UpsertResult,
} from "./ingest-api.js";
import type { Logger } from "./logger.js";
import { isUserContent, toSourceMessage, type SourceMessage } from "./source-message.js";
import type { WatchedChannels } from "./watched-channels.js";

export type IngestOrigin = "gateway" | "backfill" | "history";

/** A promise outcome held without rejecting, so an early start cannot become an unhandled rejection. */
type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export type IngestorDeps = {
  api: IngestApi;
  attachments: AttachmentStore;
  watched: WatchedChannels;
  queue: ChannelPipeline;
  logger: Logger;
  allowedBotIds: ReadonlySet<string>;
  /** The collector's own user id once logged in. */
  selfId: () => string | undefined;
  /** GET the message from Discord again (fresh attachment URLs); null if it no longer exists. */
  fetchMessage: (channelId: string, messageId: string) => Promise<SourceMessage | null>;
  /** Called when a write gave up, so the channel is re-checked by a backfill later. */
  onWriteFailed: (channelId: string) => void;
};

export type IngestStats = {
  lastEventAt: number | undefined;
  /** Upserts by outcome ("deleted" = an update for a tombstoned message, ignored). */
  upserts: Record<UpsertResult["outcome"], number>;
  tombstoned: number;
  skipped: number;
  failed: number;
};

/**
 * Turns gateway events into Convex writes: filter (watched channel, not ourselves, no bots unless
 * allowed) → zod adapter → attachments → one idempotent mutation, sent in arrival order per channel
 * and pipelined (see channel-pipeline.ts: a write does not wait for the previous confirmation).
 */
export class Ingestor {
  readonly stats: IngestStats = {
    lastEventAt: undefined,
    upserts: { created: 0, edited: 0, unchanged: 0, stale: 0, deleted: 0 },
    tombstoned: 0,
    skipped: 0,
    failed: 0,
  };

  constructor(private readonly deps: IngestorDeps) {}

  /** MESSAGE_CREATE and MESSAGE_UPDATE: both are upserts keyed by the message id. */
  onMessage(message: Message | PartialMessage, receivedAt: number): void {
    if (!this.deps.watched.has(message.channelId)) return;
    if (message.author !== null && this.isIgnoredAuthor(message.author.id, message.author.bot)) {
      return;
    }
    this.stats.lastEventAt = receivedAt;
    // Snapshot now: discord.js patches its cached Message in place on MESSAGE_UPDATE, so reading it
    // when the queued task runs could skip a version (and lose it from the history).
    let snapshot: SourceMessage | null = null;
    if (!message.partial) {
      try {
        snapshot = toSourceMessage(message);
      } catch (error) {
        this.stats.failed++;
        this.deps.logger.error(
          {
            event: "ingest.bad_message",
            channelId: message.channelId,
            messageId: message.id,
            err: String(error),
          },
          "message failed validation; skipped",
        );
        return;
      }
    }
    // Files are fetched right away, in parallel with earlier writes of the channel; the write itself
    // still waits for its turn, so order holds and a download does not hold up the messages behind it.
    const prepared =
      snapshot !== null && this.accepts(snapshot) ? this.prepare(snapshot) : undefined;
    // A reply waits for an in-flight write of its parent, so a retried parent cannot miss the link.
    const keys =
      snapshot?.replyToMessageId === undefined
        ? [message.id]
        : [message.id, snapshot.replyToMessageId];
    this.enqueue(message.channelId, keys, message.id, async (handle) => {
      const complete = snapshot ?? (await this.deps.fetchMessage(message.channelId, message.id));
      if (complete === null) return done(null); // deleted before we could read it; the delete follows
      return this.sendUpsert(complete, "gateway", receivedAt, prepared, handle);
    });
  }

  /** Starts resolving a message's attachments; the settled result is awaited by its write. */
  private prepare(message: SourceMessage): Promise<Settled<ResolvedAttachments>> | undefined {
    if (message.attachments.length === 0) return undefined;
    return this.deps.attachments
      .resolve(message, () => this.deps.fetchMessage(message.channelId, message.id))
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
  }

  /** MESSAGE_DELETE and MESSAGE_DELETE_BULK: sent after every earlier write of those messages. */
  onDelete(channelId: string, messageIds: string[], receivedAt: number): void {
    if (!this.deps.watched.has(channelId)) return;
    this.stats.lastEventAt = receivedAt;
    this.enqueue(channelId, messageIds, messageIds.join(","), (handle) =>
      Promise.resolve(this.sendDelete(channelId, messageIds, handle)),
    );
  }

  /** Whether a validated message is ingested: watched channel, user content, author allowed. */
  accepts(message: SourceMessage): boolean {
    return (
      this.deps.watched.has(message.channelId) &&
      isUserContent(message) &&
      !this.isIgnoredAuthor(message.author.id, message.author.bot)
    );
  }

  /** Writes one message and waits for its confirmation (the caller holds the channel's turn). */
  async ingestNow(
    message: SourceMessage,
    origin: IngestOrigin,
    receivedAt: number,
  ): Promise<UpsertResult | null> {
    return (await this.sendUpsert(message, origin, receivedAt)).confirmed;
  }

  /**
   * Resolves the attachments, then sends the upsert without awaiting it: `confirmed` settles with
   * the result. The mutation is handed to the client as the last step, so sends keep call order.
   */
  private async sendUpsert(
    message: SourceMessage,
    origin: IngestOrigin,
    receivedAt: number,
    prepared?: Promise<Settled<ResolvedAttachments>>,
    handle?: WriteHandle,
  ): Promise<Sent<UpsertResult | null>> {
    if (!this.accepts(message)) {
      this.stats.skipped++;
      return done(null);
    }
    const { inputs: attachments, uploaded } = await this.attachmentsOf(message, prepared);
    const incoming: IncomingMessage = {
      messageId: message.id,
      channelId: message.channelId,
      guildId: message.guildId,
      authorId: message.author.id,
      authorName: message.author.name,
      content: message.content,
      ...(message.replyToMessageId === undefined
        ? {}
        : { replyToMessageId: message.replyToMessageId }),
      attachments,
      sourceAt: message.createdAt,
      ...(message.editedAt === undefined ? {} : { editedAt: message.editedAt }),
      receivedAt,
      origin,
    };
    const confirmed = this.deps.api
      .upsertMessage(incoming, { onRetry: () => handle?.holdBack() })
      .then(
        (result) => this.recordUpsert(message, origin, receivedAt, attachments.length, result),
        async (error: unknown) => {
          if (uploaded.length > 0) await this.discardUploads(message, uploaded);
          throw error;
        },
      );
    return { confirmed };
  }

  private recordUpsert(
    message: SourceMessage,
    origin: IngestOrigin,
    receivedAt: number,
    attachmentCount: number,
    result: UpsertResult,
  ): UpsertResult {
    this.stats.upserts[result.outcome]++;
    this.deps.logger.info(
      {
        event: "ingest.upsert",
        origin,
        outcome: result.outcome,
        channelId: message.channelId,
        messageId: message.id,
        version: result.version,
        attachments: attachmentCount,
        receivedToCommittedMs: Date.now() - receivedAt,
      },
      `message ${result.outcome}`,
    );
    return result;
  }

  /** Tombstones messages and waits for the confirmation (the caller holds the channel's turn). */
  async deleteNow(channelId: string, messageIds: string[]): Promise<void> {
    await this.sendDelete(channelId, messageIds).confirmed;
  }

  /** Sends the deletes (batches of 100, back to back) without awaiting them. */
  private sendDelete(channelId: string, messageIds: string[], handle?: WriteHandle): Sent<void> {
    const batches: Promise<void>[] = [];
    for (let start = 0; start < messageIds.length; start += 100) {
      const batch = messageIds.slice(start, start + 100);
      batches.push(
        this.deps.api
          .deleteMessages(channelId, batch, { onRetry: () => handle?.holdBack() })
          .then((result) => {
            this.stats.tombstoned += result.deleted.length;
            this.deps.logger.info(
              { event: "ingest.delete", channelId, ...result },
              `${result.deleted.length} message(s) tombstoned`,
            );
          }),
      );
    }
    return { confirmed: Promise.all(batches).then(() => undefined) };
  }

  private async attachmentsOf(
    message: SourceMessage,
    prepared: Promise<Settled<ResolvedAttachments>> | undefined,
  ): Promise<ResolvedAttachments> {
    if (prepared !== undefined) {
      const settled = await prepared;
      if (!settled.ok) throw settled.error;
      return settled.value;
    }
    return this.deps.attachments.resolve(message, () =>
      this.deps.fetchMessage(message.channelId, message.id),
    );
  }

  /** Best effort: the write failed for good, so the files uploaded for it would be orphans. */
  private async discardUploads(message: SourceMessage, uploaded: StorageId[]): Promise<void> {
    try {
      const deleted = await this.deps.api.discardUploads(uploaded);
      this.deps.logger.warn(
        { event: "attachment.discarded", messageId: message.id, deleted },
        "write failed; discarded its uploads",
      );
    } catch (error) {
      this.deps.logger.error(
        { event: "attachment.discard_failed", messageId: message.id, err: describeError(error) },
        "could not discard uploads of a failed write",
      );
    }
  }

  private isIgnoredAuthor(authorId: string, isBot: boolean): boolean {
    if (authorId === this.deps.selfId()) return true;
    return isBot && !this.deps.allowedBotIds.has(authorId);
  }

  private enqueue<T>(
    channelId: string,
    keys: readonly string[],
    ref: string,
    send: (handle: WriteHandle) => Promise<Sent<T>>,
  ): void {
    this.deps.queue.write(channelId, keys, send).catch((error: unknown) => {
      this.stats.failed++;
      this.deps.logger.error(
        { event: "ingest.failed", channelId, ref, err: describeError(error) },
        "event not ingested; the channel will be re-checked by a backfill",
      );
      this.deps.onWriteFailed(channelId);
    });
  }
}

/** A write that needs no call (skipped, or nothing to write): already confirmed. */
function done<T>(value: T): Sent<T> {
  return { confirmed: Promise.resolve(value) };
}
