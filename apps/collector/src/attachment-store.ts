import { createHash } from "node:crypto";
import { z } from "zod";
import {
  effectiveContentType,
  screenAttachment,
  type AttachmentPolicy,
} from "./attachment-policy.js";
import type { AttachmentInput, IngestApi } from "./ingest-api.js";
import type { Logger } from "./logger.js";
import { backoffDelay, sleep } from "./retry.js";
import type { SourceAttachment, SourceMessage } from "./source-message.js";

/** Fresh signed URLs requested (GET the message again) before a 404 counts as final. */
const URL_REFRESHES = 2;

export type TransferRetry = { attempts: number; baseDelayMs: number; maxDelayMs: number };
export const DEFAULT_TRANSFER_RETRY: TransferRetry = {
  attempts: 6,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
};

const ZUploadResponse = z.object({ storageId: z.string().min(1) });

/** Fetches the message again from Discord (fresh signed attachment URLs); null if it is gone. */
export type RefetchMessage = () => Promise<SourceMessage | null>;

class PermanentFailure extends Error {
  override readonly name = "PermanentFailure";
}

/**
 * Downloads each attachment at ingest (CDN links expire) and uploads it to Convex storage.
 * Files already stored are not fetched again. A file refused by policy, or whose download fails
 * for good, comes back as a "rejected" input carrying the reason; nothing is dropped silently.
 */
export class AttachmentStore {
  constructor(
    private readonly api: IngestApi,
    private readonly policy: AttachmentPolicy & { downloadTimeoutMs: number },
    private readonly logger: Logger,
    private readonly retry: TransferRetry = DEFAULT_TRANSFER_RETRY,
  ) {}

  /**
   * The attachment inputs of a message, in order, and the storage ids uploaded by this call (the
   * caller discards them if its write fails for good).
   */
  async resolve(message: SourceMessage, refetch: RefetchMessage): Promise<ResolvedAttachments> {
    if (message.attachments.length === 0) return { inputs: [], uploaded: [] };
    const known = new Map(
      (await this.api.knownAttachments(message.attachments.map((a) => a.id))).map((k) => [
        k.discordAttachmentId,
        k,
      ]),
    );
    const inputs: AttachmentInput[] = [];
    const uploaded: StorageId[] = [];
    for (const attachment of message.attachments) {
      const stored = known.get(attachment.id);
      if (stored !== undefined) {
        inputs.push({ status: "stored", ...stored });
        continue;
      }
      const input = await this.store(message, attachment, refetch);
      if (input.status === "stored") uploaded.push(input.storageId);
      inputs.push(input);
    }
    return { inputs, uploaded };
  }

  private async store(
    message: SourceMessage,
    attachment: SourceAttachment,
    refetch: RefetchMessage,
  ): Promise<AttachmentInput> {
    const log = this.logger.child({ messageId: message.id, attachmentId: attachment.id });
    const screening = screenAttachment(attachment, this.policy);
    const base = {
      discordAttachmentId: attachment.id,
      filename: attachment.filename,
      size: attachment.size,
    };
    if (!screening.ok) {
      log.warn({ event: "attachment.rejected", reason: screening.reason }, "attachment rejected");
      return {
        status: "rejected",
        ...base,
        contentType: effectiveContentType(attachment),
        reason: screening.reason,
      };
    }
    try {
      const bytes = await this.download(attachment, refetch, log);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const storageId = await this.upload(bytes, screening.contentType, log);
      log.info(
        { event: "attachment.stored", bytes: bytes.byteLength, sha256 },
        "attachment stored",
      );
      return {
        status: "stored",
        ...base,
        size: bytes.byteLength,
        contentType: screening.contentType,
        storageId: storageId as StorageId,
        sha256,
        ...(attachment.width === undefined ? {} : { width: attachment.width }),
        ...(attachment.height === undefined ? {} : { height: attachment.height }),
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log.error({ event: "attachment.rejected", reason }, "attachment could not be stored");
      return { status: "rejected", ...base, contentType: screening.contentType, reason };
    }
  }

  /** GET with retries: 429 waits Retry-After, 5xx and network errors back off, 404 refreshes the URL. */
  private async download(
    attachment: SourceAttachment,
    refetch: RefetchMessage,
    log: Logger,
  ): Promise<Uint8Array<ArrayBuffer>> {
    let url = attachment.url;
    let refreshes = 0;
    let lastProblem = "no attempt";
    for (let attempt = 0; attempt < this.retry.attempts; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, { signal: AbortSignal.timeout(this.policy.downloadTimeoutMs) });
      } catch (error) {
        lastProblem = `network error: ${error instanceof Error ? error.message : String(error)}`;
        await this.pause(attempt, undefined, lastProblem, log);
        continue;
      }
      if (response.ok) return this.readCapped(response);
      await response.body?.cancel();
      lastProblem = `CDN answered ${response.status}`;
      if (response.status === 404 || response.status === 403 || response.status === 410) {
        if (refreshes >= URL_REFRESHES) break;
        refreshes++;
        const fresh = await refetch();
        const again = fresh?.attachments.find((candidate) => candidate.id === attachment.id);
        if (again === undefined)
          throw new PermanentFailure("download failed: the attachment is no longer on the message");
        log.info(
          { event: "attachment.url_refreshed", status: response.status },
          "refetched message for a fresh URL",
        );
        url = again.url;
        attempt--; // a refreshed URL is a new chance, not a failed attempt
        continue;
      }
      if (response.status === 429 || response.status >= 500) {
        await this.pause(attempt, retryAfterMs(response), lastProblem, log);
        continue;
      }
      break; // other 4xx: asking again will not help
    }
    throw new PermanentFailure(`download failed: ${lastProblem}`);
  }

  private async readCapped(response: Response): Promise<Uint8Array<ArrayBuffer>> {
    const declared = Number(response.headers.get("content-length") ?? "NaN");
    if (Number.isFinite(declared) && declared > this.policy.maxBytes) {
      await response.body?.cancel();
      throw new PermanentFailure(
        `too large: ${declared} bytes exceeds the ${this.policy.maxBytes}-byte cap`,
      );
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > this.policy.maxBytes) {
      throw new PermanentFailure(
        `too large: ${bytes.byteLength} bytes exceeds the ${this.policy.maxBytes}-byte cap`,
      );
    }
    return bytes;
  }

  /** POSTs the bytes to a fresh upload URL; retried on 5xx and network errors. */
  private async upload(
    bytes: Uint8Array<ArrayBuffer>,
    contentType: string,
    log: Logger,
  ): Promise<string> {
    let lastProblem = "no attempt";
    for (let attempt = 0; attempt < this.retry.attempts; attempt++) {
      const uploadUrl = await this.api.generateUploadUrl();
      let response: Response;
      try {
        response = await fetch(uploadUrl, {
          method: "POST",
          headers: { "Content-Type": contentType },
          body: bytes,
          signal: AbortSignal.timeout(this.policy.downloadTimeoutMs),
        });
      } catch (error) {
        lastProblem = `network error: ${error instanceof Error ? error.message : String(error)}`;
        await this.pause(attempt, undefined, `upload ${lastProblem}`, log);
        continue;
      }
      if (response.ok) return ZUploadResponse.parse(await response.json()).storageId;
      const body = await response.text();
      lastProblem = `storage answered ${response.status} ${body.slice(0, 200)}`;
      if (response.status === 429 || response.status >= 500) {
        await this.pause(attempt, retryAfterMs(response), `upload ${lastProblem}`, log);
        continue;
      }
      break;
    }
    throw new PermanentFailure(`upload to Convex storage failed: ${lastProblem}`);
  }

  private async pause(attempt: number, hintMs: number | undefined, problem: string, log: Logger) {
    const { attempts, baseDelayMs, maxDelayMs } = this.retry;
    if (attempt + 1 >= attempts) return;
    const delayMs = Math.min(maxDelayMs, hintMs ?? backoffDelay(attempt, baseDelayMs, maxDelayMs));
    log.warn(
      { event: "attachment.retry", attempt: attempt + 1, delayMs, problem },
      "retrying attachment transfer",
    );
    await sleep(delayMs);
  }
}

export type StorageId = Extract<AttachmentInput, { status: "stored" }>["storageId"];
export type ResolvedAttachments = { inputs: AttachmentInput[]; uploaded: StorageId[] };

/** Retry-After in seconds (Discord and most CDNs), as milliseconds. */
function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get("retry-after");
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}
