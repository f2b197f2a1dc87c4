import {
  RESTJSONErrorCodes,
  type Client,
  type GuildTextBasedChannel,
  type Message,
  type MessageEditOptions,
} from "discord.js";
import { classifyDiscordError, errorReport, type DiscordFailure } from "./discord-errors.js";
import { resolveTextChannel, NotATextChannelError } from "./discord-channel.js";
import type { Logger } from "./logger.js";
import type { MirrorApi } from "./mirror-api.js";
import { findOrphan } from "./recovery.js";
import {
  ALLOWED_MENTIONS,
  contentHashOf,
  filesHashOf,
  renderDelivery,
  renderUpdateNote,
  type RenderedMessage,
  type RenderOptions,
} from "./render.js";
import type { ClaimedDelivery } from "./work-types.js";

export type ExecutorDeps = {
  client: Client;
  api: MirrorApi;
  logger: Logger;
  render: RenderOptions;
  fetchFile: (url: string) => Promise<Buffer>;
};

type SyncedOutcome = "created" | "edited" | "unchanged" | "deleted" | "adopted" | "noted";

export type ExecutionResult =
  | { outcome: SyncedOutcome; messageId?: string; morePending: boolean; acknowledged: boolean }
  | { outcome: "failed"; failure: DiscordFailure; morePending?: undefined };

/**
 * Brings one customer message to the claimed signal version (level-triggered: whatever happened
 * in between, the current content is what gets rendered) and acknowledges through Convex. Every
 * Discord write is recorded before the acknowledgement; a create carries the row's nonce with
 * enforce_nonce so a retry after a crash returns the first message instead of posting twice. The
 * start of a create is recorded by the claim itself (or by forgetMessage for a re-create), so a
 * create costs two Convex calls: claim and complete.
 */
export class DeliveryExecutor {
  constructor(private readonly deps: ExecutorDeps) {}

  async execute(work: ClaimedDelivery): Promise<ExecutionResult> {
    const log = this.deps.logger.child({
      deliveryId: work.deliveryId,
      channelId: work.customerChannelId,
    });
    try {
      const channel = await resolveTextChannel(this.deps.client, work.customerChannelId);
      const result = await this.apply(channel, work);
      log.debug(
        { event: "mirror.synced", outcome: result.outcome, version: work.version },
        "synced",
      );
      return result;
    } catch (error) {
      const failure: DiscordFailure =
        error instanceof NotATextChannelError
          ? { kind: "permanent", message: error.message, code: RESTJSONErrorCodes.UnknownChannel }
          : classifyDiscordError(error);
      const permanent = failure.kind !== "transient";
      await this.deps.api.fail(work.deliveryId, errorReport(failure));
      log[permanent ? "error" : "warn"](
        {
          event: "mirror.delivery_error",
          kind: failure.kind,
          code: failure.code,
          error: failure.message,
        },
        permanent ? "delivery failed permanently" : "delivery failed, will retry",
      );
      return { outcome: "failed", failure };
    }
  }

  private async apply(
    channel: GuildTextBasedChannel,
    work: ClaimedDelivery,
  ): Promise<ExecutionResult> {
    const rendered = renderDelivery(work, this.deps.render);
    if (work.signal.deleted) return this.remove(channel, work, rendered);
    if (work.customerMessageId === undefined)
      return this.create(channel, work, rendered, work.nonce);
    return this.update(channel, work, work.customerMessageId, rendered);
  }

  private async create(
    channel: GuildTextBasedChannel,
    work: ClaimedDelivery,
    rendered: RenderedMessage,
    nonce: string,
    sendStartedAt = work.sendStartedAt,
  ): Promise<ExecutionResult> {
    if (sendStartedAt !== undefined) {
      const orphan = await findOrphan({
        client: this.deps.client,
        api: this.deps.api,
        channel,
        sendStartedAt,
        sendingHash: this.sendingHash(work, rendered),
      });
      if (orphan !== undefined) {
        this.deps.logger.info(
          { event: "mirror.orphan_adopted", deliveryId: work.deliveryId, messageId: orphan.id },
          "adopted a message posted before a crash",
        );
        // Bring the adopted message to the current version (it may show an older one).
        return this.update(channel, adopted(work, orphan), orphan.id, rendered);
      }
    }
    const message = await this.sendWithFallback(rendered, (payload) =>
      channel.send({
        ...payload,
        nonce,
        enforceNonce: true,
        ...(rendered.replyToMessageId === undefined
          ? {}
          : { reply: { messageReference: rendered.replyToMessageId, failIfNotExists: false } }),
      }),
    );
    if (
      message.content !== rendered.content ||
      message.attachments.size !== rendered.files.length
    ) {
      // Discord answered with the earlier message of this nonce (an older version): update it.
      return this.update(channel, adopted(work, message), message.id, rendered);
    }
    const ack = await this.deps.api.complete(work, {
      customerMessageId: message.id,
      updateNoteMessageId: null,
      renderedHash: rendered.hash,
    });
    return this.result(ack, "created", message.id);
  }

  private async update(
    channel: GuildTextBasedChannel,
    work: ClaimedDelivery,
    messageId: string,
    rendered: RenderedMessage,
  ): Promise<ExecutionResult> {
    if (rendered.hash === work.renderedHash) {
      const ack = await this.deps.api.complete(work, {
        customerMessageId: messageId,
        updateNoteMessageId: work.updateNoteMessageId ?? null,
        renderedHash: rendered.hash,
      });
      return this.result(ack, "unchanged", messageId);
    }
    const filesChanged = filesHashOf(rendered.hash) !== filesHashOf(work.renderedHash);
    try {
      await this.sendWithFallback(rendered, (payload) => {
        const edit: MessageEditOptions = {
          content: payload.content,
          allowedMentions: ALLOWED_MENTIONS,
          ...(filesChanged ? { files: payload.files, attachments: [] } : {}),
        };
        return channel.messages.edit(messageId, edit);
      });
    } catch (error) {
      const failure = classifyDiscordError(error);
      if (failure.kind === "message_gone") return this.recreate(channel, work, rendered);
      if (failure.kind === "edit_cap") return this.note(channel, work, messageId, rendered);
      throw error;
    }
    const ack = await this.deps.api.complete(work, {
      customerMessageId: messageId,
      updateNoteMessageId: work.updateNoteMessageId ?? null,
      renderedHash: rendered.hash,
    });
    return this.result(ack, "edited", messageId);
  }

  /** 10008 on edit: the message was deleted by someone else. Post it again under a fresh nonce. */
  private async recreate(
    channel: GuildTextBasedChannel,
    work: ClaimedDelivery,
    rendered: RenderedMessage,
  ): Promise<ExecutionResult> {
    const nonce = await this.deps.api.forgetMessage(work.deliveryId, work.version);
    if (nonce === null) {
      return { outcome: "failed", failure: { kind: "transient", message: "lease lost" } };
    }
    if (work.updateNoteMessageId !== undefined)
      await deleteQuietly(channel, work.updateNoteMessageId);
    this.deps.logger.warn(
      { event: "mirror.recreate", deliveryId: work.deliveryId },
      "customer message vanished; re-creating it",
    );
    return this.create(
      channel,
      { ...work, updateNoteMessageId: undefined },
      rendered,
      nonce,
      undefined,
    );
  }

  /** 30046 edit cap: post (or edit) a reply note carrying the latest content. */
  private async note(
    channel: GuildTextBasedChannel,
    work: ClaimedDelivery,
    messageId: string,
    rendered: RenderedMessage,
  ): Promise<ExecutionResult> {
    const content = renderUpdateNote(rendered);
    let noteId = work.updateNoteMessageId;
    if (noteId !== undefined) {
      try {
        await channel.messages.edit(noteId, { content, allowedMentions: ALLOWED_MENTIONS });
      } catch (error) {
        if (classifyDiscordError(error).kind !== "message_gone") throw error;
        noteId = undefined;
      }
    }
    if (noteId === undefined) {
      const note = await channel.send({
        content,
        allowedMentions: ALLOWED_MENTIONS,
        nonce: `${work.nonce.slice(0, 22)}upd`,
        enforceNonce: true,
        reply: { messageReference: messageId, failIfNotExists: false },
      });
      noteId = note.id;
    }
    const ack = await this.deps.api.complete(work, {
      customerMessageId: messageId,
      updateNoteMessageId: noteId,
      renderedHash: rendered.hash,
    });
    return this.result(ack, "noted", messageId);
  }

  private async remove(
    channel: GuildTextBasedChannel,
    work: ClaimedDelivery,
    rendered: RenderedMessage,
  ): Promise<ExecutionResult> {
    const ids = [work.customerMessageId, work.updateNoteMessageId].filter(
      (id): id is string => id !== undefined,
    );
    if (work.customerMessageId === undefined && work.sendStartedAt !== undefined) {
      const orphan = await findOrphan({
        client: this.deps.client,
        api: this.deps.api,
        channel,
        sendStartedAt: work.sendStartedAt,
        sendingHash: this.sendingHash(work, rendered),
      });
      if (orphan !== undefined) ids.push(orphan.id);
    }
    for (const id of ids) await deleteQuietly(channel, id);
    const ack = await this.deps.api.complete(work, {
      customerMessageId: null,
      updateNoteMessageId: null,
      renderedHash: null,
    });
    return this.result(ack, "deleted");
  }

  /**
   * The content hash of the earlier unrecorded create: recorded by an older bot, else rendered from
   * the version it posted (the claim sends that version's content when an edit came in between),
   * else the current render (same version).
   */
  private sendingHash(work: ClaimedDelivery, rendered: RenderedMessage): string {
    if (work.sendingHash !== undefined) return work.sendingHash;
    const earlier = work.sendingSignal;
    const render =
      earlier === undefined
        ? rendered
        : renderDelivery(
            {
              ...work,
              signal: {
                ...work.signal,
                content: earlier.content,
                parsed: earlier.parsed,
                summary: earlier.summary,
              },
              attachments: earlier.attachments,
              omittedAttachments: earlier.omittedAttachments,
            },
            this.deps.render,
          );
    return contentHashOf(render.hash) ?? "";
  }

  private result(
    ack: { ok: boolean; morePending: boolean },
    outcome: SyncedOutcome,
    messageId?: string,
  ): ExecutionResult {
    if (!ack.ok) {
      this.deps.logger.warn(
        { event: "mirror.lease_lost", outcome, messageId },
        "lease lost before the ack",
      );
    }
    return {
      outcome,
      ...(messageId === undefined ? {} : { messageId }),
      morePending: ack.morePending,
      acknowledged: ack.ok,
    };
  }

  /** Uploads files; a file the guild refuses as too large (40005) is retried once as a link. */
  private async sendWithFallback(
    rendered: RenderedMessage,
    send: (payload: {
      content: string;
      files: { attachment: Buffer; name: string }[];
      allowedMentions: typeof ALLOWED_MENTIONS;
    }) => Promise<Message>,
  ): Promise<Message> {
    const files = await Promise.all(
      rendered.files.map(async (file) => ({
        attachment: await this.deps.fetchFile(file.url),
        name: file.filename,
      })),
    );
    try {
      return await send({ content: rendered.content, files, allowedMentions: ALLOWED_MENTIONS });
    } catch (error) {
      if (classifyDiscordError(error).kind !== "too_large" || files.length === 0) throw error;
      const links = rendered.files.map((file) => `📎 [${file.filename}](<${file.url}>)`).join("\n");
      return send({
        content: `${rendered.content}\n${links}`.slice(0, 2000),
        files: [],
        allowedMentions: ALLOWED_MENTIONS,
      });
    }
  }
}

/** The claim as if it already knew this message, with an unknown render (forces an edit). */
function adopted(work: ClaimedDelivery, message: Message): ClaimedDelivery {
  return { ...work, customerMessageId: message.id, renderedHash: undefined };
}

async function deleteQuietly(channel: GuildTextBasedChannel, messageId: string): Promise<void> {
  try {
    await channel.messages.delete(messageId);
  } catch (error) {
    if (classifyDiscordError(error).kind !== "message_gone") throw error;
  }
}
