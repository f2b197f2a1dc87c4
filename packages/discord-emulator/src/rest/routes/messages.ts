// /channels/:channel_id/messages…: create (JSON/multipart, nonce dedupe), fetch, history, edit,
// delete, bulk delete.
import { z } from "zod";
import { Errors } from "../../errors.js";
import { snowflakeTimestampMs } from "../../snowflake.js";
import { hasPermission, Permission } from "../../world/permissions.js";
import { apiMessage } from "../../world/serialize.js";
import type { MessageRecord } from "../../world/types.js";
import { requirePermission, visibleChannel } from "../access.js";
import {
  attachUploads,
  readMessageBody,
  allowedMentionsOf,
  ZMessageCreate,
  ZMessageEdit,
} from "../message-payload.js";
import type { RestContext, RouteDef } from "../types.js";
import { parseForm } from "../validation.js";
import { recordAudit } from "../audit.js";

const TWO_WEEKS_MS = 14 * 24 * 3600 * 1000;

function render(ctx: RestContext, message: MessageRecord) {
  const { core, actor } = ctx;
  const hasIntent = actor.kind === "bot" && actor.app.privilegedIntents.includes("MessageContent");
  return apiMessage(core.world, core.cdn, message, {
    viewer: { userId: actor.userId, hasMessageContent: hasIntent },
    dispatch: false,
  });
}

function textChannel(ctx: RestContext) {
  const access = visibleChannel(ctx.core.world, ctx.actor.userId, ctx.params.channel_id ?? "");
  if (access.channel.type !== 0 && access.channel.type !== 5) throw Errors.nonTextChannel();
  return access;
}

const ZHistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: z
    .string()
    .regex(/^\d{17,20}$/)
    .optional(),
  after: z
    .string()
    .regex(/^\d{17,20}$/)
    .optional(),
  around: z
    .string()
    .regex(/^\d{17,20}$/)
    .optional(),
});

const ZBulkDelete = z.object({
  messages: z
    .array(z.string().regex(/^\d{17,20}$/))
    .min(2)
    .max(100),
});

export const messageRoutes: RouteDef[] = [
  {
    method: "POST",
    template: "/channels/:channel_id/messages",
    auth: "bot",
    handler: async (ctx) => {
      const { guild, channel } = textChannel(ctx);
      requirePermission(guild, ctx.actor.userId, Permission.SendMessages);
      const { json, files } = await readMessageBody(ctx.core, await ctx.body());
      const payload = parseForm(ZMessageCreate, json);
      const { newFiles } = attachUploads(payload.attachments, files);
      if (newFiles.length > 0) requirePermission(guild, ctx.actor.userId, Permission.AttachFiles);
      if (!payload.content && !payload.embeds?.length && newFiles.length === 0)
        throw Errors.emptyMessage();
      const ref = payload.message_reference;
      const { message } = ctx.core.world.createMessage({
        channelId: channel.id,
        authorId: ctx.actor.userId,
        content: payload.content ?? "",
        embeds: payload.embeds ?? [],
        files: newFiles,
        nonce: payload.nonce ?? null,
        enforceNonce: payload.enforce_nonce ?? false,
        reference: ref
          ? {
              messageId: ref.message_id,
              channelId: ref.channel_id,
              failIfNotExists: ref.fail_if_not_exists,
            }
          : null,
        flags: payload.flags ?? 0,
        tts: payload.tts ?? false,
        allowedMentions: allowedMentionsOf(payload.allowed_mentions),
      });
      return { status: 200, body: render(ctx, message) };
    },
  },
  {
    method: "GET",
    template: "/channels/:channel_id/messages",
    auth: "bot",
    handler: (ctx) => {
      const { guild, channel } = textChannel(ctx);
      const query = parseForm(ZHistoryQuery, Object.fromEntries(ctx.query));
      if (!hasPermission(guild, ctx.actor.userId, Permission.ReadMessageHistory))
        return { status: 200, body: [] };
      const page = ctx.core.world.log(channel.id).history(query);
      return { status: 200, body: page.map((m) => render(ctx, m)) };
    },
  },
  {
    method: "GET",
    template: "/channels/:channel_id/messages/:message_id",
    auth: "bot",
    handler: (ctx) => {
      const { guild, channel } = textChannel(ctx);
      requirePermission(guild, ctx.actor.userId, Permission.ReadMessageHistory);
      return {
        status: 200,
        body: render(ctx, ctx.core.world.message(channel.id, ctx.params.message_id ?? "")),
      };
    },
  },
  {
    method: "PATCH",
    template: "/channels/:channel_id/messages/:message_id",
    auth: "bot",
    handler: async (ctx) => {
      const { channel, guild } = textChannel(ctx);
      const existing = ctx.core.world.message(channel.id, ctx.params.message_id ?? "");
      if (existing.authorId !== ctx.actor.userId) throw Errors.cannotEditOthers();
      const { json, files } = await readMessageBody(ctx.core, await ctx.body());
      const payload = parseForm(ZMessageEdit, json);
      const { newFiles, keepIds } = attachUploads(payload.attachments, files);
      if (newFiles.length > 0) requirePermission(guild, ctx.actor.userId, Permission.AttachFiles);
      const message = ctx.core.world.editMessage(channel.id, existing.id, {
        content: payload.content,
        embeds: payload.embeds,
        flags: payload.flags,
        keepAttachmentIds: payload.attachments ? keepIds : undefined,
        files: newFiles,
        allowedMentions: allowedMentionsOf(payload.allowed_mentions),
      });
      return { status: 200, body: render(ctx, message) };
    },
  },
  {
    method: "DELETE",
    template: "/channels/:channel_id/messages/:message_id",
    auth: "bot",
    handler: (ctx) => {
      const { channel, guild } = textChannel(ctx);
      const message = ctx.core.world.message(channel.id, ctx.params.message_id ?? "");
      if (message.authorId !== ctx.actor.userId)
        requirePermission(guild, ctx.actor.userId, Permission.ManageMessages);
      ctx.core.world.deleteMessage(channel.id, message.id);
      if (message.authorId !== ctx.actor.userId)
        recordAudit(ctx, { guildId: guild.id, action: "message_delete", targetId: message.id });
      return { status: 204 };
    },
  },
  {
    method: "POST",
    template: "/channels/:channel_id/messages/bulk-delete",
    auth: "bot",
    handler: async (ctx) => {
      const { channel, guild } = textChannel(ctx);
      requirePermission(guild, ctx.actor.userId, Permission.ManageMessages);
      const body = await ctx.body();
      const { messages } = parseForm(ZBulkDelete, body.kind === "json" ? body.value : {});
      const cutoff = Date.now() - TWO_WEEKS_MS;
      if (messages.some((id) => snowflakeTimestampMs(id) < cutoff)) throw Errors.bulkTooOld();
      ctx.core.world.bulkDelete(channel.id, messages);
      recordAudit(ctx, { guildId: guild.id, action: "message_bulk_delete", targetId: channel.id });
      return { status: 204 };
    },
  },
];
