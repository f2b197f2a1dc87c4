// In-memory records of a running world. Serialised to discord-api-types shapes in serialize.ts.
import type { APIEmbed } from "discord-api-types/v10";
import type { TApplicationSpec } from "./spec.js";

export type UserRecord = {
  id: string;
  username: string;
  globalName: string | null;
  email?: string;
  bot: boolean;
  applicationId?: string;
};

export type ApplicationRecord = TApplicationSpec;

export type RoleRecord = {
  id: string;
  guildId: string;
  name: string;
  position: number;
  permissions: bigint;
  color: number;
  hoist: boolean;
  mentionable: boolean;
  botId?: string;
};

export type ChannelRecord = {
  id: string;
  guildId: string;
  name: string;
  type: 0 | 2 | 4 | 5;
  parentId: string | null;
  position: number;
  topic: string | null;
  lastMessageId: string | null;
};

export type MemberRecord = {
  userId: string;
  guildId: string;
  roles: string[];
  nick: string | null;
  joinedAt: string;
};

export type GuildRecord = {
  id: string;
  name: string;
  ownerId: string;
  roles: Map<string, RoleRecord>;
  channelIds: string[];
  members: Map<string, MemberRecord>;
};

export type AttachmentRecord = {
  id: string;
  channelId: string;
  filename: string;
  size: number;
  contentType: string;
  description: string | null;
  width: number | null;
  height: number | null;
  bytes: Uint8Array;
};

export type MessageReference = { messageId: string; channelId: string; guildId: string };

export type MessageRecord = {
  id: string;
  channelId: string;
  guildId: string;
  authorId: string;
  content: string;
  timestamp: string;
  editedTimestamp: string | null;
  attachments: AttachmentRecord[];
  embeds: APIEmbed[];
  nonce: string | number | null;
  reference: MessageReference | null;
  mentionUserIds: string[];
  mentionRoleIds: string[];
  /** `@everyone` or `@here` in the content, and allowed to ping. */
  mentionEveryone: boolean;
  flags: number;
  tts: boolean;
};

export type WorldEvent =
  | { type: "messageCreate"; guildId: string; message: MessageRecord }
  | { type: "messageUpdate"; guildId: string; message: MessageRecord }
  | { type: "messageDelete"; guildId: string; channelId: string; messageId: string }
  | { type: "messageDeleteBulk"; guildId: string; channelId: string; messageIds: string[] }
  | { type: "memberAdd"; guildId: string; member: MemberRecord }
  | { type: "memberUpdate"; guildId: string; member: MemberRecord }
  | { type: "memberRemove"; guildId: string; userId: string };
