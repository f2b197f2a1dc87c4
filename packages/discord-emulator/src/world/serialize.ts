// Records → discord-api-types v10 payloads (the shapes discord.js reads).
import {
  ChannelType,
  Locale,
  MessageType,
  type APIAttachment,
  type APIGuildCategoryChannel,
  type APIGuildVoiceChannel,
  type APINewsChannel,
  type APITextChannel,
  type APIGuild,
  type APIGuildMember,
  type APIMessage,
  type APIRole,
  type APIUser,
  type ChannelFlags,
  type GuildMemberFlags,
  type GuildSystemChannelFlags,
  type RoleFlags,
  type UserFlags,
} from "discord-api-types/v10";
import type { CdnSigner } from "../cdn.js";
import { contentVisible } from "./message-content.js";
import type { World } from "./world.js";
import type {
  ChannelRecord,
  GuildRecord,
  MemberRecord,
  MessageRecord,
  RoleRecord,
  UserRecord,
} from "./types.js";

/** Flag enums in discord-api-types have no zero member; an empty bitfield is 0. */
const NO_FLAGS = 0;

export function apiUser(user: UserRecord): APIUser {
  return {
    id: user.id,
    username: user.username,
    discriminator: "0",
    global_name: user.globalName,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
    flags: NO_FLAGS as UserFlags,
    public_flags: NO_FLAGS as UserFlags,
  };
}

export function apiRole(role: RoleRecord): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: role.color,
    colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
    hoist: role.hoist,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.botId !== undefined,
    mentionable: role.mentionable,
    flags: NO_FLAGS as RoleFlags,
    ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  };
}

export function apiMember(world: World, member: MemberRecord): APIGuildMember {
  return {
    user: apiUser(world.user(member.userId)),
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: [...member.roles],
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: NO_FLAGS as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** The channel kinds a world can hold (see ChannelRecord.type). */
export type GuildChannelPayload =
  APIGuildCategoryChannel | APIGuildVoiceChannel | APINewsChannel | APITextChannel;

export function apiChannel(channel: ChannelRecord): GuildChannelPayload {
  const base = {
    id: channel.id,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    permission_overwrites: [],
    nsfw: false,
    flags: NO_FLAGS as ChannelFlags,
  };
  const text = {
    ...base,
    parent_id: channel.parentId,
    topic: channel.topic,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: 0,
  };
  switch (channel.type) {
    case 4:
      return { ...base, parent_id: null, type: ChannelType.GuildCategory };
    case 2:
      return {
        ...base,
        parent_id: channel.parentId,
        type: ChannelType.GuildVoice,
        bitrate: 64_000,
        user_limit: 0,
        rtc_region: null,
        last_message_id: null,
        rate_limit_per_user: 0,
      };
    case 5:
      return { ...text, type: ChannelType.GuildAnnouncement };
    case 0:
      return { ...text, type: ChannelType.GuildText };
  }
}

export function apiGuild(guild: GuildRecord): APIGuild {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [...guild.roles.values()].map(apiRole),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: NO_FLAGS as GuildSystemChannelFlags,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    hub_type: null,
    incidents_data: null,
  };
}

export function apiAttachment(
  world: World,
  cdn: CdnSigner,
  a: MessageRecord["attachments"][number],
): APIAttachment {
  const url = cdn.url(a);
  return {
    id: a.id,
    filename: a.filename,
    size: a.size,
    url,
    proxy_url: url,
    content_type: a.contentType,
    ...(a.description ? { description: a.description } : {}),
    ...(a.width !== null && a.height !== null ? { width: a.width, height: a.height } : {}),
  };
}

export type MessageView = {
  /**
   * Who reads the message: a bot with or without MessageContent (content is emptied per
   * message-content.ts), or null for the control API / HTML view, which see everything.
   */
  viewer: { userId: string; hasMessageContent: boolean } | null;
  /** Gateway dispatches carry guild_id and member; REST responses don't. */
  dispatch: boolean;
  depth?: number;
};

export function apiMessage(
  world: World,
  cdn: CdnSigner,
  m: MessageRecord,
  view: MessageView,
): APIMessage {
  const author = world.user(m.authorId);
  const guild = world.guilds.get(m.guildId);
  const member = guild?.members.get(m.authorId);
  const redact =
    view.viewer !== null && !contentVisible(view.viewer.hasMessageContent, view.viewer.userId, m);
  const referenced = m.reference
    ? world.log(m.reference.channelId).get(m.reference.messageId)
    : undefined;
  const message: APIMessage = {
    id: m.id,
    channel_id: m.channelId,
    author: apiUser(author),
    content: redact ? "" : m.content,
    timestamp: m.timestamp,
    edited_timestamp: m.editedTimestamp,
    tts: m.tts,
    mention_everyone: m.mentionEveryone,
    mentions: m.mentionUserIds.flatMap((id) => {
      const user = world.users.get(id);
      return user ? [apiUser(user)] : [];
    }),
    mention_roles: [...m.mentionRoleIds],
    attachments: redact ? [] : m.attachments.map((a) => apiAttachment(world, cdn, a)),
    embeds: redact ? [] : m.embeds,
    components: [],
    pinned: false,
    type: m.reference ? MessageType.Reply : MessageType.Default,
    flags: m.flags,
    ...(m.nonce !== null ? { nonce: m.nonce } : {}),
  };
  if (m.reference) {
    message.message_reference = {
      type: 0,
      message_id: m.reference.messageId,
      channel_id: m.reference.channelId,
      guild_id: m.reference.guildId,
    };
    message.referenced_message =
      referenced && (view.depth ?? 0) < 1
        ? apiMessage(world, cdn, referenced, {
            ...view,
            dispatch: false,
            depth: (view.depth ?? 0) + 1,
          })
        : null;
  }
  if (view.dispatch) {
    const withGuild = message as APIMessage & {
      guild_id?: string;
      member?: Omit<APIGuildMember, "user">;
    };
    withGuild.guild_id = m.guildId;
    if (member) {
      const { user: _user, ...rest } = apiMember(world, member);
      withGuild.member = rest;
    }
  }
  return message;
}
