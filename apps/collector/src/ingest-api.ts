import type { ConvexClient } from "convex/browser";
import type { FunctionArgs, FunctionReturnType } from "convex/server";
import { ConvexError } from "convex/values";
import { api } from "./convex-api.js";
import type { Logger } from "./logger.js";
import { retry } from "./retry.js";

export type WatchedChannel = FunctionReturnType<typeof api.ingest.watchedChannels>[number];
export type IncomingMessage = FunctionArgs<typeof api.ingest.upsertMessage>["message"];
export type AttachmentInput = IncomingMessage["attachments"][number];
type StorageId = Extract<AttachmentInput, { status: "stored" }>["storageId"];
export type UpsertResult = FunctionReturnType<typeof api.ingest.upsertMessage>;
export type DeleteResult = FunctionReturnType<typeof api.ingest.deleteMessages>;
export type KnownAttachment = FunctionReturnType<typeof api.ingest.knownAttachments>[number];
export type StoredPage = FunctionReturnType<typeof api.ingest.storedMessagesSince>;
export type StoredMessage = StoredPage["page"][number];
export type Cursor = FunctionReturnType<typeof api.ingest.getCursors>[number];

/** A ConvexError is the function refusing the input (bad secret, unmapped channel): final. */
export function isPermanentConvexError(error: unknown): boolean {
  return error instanceof ConvexError;
}

const WRITE_RETRY = { attempts: 8, baseDelayMs: 250, maxDelayMs: 10_000 };

/** Per call: `onRetry` runs before each retry (the first attempt failed with a retryable error). */
export type WriteOptions = { onRetry?: () => void };

/**
 * The collector's Convex port: every call carries the service secret, and calls are retried with
 * backoff on anything but a ConvexError (server errors, dropped connections). The WebSocket client
 * itself re-sends in-flight mutations after a reconnect; the ingest mutations are idempotent, so a
 * retry that lands twice changes nothing. Each write hands its mutation to the client synchronously
 * (no await before it), so calls made one after the other reach the server in that order.
 */
export class IngestApi {
  constructor(
    private readonly client: ConvexClient,
    private readonly secret: string,
    private readonly logger: Logger,
  ) {}

  watchChannels(
    onChange: (channels: WatchedChannel[]) => void,
    onError: (error: Error) => void,
  ): () => void {
    const unsubscribe = this.client.onUpdate(
      api.ingest.watchedChannels,
      { secret: this.secret },
      onChange,
      onError,
    );
    return () => unsubscribe();
  }

  upsertMessage(message: IncomingMessage, options: WriteOptions = {}): Promise<UpsertResult> {
    return this.write(
      "upsertMessage",
      () => this.client.mutation(api.ingest.upsertMessage, { secret: this.secret, message }),
      options,
    );
  }

  deleteMessages(
    channelId: string,
    messageIds: string[],
    options: WriteOptions = {},
  ): Promise<DeleteResult> {
    return this.write(
      "deleteMessages",
      () =>
        this.client.mutation(api.ingest.deleteMessages, {
          secret: this.secret,
          channelId,
          messageIds,
        }),
      options,
    );
  }

  generateUploadUrl(): Promise<string> {
    return this.write("generateUploadUrl", () =>
      this.client.mutation(api.ingest.generateUploadUrl, { secret: this.secret }),
    );
  }

  discardUploads(storageIds: StorageId[]): Promise<number> {
    return this.write("discardUploads", () =>
      this.client.mutation(api.ingest.discardUploads, { secret: this.secret, storageIds }),
    );
  }

  advanceCursor(channelId: string, messageId: string): Promise<string> {
    return this.write("advanceCursor", () =>
      this.client.mutation(api.ingest.advanceCursor, { secret: this.secret, channelId, messageId }),
    );
  }

  heartbeat(args: { instanceId: string; startedAt: number; details: string }): Promise<null> {
    return this.client.mutation(api.ingest.heartbeat, {
      secret: this.secret,
      service: "collector",
      ...args,
    });
  }

  knownAttachments(discordAttachmentIds: string[]): Promise<KnownAttachment[]> {
    return this.read("knownAttachments", () =>
      this.client.query(api.ingest.knownAttachments, {
        secret: this.secret,
        discordAttachmentIds,
      }),
    );
  }

  /** The channel's cursor (last ingested message, last time live), if anything was ingested. */
  async getCursor(channelId: string): Promise<Cursor | undefined> {
    const cursors = await this.read("getCursors", () =>
      this.client.query(api.ingest.getCursors, { secret: this.secret, channelIds: [channelId] }),
    );
    return cursors.find((cursor) => cursor.channelId === channelId);
  }

  /** One page of the channel's stored messages posted since `since` (ms), oldest first. */
  storedMessagesSince(
    channelId: string,
    since: number,
    cursor: string | null,
    numItems: number,
  ): Promise<StoredPage> {
    return this.read("storedMessagesSince", () =>
      this.client.query(api.ingest.storedMessagesSince, {
        secret: this.secret,
        channelId,
        since,
        paginationOpts: { cursor, numItems },
      }),
    );
  }

  /** Records that the collector is connected and caught up on these channels (now). */
  markChannelsLive(channelIds: string[]): Promise<number> {
    return this.write("markChannelsLive", () =>
      this.client.mutation(api.ingest.markChannelsLive, { secret: this.secret, channelIds }),
    );
  }

  private write<T>(name: string, call: () => Promise<T>, options: WriteOptions = {}): Promise<T> {
    return this.withRetry(name, call, options);
  }

  private read<T>(name: string, call: () => Promise<T>): Promise<T> {
    return this.withRetry(name, call);
  }

  private withRetry<T>(
    name: string,
    call: () => Promise<T>,
    options: WriteOptions = {},
  ): Promise<T> {
    return retry(() => call(), {
      ...WRITE_RETRY,
      isRetryable: (error) => !isPermanentConvexError(error),
      onRetry: ({ attempt, delayMs, error }) => {
        this.logger.warn(
          { event: "convex.retry", fn: name, attempt, delayMs, err: describeError(error) },
          "Convex call failed, retrying",
        );
        options.onRetry?.();
      },
    });
  }
}

export function describeError(error: unknown): string {
  if (error instanceof ConvexError) {
    const data: unknown = error.data;
    if (typeof data === "object" && data !== null && "message" in data) {
      return String(data.message);
    }
    return JSON.stringify(data);
  }
  return error instanceof Error ? error.message : String(error);
}
