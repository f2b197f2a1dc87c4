import { MessageType, type Message, type PartialMessage } from "discord.js";
import { z } from "zod";

const ZSnowflake = z.string().regex(/^\d{17,20}$/, "not a snowflake");

export const ZSourceAttachment = z.object({
  id: ZSnowflake,
  filename: z.string().min(1),
  url: z.url(),
  size: z.number().int().nonnegative(),
  contentType: z.string().optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});
export type SourceAttachment = z.infer<typeof ZSourceAttachment>;

/** The parts of a Discord message the collector ingests, validated at the boundary. */
export const ZSourceMessage = z.object({
  id: ZSnowflake,
  channelId: ZSnowflake,
  guildId: ZSnowflake,
  type: z.number().int(),
  author: z.object({
    id: ZSnowflake,
    name: z.string().min(1),
    bot: z.boolean(),
  }),
  content: z.string(),
  createdAt: z.number().int().positive(),
  editedAt: z.number().int().positive().optional(),
  replyToMessageId: ZSnowflake.optional(),
  attachments: z.array(ZSourceAttachment).max(10),
});
export type SourceMessage = z.infer<typeof ZSourceMessage>;

/** Message types that carry an author's text: plain messages and replies (not pins, joins, …). */
const INGESTED_TYPES: ReadonlySet<number> = new Set([MessageType.Default, MessageType.Reply]);

export function isUserContent(message: SourceMessage): boolean {
  return INGESTED_TYPES.has(message.type);
}

/** Thin adapter: a complete discord.js message → a validated SourceMessage (zod throws if not). */
export function toSourceMessage(message: Message | PartialMessage): SourceMessage {
  const author = message.author;
  return ZSourceMessage.parse({
    id: message.id,
    channelId: message.channelId,
    guildId: message.guildId ?? undefined,
    type: message.type ?? undefined,
    author:
      author === null
        ? undefined
        : {
            id: author.id,
            name: message.member?.displayName ?? author.globalName ?? author.username,
            bot: author.bot,
          },
    content: message.content ?? undefined,
    createdAt: message.createdTimestamp,
    editedAt: message.editedTimestamp ?? undefined,
    replyToMessageId: message.reference?.messageId ?? undefined,
    attachments: [...message.attachments.values()].map((attachment) => ({
      id: attachment.id,
      filename: attachment.name,
      url: attachment.url,
      size: attachment.size,
      contentType: attachment.contentType ?? undefined,
      width: attachment.width ?? undefined,
      height: attachment.height ?? undefined,
    })),
  });
}
