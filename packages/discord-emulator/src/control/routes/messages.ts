// Control routes: messages as human users (post, edit, touch, delete, bulk delete, read).
import type { EmulatorCore } from "../../core.js";
import { apiMessage } from "../../world/serialize.js";
import type { NewFile } from "../../world/world.js";
import { param as p, type ControlRoute } from "../types.js";
import {
  ZControlBulkDelete,
  ZControlEditMessage,
  ZControlPostMessage,
  ZControlSeedHistory,
  ZControlTouchMessage,
} from "../schemas.js";
import { controlMessages } from "../world-summary.js";

const decodeFiles = (
  files: { filename: string; dataBase64: string; description?: string }[],
): NewFile[] =>
  files.map((f) => ({
    filename: f.filename,
    bytes: new Uint8Array(Buffer.from(f.dataBase64, "base64")),
    description: f.description ?? null,
  }));

const fullMessage = (core: EmulatorCore, channelId: string, messageId: string) =>
  apiMessage(core.world, core.cdn, core.world.message(channelId, messageId), {
    viewer: null,
    dispatch: true,
  });

export const messageRoutes: ControlRoute[] = [
  {
    method: "GET",
    template: "/channels/:channel_id/messages",
    handler: (ctx) => ({
      status: 200,
      body: controlMessages(ctx.core.world, ctx.core.cdn, p(ctx, "channel_id")),
    }),
  },
  {
    method: "POST",
    template: "/channels/:channel_id/messages",
    handler: async (ctx) => {
      const input = ZControlPostMessage.parse(await ctx.json());
      const channelId = p(ctx, "channel_id");
      const { message } = ctx.core.world.createMessage({
        channelId,
        authorId: input.authorId,
        content: input.content,
        embeds: input.embeds,
        files: decodeFiles(input.attachments),
        nonce: input.nonce ?? null,
        reference: input.replyTo ? { messageId: input.replyTo } : null,
      });
      return { status: 200, body: fullMessage(ctx.core, channelId, message.id) };
    },
  },
  {
    method: "POST",
    template: "/channels/:channel_id/messages/history",
    handler: async (ctx) => {
      const input = ZControlSeedHistory.parse(await ctx.json());
      const created = ctx.core.world.seedHistory(
        p(ctx, "channel_id"),
        input.messages.map((m) => ({ ...m, authorId: m.authorId ?? input.authorId })),
        {
          spacingMs: input.spacingMs,
          ...(input.endAt === undefined ? {} : { endAt: input.endAt }),
        },
      );
      return {
        status: 201,
        body: {
          count: created.length,
          firstId: created[0]?.id ?? null,
          lastId: created[created.length - 1]?.id ?? null,
        },
      };
    },
  },
  {
    method: "PATCH",
    template: "/channels/:channel_id/messages/:message_id",
    handler: async (ctx) => {
      const input = ZControlEditMessage.parse(await ctx.json());
      const channelId = p(ctx, "channel_id");
      const message = ctx.core.world.editMessage(channelId, p(ctx, "message_id"), {
        content: input.content,
        embeds: input.embeds,
        keepAttachmentIds: input.keepAttachmentIds,
        files: decodeFiles(input.attachments),
      });
      return { status: 200, body: fullMessage(ctx.core, channelId, message.id) };
    },
  },
  {
    method: "POST",
    template: "/channels/:channel_id/messages/:message_id/touch",
    handler: async (ctx) => {
      const input = ZControlTouchMessage.parse(await ctx.json());
      const channelId = p(ctx, "channel_id");
      const message = ctx.core.world.touchMessage(channelId, p(ctx, "message_id"), input.flags);
      return { status: 200, body: fullMessage(ctx.core, channelId, message.id) };
    },
  },
  {
    method: "DELETE",
    template: "/channels/:channel_id/messages/:message_id",
    handler: (ctx) => {
      ctx.core.world.deleteMessage(p(ctx, "channel_id"), p(ctx, "message_id"));
      return { status: 204 };
    },
  },
  {
    method: "POST",
    template: "/channels/:channel_id/messages/bulk-delete",
    handler: async (ctx) => {
      const input = ZControlBulkDelete.parse(await ctx.json());
      ctx.core.world.bulkDelete(p(ctx, "channel_id"), input.messageIds);
      return { status: 204 };
    },
  },
];
